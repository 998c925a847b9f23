/// A value in two versions; `changed` when they differ (a cell present in one version only
/// counts as changed).
public struct Change<Value: Equatable & Sendable>: Sendable, Equatable {
    public var old: Value?
    public var new: Value?

    public init(old: Value?, new: Value?) {
        self.old = old
        self.new = new
    }

    public var changed: Bool { old != new }
}

/// What changed between two versions of an agreement: targets (matched by result lineage),
/// amounts (party × source), hours (role) per year, and the text sections.
public struct AgreementComparison: Sendable {
    public struct TargetRow: Sendable {
        public var lineage: Int64
        public var goalID: Int64
        public var indicator: String
        public var unit: ResultUnit
        /// The result exists in only one of the two versions.
        public var presence: Change<Bool>
        public var cells: [Int: Change<Double>]
    }

    public struct AmountRow: Sendable {
        public var organisationID: Int64
        public var fundingSourceID: Int64
        public var cells: [Int: Change<Int64>]
    }

    public struct HoursRow: Sendable {
        public var roleCode: String
        public var cells: [Int: Change<Double>]
    }

    public struct TextRow: Sendable {
        public var title: String
        public var change: Change<String>
    }

    public var years: [Int]
    public var targets: [TargetRow]
    public var amounts: [AmountRow]
    public var hours: [HoursRow]
    public var texts: [TextRow]

    public init(from old: AgreementContent, to new: AgreementContent, years: ClosedRange<Int>) {
        self.years = Array(years)
        let yearList = Array(years)

        var lineages: [Int64] = []
        var oldByLineage: [Int64: AgreementResult] = [:]
        var newByLineage: [Int64: AgreementResult] = [:]
        for result in new.results.sorted(by: { ($0.goalID, $0.position) < ($1.goalID, $1.position) }) {
            newByLineage[result.lineage] = result
            lineages.append(result.lineage)
        }
        for result in old.results.sorted(by: { ($0.goalID, $0.position) < ($1.goalID, $1.position) }) {
            oldByLineage[result.lineage] = result
            if newByLineage[result.lineage] == nil { lineages.append(result.lineage) }
        }
        targets = lineages.compactMap { lineage in
            guard let any = newByLineage[lineage] ?? oldByLineage[lineage] else { return nil }
            var cells: [Int: Change<Double>] = [:]
            for year in yearList {
                cells[year] = Change(old: oldByLineage[lineage]?.targets[year], new: newByLineage[lineage]?.targets[year])
            }
            return TargetRow(lineage: lineage, goalID: any.goalID, indicator: any.indicator, unit: any.unit,
                             presence: Change(old: oldByLineage[lineage] != nil, new: newByLineage[lineage] != nil), cells: cells)
        }

        struct Pair: Hashable { var org: Int64; var source: Int64 }
        var pairs: [Pair] = []
        var oldAmounts: [Pair: [Int: Int64]] = [:]
        var newAmounts: [Pair: [Int: Int64]] = [:]
        for c in old.contributions {
            let pair = Pair(org: c.organisationID, source: c.fundingSourceID)
            if oldAmounts[pair] == nil && newAmounts[pair] == nil { pairs.append(pair) }
            oldAmounts[pair, default: [:]][c.year] = c.cents
        }
        for c in new.contributions {
            let pair = Pair(org: c.organisationID, source: c.fundingSourceID)
            if oldAmounts[pair] == nil && newAmounts[pair] == nil { pairs.append(pair) }
            newAmounts[pair, default: [:]][c.year] = c.cents
        }
        pairs.sort { ($0.org, $0.source) < ($1.org, $1.source) }
        amounts = pairs.map { pair in
            var cells: [Int: Change<Int64>] = [:]
            for year in yearList { cells[year] = Change(old: oldAmounts[pair]?[year], new: newAmounts[pair]?[year]) }
            return AmountRow(organisationID: pair.org, fundingSourceID: pair.source, cells: cells)
        }

        var roles: [String] = []
        var oldHours: [String: [Int: Double]] = [:]
        var newHours: [String: [Int: Double]] = [:]
        for s in old.staffing {
            if !roles.contains(s.roleCode) { roles.append(s.roleCode) }
            oldHours[s.roleCode, default: [:]][s.year] = s.hours
        }
        for s in new.staffing {
            if !roles.contains(s.roleCode) { roles.append(s.roleCode) }
            newHours[s.roleCode, default: [:]][s.year] = s.hours
        }
        hours = roles.map { role in
            var cells: [Int: Change<Double>] = [:]
            for year in yearList { cells[year] = Change(old: oldHours[role]?[year], new: newHours[role]?[year]) }
            return HoursRow(roleCode: role, cells: cells)
        }

        let oldTexts = old.version.texts.sections
        let newTexts = new.version.texts.sections
        texts = zip(oldTexts, newTexts).map { TextRow(title: $1.title, change: Change(old: $0.text, new: $1.text)) }
    }

    /// The number of changed cells of each kind, for summaries and tests.
    public var changedTargetCells: Int { targets.reduce(0) { $0 + $1.cells.values.filter(\.changed).count } }
    public var changedAmountCells: Int { amounts.reduce(0) { $0 + $1.cells.values.filter(\.changed).count } }
    public var changedHourCells: Int { hours.reduce(0) { $0 + $1.cells.values.filter(\.changed).count } }
    public var changedTexts: Int { texts.filter(\.change.changed).count }
    public var changedCells: Int { changedTargetCells + changedAmountCells + changedHourCells + changedTexts }
}
