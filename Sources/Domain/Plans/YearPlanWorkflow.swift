/// A funding source as a plan's spending table shows it, with what the agreement puts in.
public struct PlanFundingLine: Sendable, Equatable {
    public var sourceID: Int64
    public var name: String
    /// What the agreement in force contributes from this source this year; nil when nothing.
    public var agreedCents: Int64?

    public init(sourceID: Int64, name: String, agreedCents: Int64?) {
        self.sourceID = sourceID
        self.name = name
        self.agreedCents = agreedCents
    }
}

/// A staffing role as a plan's Check shows it, with the hours per week the agreement sets.
public struct PlanStaffingLine: Sendable, Equatable {
    public var code: String
    public var label: String
    public var agreedHours: Double?

    public init(code: String, label: String, agreedHours: Double?) {
        self.code = code
        self.label = label
        self.agreedHours = agreedHours
    }
}

/// A dated Do note.
public struct ProgressNote: Sendable, Equatable {
    public var id: Int64
    public var notedOn: Day
    public var text: String
    public var authorName: String?

    public init(id: Int64, notedOn: Day, text: String, authorName: String?) {
        self.id = id
        self.notedOn = notedOn
        self.text = text
        self.authorName = authorName
    }
}

/// Who may change a plan in which status, and why not (the page says it).
public enum YearPlanRules {
    public enum Editability: Sendable, Equatable {
        case editable
        case readOnly(reason: String)

        public var isEditable: Bool { self == .editable }
        public var reason: String? {
            if case .readOnly(let reason) = self { return reason }
            return nil
        }
    }

    /// A submitted plan is read-only for the director, an approved one for everybody; the
    /// steering group (KvK2: Ontwikkelgroep, named by `steeringGroup`) only reads.
    public static func editability(status: YearPlan.Status, role: Role, steeringGroup: String = "Ontwikkelgroep") -> Editability {
        if status == .goedgekeurd {
            return .readOnly(reason: "Dit jaarplan is goedgekeurd. Alleen de projectleider kan het heropenen, met een reden.")
        }
        switch role {
        case .ontwikkelgroep:
            return .readOnly(reason: "Als lid van de \(steeringGroup) kunt u jaarplannen lezen, maar niet wijzigen.")
        case .directeur:
            if status == .ingediend {
                return .readOnly(reason: "U hebt dit jaarplan ingediend; het wacht op beoordeling door de projectleider. Wordt het teruggestuurd, dan kunt u het weer wijzigen.")
            }
            return .editable
        case .projectleider:
            return .editable
        case .partner:
            return .readOnly(reason: "Als partner kunt u jaarplannen lezen, maar niet wijzigen.")
        }
    }

    /// Which transitions exist: concept or teruggestuurd → ingediend → goedgekeurd or teruggestuurd.
    public static func canSubmit(_ status: YearPlan.Status) -> Bool { status == .concept || status == .teruggestuurd }
    public static func canReview(_ status: YearPlan.Status) -> Bool { status == .ingediend }

    /// What is still missing before the plan can be submitted, in Dutch, in page order.
    /// Saving never needs any of this; only submitting does.
    public static func missing(content: YearPlanContent, results: [PlanResult], funding: [PlanFundingLine]) -> [String] {
        var out: [String] = []
        if content.intention.trimmingWhitespace().isEmpty { out.append("Plan: de algemene intentie voor dit jaar") }
        for result in results where (content.activities[result.id] ?? "").trimmingWhitespace().isEmpty {
            out.append("Plan: de geplande activiteiten bij ‘\(result.description)’")
        }
        if content.plannedCents.isEmpty { out.append("Plan: de geplande besteding (bij minstens één financieringsbron)") }
        for result in results {
            switch content.measurements[result.id]?.value ?? .empty {
            case .empty: out.append("Check: de gemeten waarde van ‘\(result.indicator)’, of ‘niet gemeten’ met een reden")
            case .notMeasured(let reason) where reason.trimmingWhitespace().isEmpty:
                out.append("Check: de reden waarom ‘\(result.indicator)’ niet gemeten is")
            default: break
            }
        }
        for line in funding where content.plannedCents[line.sourceID] != nil && content.spentCents[line.sourceID] == nil {
            out.append("Check: het werkelijk bestede bedrag uit ‘\(line.name)’")
        }
        if content.actChanges.trimmingWhitespace().isEmpty { out.append("Act: wat er volgend jaar verandert") }
        return out
    }
}

/// The submission deadlines of a programme year, with their grace periods (plan_deadlines):
/// `dueOn`/`graceDays` for the jaarplan, `accountDueOn`/`accountGraceDays` for the verantwoording.
public struct PlanDeadline: Sendable, Equatable {
    public var year: Int
    public var dueOn: Day
    public var graceDays: Int
    public var accountDueOn: Day?
    public var accountGraceDays: Int

    public init(year: Int, dueOn: Day, graceDays: Int, accountDueOn: Day? = nil, accountGraceDays: Int = 0) {
        self.year = year
        self.dueOn = dueOn
        self.graceDays = graceDays
        self.accountDueOn = accountDueOn
        self.accountGraceDays = accountGraceDays
    }

    /// The deadline of one moment, as a single-deadline value (its dueOn and graceDays), or nil
    /// when the verantwoording has no deadline set.
    public func moment(_ moment: YearPlan.Moment) -> PlanDeadline? {
        switch moment {
        case .jaarplan: return PlanDeadline(year: year, dueOn: dueOn, graceDays: graceDays)
        case .verantwoording: return accountDueOn.map { PlanDeadline(year: year, dueOn: $0, graceDays: accountGraceDays) }
        }
    }

    /// The last day a plan still counts as on time.
    public var lastDay: Day { dueOn.addingDays(graceDays) }

    /// A plan is late when it was submitted after the last day, or when it is not (or no longer)
    /// submitted and the last day has passed. A missing plan (status nil) counts as not submitted.
    public func isLate(status: YearPlan.Status?, submittedOn: Day?, today: Day) -> Bool {
        if let status, status.isSubmitted {
            guard let submittedOn else { return false }
            return submittedOn > lastDay
        }
        return today > lastDay
    }

    public enum Reminder: Sendable, Equatable {
        /// Nothing to say (more than 21 days ahead, or submitted).
        case none
        /// 21 to 8 days before the due date.
        case upcoming(daysLeft: Int)
        /// 7 days before the due date up to the due date itself.
        case soon(daysLeft: Int)
        /// After the due date, within the grace period.
        case inGrace(daysLeft: Int)
        /// After the grace period.
        case late
    }

    /// The director's reminder: from 21 days before the due date, more urgent from 7 days before.
    public func reminder(status: YearPlan.Status?, today: Day) -> Reminder {
        if let status, status.isSubmitted { return .none }
        let daysLeft = today.days(until: dueOn)
        if daysLeft > 21 { return .none }
        if daysLeft > 7 { return .upcoming(daysLeft: daysLeft) }
        if daysLeft >= 0 { return .soon(daysLeft: daysLeft) }
        let graceLeft = today.days(until: lastDay)
        return graceLeft >= 0 ? .inGrace(daysLeft: graceLeft) : .late
    }
}

extension YearPlanRules {
    /// What is wrong with a Check value for its unit, or nil: a percentage lies between 0 and 100,
    /// yes/no is 1 or 0, counts, scores and amounts are not negative.
    public static func valueProblem(unit: String, value: Double) -> String? {
        switch unit {
        case "percent": return (0...100).contains(value) ? nil : "Een percentage ligt tussen 0 en 100."
        case "yesno": return value == 0 || value == 1 ? nil : "Kies ja of nee."
        default: return value >= 0 ? nil : "De waarde kan niet negatief zijn."
        }
    }

    /// The longest text a plan field takes.
    public static let maxTextLength = 20_000
}
