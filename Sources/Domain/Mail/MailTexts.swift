/// What kind of message an outbox row is: what the "E-mail" page shows and what decides the
/// checks at send time (a reminder is not sent to a user who turned reminders off).
public enum MailKind: String, Sendable, CaseIterable {
    case invitation
    case passwordLink = "password_link"
    case reminder
    case planSubmitted = "plan_submitted"
    case planReturned = "plan_returned"
    case planApproved = "plan_approved"
    case planReopened = "plan_reopened"
    case agreementToSign = "agreement_to_sign"
    case reportPublished = "report_published"

    /// Dutch, for the list of messages.
    public var label: String {
        switch self {
        case .invitation: "Uitnodiging"
        case .passwordLink: "Wachtwoordlink"
        case .reminder: "Herinnering inleverdatum"
        case .planSubmitted: "Jaarplan ingediend"
        case .planReturned: "Jaarplan teruggestuurd"
        case .planApproved: "Jaarplan goedgekeurd"
        case .planReopened: "Jaarplan heropend"
        case .agreementToSign: "Ter ondertekening"
        case .reportPublished: "Rapportage gepubliceerd"
        }
    }
}

/// The state of an outbox row.
public enum MailState: String, Sendable, CaseIterable {
    case pending, sent, failed

    public var label: String {
        switch self {
        case .pending: "In de wachtrij"
        case .sent: "Verzonden"
        case .failed: "Mislukt"
        }
    }
}

/// A message as the "E-mail" page lists it: never its body (a set-password link is a secret).
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int64
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var kind: MailKind?
    public var state: MailState
    public var attempts: Int
    public var lastError: String?
    public var createdAt: String
    public var sentAt: String?
    public var nextAttemptAt: Int64

    public init(id: Int64, toName: String, toAddress: String, subject: String, kind: MailKind?, state: MailState, attempts: Int,
                lastError: String?, createdAt: String, sentAt: String?, nextAttemptAt: Int64) {
        self.id = id
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.kind = kind
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.nextAttemptAt = nextAttemptAt
    }
}

/// The Dutch texts of the messages: short, plain, one absolute link each.
public enum MailTexts {
    public struct Text: Sendable, Equatable {
        public var subject: String
        public var body: String
    }

    /// The site's name in the texts; the outbox puts the programme's own (`programme.site_name`)
    /// in its place when a message is written (Outbox.enqueue).
    public static let siteName = "Plus IKC"

    static let closing = "\n\nMet vriendelijke groet,\n\(siteName)\n\nDit bericht is automatisch verstuurd; een antwoord wordt niet gelezen."

    public static func invitation(name: String, link: String, validDays: Int) -> Text {
        Text(subject: "Uw account voor \(siteName)",
             body: "Beste \(name),\n\nEr is een account voor u aangemaakt in \(siteName). Kies via deze link uw wachtwoord:\n\n\(link)\n\n"
                + "De link werkt één keer en is \(validDays) dagen geldig. Werkt hij niet meer, vraag dan de projectleider om een nieuwe."
                + closing)
    }

    public static func passwordLink(name: String, link: String, validDays: Int) -> Text {
        Text(subject: "Nieuwe link voor uw wachtwoord in \(siteName)",
             body: "Beste \(name),\n\nDe projectleider heeft een nieuwe link gemaakt waarmee u uw wachtwoord kiest:\n\n\(link)\n\n"
                + "De link werkt één keer en is \(validDays) dagen geldig. Uw huidige wachtwoord blijft werken tot u de link gebruikt."
                + closing)
    }

    /// Which deadline reminder: 21 days before, 7 days before, the first day late.
    public enum ReminderMoment: String, Sendable, CaseIterable {
        case threeWeeks = "21"
        case oneWeek = "7"
        case late

        /// The moment that is due on `today` for a plan due on `dueOn` (nil: none). Each moment
        /// has a window, so a server that was down on the day itself still sends it once later:
        /// 21 → 8 days before, 7 → 0 days before, and the first week after the due date.
        public static func due(today: Day, dueOn: Day) -> ReminderMoment? {
            let daysLeft = today.days(until: dueOn)
            switch daysLeft {
            case 8...21: return .threeWeeks
            case 0...7: return .oneWeek
            case -7 ... -1: return .late
            default: return nil
            }
        }
    }

    /// The reminder about one moment (`part`: the jaarplan before the year, the verantwoording after it).
    public static func reminder(name: String, ikcName: String, yearLabel: String, dueOn: Day, lastDay: Day, today: Day,
                                moment: ReminderMoment, part: YearPlan.Moment = .jaarplan, link: String) -> Text {
        let daysLeft = today.days(until: dueOn)
        let word = part == .jaarplan ? "jaarplan" : "verantwoording"
        let the = part == .jaarplan ? "Het" : "De"
        let it = part == .jaarplan ? "het" : "zij"
        switch moment {
        case .threeWeeks, .oneWeek:
            let when = daysLeft == 0 ? "vandaag" : daysLeft == 1 ? "morgen" : "over \(daysLeft) dagen"
            return Text(subject: "Herinnering: \(word) \(yearLabel) van \(ikcName) uiterlijk \(dueOn.dutch)",
                        body: "Beste \(name),\n\n\(the) \(word) \(yearLabel) van \(ikcName) moet \(when) (\(dueOn.dutch)) zijn ingediend. "
                            + "\(it == "het" ? "Het is" : "Zij is") nog niet ingediend.\n\n\(link)" + closing)
        case .late:
            let grace = lastDay > dueOn ? " Tot en met \(lastDay.dutch) telt \(it) nog als op tijd." : ""
            return Text(subject: "\(part.label) \(yearLabel) van \(ikcName) is nog niet ingediend",
                        body: "Beste \(name),\n\nDe inleverdatum van \(part == .jaarplan ? "het" : "de") \(word) \(yearLabel) van \(ikcName) was \(dueOn.dutch); "
                            + "\(it) is nog niet ingediend.\(grace)\n\n\(link)" + closing)
        }
    }
}

/// The texts of the workflow events (issue 20, part 3).
extension MailTexts {
    public static func planSubmitted(name: String, ikcName: String, yearLabel: String, link: String) -> Text {
        Text(subject: "Jaarplan \(yearLabel) van \(ikcName) ingediend",
             body: "Beste \(name),\n\n\(ikcName) heeft het jaarplan \(yearLabel) ingediend. Het wacht op uw beoordeling:\n\n\(link)" + closing)
    }

    public static func planReturned(name: String, ikcName: String, yearLabel: String, reason: String, link: String) -> Text {
        Text(subject: "Jaarplan \(yearLabel) van \(ikcName) teruggestuurd",
             body: "Beste \(name),\n\nHet jaarplan \(yearLabel) van \(ikcName) is teruggestuurd met deze reden:\n\n\(reason)\n\n"
                + "Pas het plan aan en dien het opnieuw in:\n\n\(link)" + closing)
    }

    public static func planApproved(name: String, ikcName: String, yearLabel: String, link: String) -> Text {
        Text(subject: "Jaarplan \(yearLabel) van \(ikcName) goedgekeurd",
             body: "Beste \(name),\n\nHet jaarplan \(yearLabel) van \(ikcName) is goedgekeurd.\n\n\(link)" + closing)
    }

    public static func planReopened(name: String, ikcName: String, yearLabel: String, link: String) -> Text {
        Text(subject: "Jaarplan \(yearLabel) van \(ikcName) heropend",
             body: "Beste \(name),\n\nHet jaarplan \(yearLabel) van \(ikcName) is heropend en kan weer worden aangepast.\n\n\(link)" + closing)
    }

    public static func agreementToSign(name: String, ikcName: String, period: String, link: String) -> Text {
        Text(subject: "Resultaatafspraak \(ikcName) \(period) ter ondertekening",
             body: "Beste \(name),\n\nDe resultaatafspraak van \(ikcName) voor \(period) staat klaar ter ondertekening:\n\n\(link)" + closing)
    }

    public static func reportPublished(name: String, title: String, link: String) -> Text {
        Text(subject: "Gepubliceerd: \(title)",
             body: "Beste \(name),\n\nDe rapportage \(title) is gepubliceerd:\n\n\(link)" + closing)
    }
}
