/// The annual report (jaarrapportage) for the Ontwikkelgroep: computed from the figures of one
/// year (`ReportFigures`), which are also what a published edition freezes (as JSON).
///
/// Only approved (goedgekeurd) yearly plans count as results; every other plan is listed as
/// missing, late or not yet approved, so nobody mistakes a gap for a result.
public struct ReportFigures: Sendable, Equatable, Codable {
    public var year: Int
    public var yearLabel: String
    public var yearKindExplanation: String
    public var goals: [Goal]
    public var ikcs: [IKCFigures]
    public var sources: [SourceFigures]
    /// Years shown in the trend charts (the programme's first year up to `year`).
    public var trendYears: [Int]
    /// "Resultaten per indicator": the programme figure per library indicator (nil in editions
    /// published before the library).
    public var indicators: [IndicatorLine]? = nil
    /// Budget statuses and staffing capacity of the year (issue 19); nil in editions published before.
    public var planning: ReportPlanning?

    public init(year: Int, yearLabel: String, yearKindExplanation: String, goals: [Goal], ikcs: [IKCFigures],
                sources: [SourceFigures], trendYears: [Int]) {
        self.year = year
        self.yearLabel = yearLabel
        self.yearKindExplanation = yearKindExplanation
        self.goals = goals
        self.ikcs = ikcs
        self.sources = sources
        self.trendYears = trendYears
    }

    public struct Goal: Sendable, Equatable, Codable {
        public var id: Int64
        public var name: String
        public init(id: Int64, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The state of an IKC's plan for the year, as the report lists it.
    public enum PlanState: String, Sendable, Codable {
        case missing, concept, ingediend, teruggestuurd, goedgekeurd

        public var label: String {
            switch self {
            case .missing: "Geen jaarplan"
            case .concept: "Concept"
            case .ingediend: "Ingediend, nog niet beoordeeld"
            case .teruggestuurd: "Teruggestuurd"
            case .goedgekeurd: "Goedgekeurd"
            }
        }
    }

    public struct IKCFigures: Sendable, Equatable, Codable {
        public var id: Int64
        public var name: String
        /// The number of the agreement version in force in the year; nil when none is fixed.
        public var agreementVersion: Int?
        public var planState: PlanState
        public var planLate: Bool
        public var results: [ResultFigures]
        public var money: [MoneyLine]
        public var staffing: [StaffingLine]
        public var actChanges: String
        public var actProposal: String

        public init(id: Int64, name: String, agreementVersion: Int?, planState: PlanState, planLate: Bool, results: [ResultFigures],
                    money: [MoneyLine], staffing: [StaffingLine], actChanges: String, actProposal: String) {
            self.id = id
            self.name = name
            self.agreementVersion = agreementVersion
            self.planState = planState
            self.planLate = planLate
            self.results = results
            self.money = money
            self.staffing = staffing
            self.actChanges = actChanges
            self.actProposal = actProposal
        }
    }

    public struct ResultFigures: Sendable, Equatable, Codable {
        public var goalID: Int64
        public var description: String
        public var indicator: String
        public var unit: String
        public var direction: String
        public var accumulation: String
        public var baseline: Double?
        public var baselineYear: Int?
        /// Target per year of the agreement (as "year": value).
        public var targets: [Int: Double]
        /// Measured value per year from approved plans (a missing key: no approved measurement).
        public var measured: [Int: Double]
        /// Years in which the approved plan said "niet gemeten", with the reason.
        public var notMeasured: [Int: String]

        public init(goalID: Int64, description: String, indicator: String, unit: String, direction: String, accumulation: String,
                    baseline: Double?, baselineYear: Int?, targets: [Int: Double], measured: [Int: Double], notMeasured: [Int: String]) {
            self.goalID = goalID
            self.description = description
            self.indicator = indicator
            self.unit = unit
            self.direction = direction
            self.accumulation = accumulation
            self.baseline = baseline
            self.baselineYear = baselineYear
            self.targets = targets
            self.measured = measured
            self.notMeasured = notMeasured
        }

        /// The final target: the one of the agreement's last year.
        public var finalTarget: Double? { targets.keys.max().flatMap { targets[$0] } }

        /// The value compared with the targets in `year`: the year's value, or for a cumulative
        /// result the total measured up to and including that year.
        public func comparedValue(in year: Int) -> Double? {
            guard let value = measured[year] else { return nil }
            guard accumulation == TargetAccumulation.cumulative.rawValue else { return value }
            return measured.filter { $0.key < year }.values.reduce(value, +)
        }

        public func status(in year: Int) -> IndicatorStatus {
            IndicatorClassifier.classify(direction: IndicatorDirection(rawValue: direction) ?? .higher,
                                         value: comparedValue(in: year), yearTarget: targets[year], finalTarget: finalTarget)
        }
    }

    public struct MoneyLine: Sendable, Equatable, Codable {
        public var source: String
        public var agreedCents: Int64
        /// nil: not (yet) reported in an approved plan; never read as 0.
        public var spentCents: Int64?
        public init(source: String, agreedCents: Int64, spentCents: Int64?) {
            self.source = source
            self.agreedCents = agreedCents
            self.spentCents = spentCents
        }
    }

    public struct StaffingLine: Sendable, Equatable, Codable {
        public var role: String
        public var agreedHours: Double
        public var deployedHours: Double?
        public init(role: String, agreedHours: Double, deployedHours: Double?) {
            self.role = role
            self.agreedHours = agreedHours
            self.deployedHours = deployedHours
        }
    }

    public struct SourceFigures: Sendable, Equatable, Codable {
        public var name: String
        public var budgetCents: Int64
        public var committedCents: Int64
        public var spentCents: Int64?
        /// The source this one is a part of (an earmark): its money is inside that source's, so totals leave it out.
        public var partOf: String?
        public init(name: String, budgetCents: Int64, committedCents: Int64, spentCents: Int64?) {
            self.name = name
            self.budgetCents = budgetCents
            self.committedCents = committedCents
            self.spentCents = spentCents
        }
    }
}

/// What the report says, computed from its figures.
public struct AnnualReport: Sendable, Equatable {
    public var figures: ReportFigures

    public init(figures: ReportFigures) { self.figures = figures }

    /// Counts of results per status.
    public struct Tally: Sendable, Equatable {
        public var achieved = 0
        public var onTrack = 0
        public var behind = 0
        public var noData = 0
        public init(achieved: Int = 0, onTrack: Int = 0, behind: Int = 0, noData: Int = 0) {
            self.achieved = achieved
            self.onTrack = onTrack
            self.behind = behind
            self.noData = noData
        }
        public var total: Int { achieved + onTrack + behind + noData }

        mutating func add(_ status: IndicatorStatus) {
            switch status {
            case .achieved: achieved += 1
            case .onTrack: onTrack += 1
            case .behind: behind += 1
            case .noData: noData += 1
            }
        }
    }

    /// Per programme goal: the tally of every Plus IKC's results under it.
    public func tally(goalID: Int64) -> Tally {
        var tally = Tally()
        for ikc in figures.ikcs {
            for result in ikc.results where result.goalID == goalID {
                tally.add(result.status(in: figures.year))
            }
        }
        return tally
    }

    public var totalTally: Tally {
        var tally = Tally()
        for ikc in figures.ikcs { for result in ikc.results { tally.add(result.status(in: figures.year)) } }
        return tally
    }

    /// Plans that are not approved: missing, late, or waiting.
    public var gaps: [(ikc: String, state: ReportFigures.PlanState, late: Bool)] {
        figures.ikcs.filter { $0.planState != .goedgekeurd || $0.planLate }.map { ($0.name, $0.planState, $0.planLate) }
    }

    /// Whether there are any approved plans for the year at all.
    public var hasApprovedPlans: Bool { figures.ikcs.contains { $0.planState == .goedgekeurd } }

    /// Totals add the top-level sources only: a part's money is inside its parent's (issue 19).
    public var totalBudgetCents: Int64 { figures.sources.filter { $0.partOf == nil }.reduce(0) { $0 + $1.budgetCents } }
    public var totalCommittedCents: Int64 { figures.sources.filter { $0.partOf == nil }.reduce(0) { $0 + $1.committedCents } }
    /// nil when no source has any reported spending.
    public var totalSpentCents: Int64? {
        let known = figures.sources.filter { $0.partOf == nil }.compactMap(\.spentCents)
        return known.isEmpty ? nil : known.reduce(0, +)
    }
}

extension ReportFigures {
    /// Any year as the programme says it, in the format of the report's own year label
    /// (`2023-2024` in a school-year programme, `2023` in a calendar-year one). Derived from the
    /// stored label, so a published edition's figures (and fingerprint) stay as they were.
    public func label(of year: Int) -> String {
        yearLabel.contains("-") ? "\(year)-\(year + 1)" : String(year)
    }
}
