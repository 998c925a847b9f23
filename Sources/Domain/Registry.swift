/// An organisation (table `organisations`): the municipality, a koepel, a childcare organisation
/// or another partner, with the person who signs agreements for it.
public struct Organisation: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var contactName: String
    public var contactEmail: String
    public var signatoryName: String
    public var signatoryTitle: String
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", kind: String = "koepel", contactName: String = "",
                contactEmail: String = "", signatoryName: String = "", signatoryTitle: String = "",
                lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.signatoryName = signatoryName
        self.signatoryTitle = signatoryTitle
        self.lockVersion = lockVersion
    }

    public func validate(kinds: [String]) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(name, "name", "de naam", into: &errors)
        Check.maxLength(name, 200, "name", "de naam", into: &errors)
        if !kinds.contains(kind) { errors.add("kind", "Kies het soort organisatie.") }
        Check.characters(contactName, "contactName", into: &errors)
        Check.characters(signatoryName, "signatoryName", into: &errors)
        Check.characters(signatoryTitle, "signatoryTitle", into: &errors)
        let email = contactEmail.trimmingWhitespace()
        if !email.isEmpty && !Check.isEmail(email) {
            errors.add("contactEmail", "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.")
        }
        return errors
    }
}

/// An area (gebied); the seven aandachtsgebieden are priority areas.
public struct Area: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var isPriority: Bool
    public var reassessedOn: Day?
    public var notes: String
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", isPriority: Bool = false, reassessedOn: Day? = nil,
                notes: String = "", lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.isPriority = isPriority
        self.reassessedOn = reassessedOn
        self.notes = notes
        self.lockVersion = lockVersion
    }

    /// The classification is re-assessed every `years` years; overdue when that date has passed
    /// (or when it was never assessed).
    public func reassessmentOverdue(today: Day, years: Int) -> Bool {
        guard let reassessedOn else { return true }
        return reassessedOn.addingYears(years) < today
    }
}

/// The kinds of IKC of the programme (section 2.2: A, B, C, plus special education).
public enum IKCKind: String, Sendable, CaseIterable {
    case plus
    case regulier
    case kleineKern = "kleine_kern"
    case speciaal

    public var label: String {
        switch self {
        case .plus: "Plus IKC"
        case .regulier: "Regulier IKC"
        case .kleineKern: "IKC in kleine kern"
        case .speciaal: "IKC speciaal onderwijs"
        }
    }
}

/// An integral child centre (table `ikcs`).
public struct IKC: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: IKCKind
    public var koepelID: Int64
    public var areaID: Int64?
    public var directorName: String
    public var childrenCount: Int?
    public var profile: String
    public var childcareIDs: [Int64]
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", kind: IKCKind = .plus, koepelID: Int64 = 0, areaID: Int64? = nil,
                directorName: String = "", childrenCount: Int? = nil, profile: String = "",
                childcareIDs: [Int64] = [], lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.koepelID = koepelID
        self.areaID = areaID
        self.directorName = directorName
        self.childrenCount = childrenCount
        self.profile = profile
        self.childcareIDs = childcareIDs
        self.lockVersion = lockVersion
    }
}

/// The Plus predicate: granted for a term, re-assessed (herijking) every few years.
public struct PlusPredicate: Sendable, Equatable {
    public var ikcID: Int64
    public var grantedOn: Day
    public var lastReassessedOn: Day?
    public var notes: String
    public var lockVersion: Int64

    public init(ikcID: Int64, grantedOn: Day, lastReassessedOn: Day? = nil, notes: String = "", lockVersion: Int64 = 1) {
        self.ikcID = ikcID
        self.grantedOn = grantedOn
        self.lastReassessedOn = lastReassessedOn
        self.notes = notes
        self.lockVersion = lockVersion
    }

    /// The end of the term: granted plus the term (four years in KvK2).
    public func termEnds(termYears: Int) -> Day { grantedOn.addingYears(termYears) }

    /// The next re-assessment: every `everyYears` after the grant, the first one after the last
    /// re-assessment (or after the grant when there was none).
    public func nextReassessment(everyYears: Int) -> Day {
        let since = lastReassessedOn ?? grantedOn
        var next = grantedOn.addingYears(everyYears)
        while next <= since { next = next.addingYears(everyYears) }
        return next
    }

    /// Due when the next re-assessment or the end of the term falls within three months of today
    /// (or has already passed).
    public func isDue(today: Day, termYears: Int, everyYears: Int) -> Bool {
        let horizon = today.addingMonths(3)
        return nextReassessment(everyYears: everyYears) <= horizon || termEnds(termYears: termYears) <= horizon
    }
}

/// The state of one Plus condition for one IKC.
public enum ConditionState: String, Sendable, CaseIterable {
    case met
    case notYet = "not_yet"
    case notMet = "not_met"

    public var label: String {
        switch self {
        case .met: "Voldaan"
        case .notYet: "Nog niet"
        case .notMet: "Niet voldaan"
        }
    }
}
