/// The programme's settings (table `programme`): stored data, so another municipality can run
/// the same application with its own years and goals.
public struct Programme: Sendable, Equatable {
    public enum YearKind: String, Sendable {
        /// 1 August to 31 July, written 2024-2025; the integer year is the one the school year starts in.
        case school
        case calendar
    }

    public var name: String
    public var municipality: String
    public var firstYear: Int
    public var lastYear: Int
    public var yearKind: YearKind
    public var plusTermYears: Int
    public var plusReassessmentYears: Int
    public var areaReassessmentYears: Int
    /// Whether an agreement needs a result under every programme goal before it can be signed;
    /// otherwise an uncovered goal is only a warning (KvK2: not required).
    public var requiresEveryGoal = false
    /// The programme's own words (0009): a short name ("KvK2"), the name the site goes by
    /// ("Plus IKC"), the steering group's name ("Ontwikkelgroep") and the age range.
    public var shortName = ""
    public var siteName = "Plus IKC"
    public var steeringGroup = "Ontwikkelgroep"
    public var minAge = 0
    public var maxAge = 12
    /// The configured lists (0009): IKC kinds, organisation kinds and the area classification.
    public var ikcKinds: [IKCKindSetting] = []
    public var organisationKinds: [OrganisationKindSetting] = []
    public var areaClasses: [AreaClass] = []

    public init(name: String, municipality: String, firstYear: Int, lastYear: Int, yearKind: YearKind,
                plusTermYears: Int = 4, plusReassessmentYears: Int = 2, areaReassessmentYears: Int = 2) {
        self.name = name
        self.municipality = municipality
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.yearKind = yearKind
        self.plusTermYears = plusTermYears
        self.plusReassessmentYears = plusReassessmentYears
        self.areaReassessmentYears = areaReassessmentYears
    }

    public var years: ClosedRange<Int> { firstYear...lastYear }

    /// How a year is written: '2024-2025' for a school year, '2024' for a calendar year.
    public func yearLabel(_ year: Int) -> String {
        switch yearKind {
        case .school: "\(year)-\(year + 1)"
        case .calendar: "\(year)"
        }
    }

    /// The sentence pages show next to years, so nobody mistakes one kind for the other.
    public var yearKindExplanation: String {
        switch yearKind {
        case .school: "Jaren zijn schooljaren (1 augustus tot en met 31 juli)."
        case .calendar: "Jaren zijn kalenderjaren."
        }
    }

    /// The programme year a date falls in.
    public func year(containing day: Day) -> Int {
        switch yearKind {
        case .school: day.month >= 8 ? day.year : day.year - 1
        case .calendar: day.year
        }
    }
}

/// One of the programme's goals (table `programme_goals`).
public struct ProgrammeGoal: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var position: Int
    public var name: String

    public init(id: Int64, position: Int, name: String) {
        self.id = id
        self.position = position
        self.name = name
    }
}

/// A code list entry (organisation kinds, funding source kinds, staffing roles).
public struct CodeLabel: Sendable, Equatable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}
