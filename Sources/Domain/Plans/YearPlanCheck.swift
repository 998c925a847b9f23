/// Which way an indicator should move (agreement_results.direction).
public enum IndicatorDirection: String, Sendable, CaseIterable {
    /// Higher is better (participation, reading level).
    case higher
    /// Lower is better (share of pupils with a language delay).
    case lower
    /// A value to reach (a yes/no, a score to be at).
    case reach

    public var label: String {
        switch self {
        case .higher: "hoger is beter"
        case .lower: "lager is beter"
        case .reach: "waarde bereiken"
        }
    }
}

/// Whether a result's yearly targets are the value in that year or a running total.
public enum TargetAccumulation: String, Sendable, CaseIterable {
    case perYear = "per_year"
    case cumulative

    public var label: String {
        switch self {
        case .perYear: "per jaar"
        case .cumulative: "cumulatief"
        }
    }
}

/// The status of an indicator in the Check of a year plan.
public enum IndicatorStatus: String, Sendable, CaseIterable {
    case achieved
    case onTrack
    case behind
    case noData

    public var label: String {
        switch self {
        case .achieved: "behaald"
        case .onTrack: "op koers"
        case .behind: "achter"
        case .noData: "geen gegevens"
        }
    }
}

/// The status rule, kept simple enough to explain on the page (`explanation`).
///
/// An agreement phases each result from its baseline to its final target (the target of the
/// agreement's last year); each year's target marks the share of that way the year asks for.
/// - **behaald** (achieved): the value meets the final target: at least it for higher-is-better,
///   at most it for lower-is-better, within `reachTolerance` of it for a value to reach.
/// - **op koers** (on track): not achieved, but the value has come at least as far from the
///   baseline as this year's target asks: at least this year's target (higher), at most it
///   (lower), at least as close to the final target as this year's target is (reach).
/// - **achter** (behind): measured, but neither of the above.
/// - **geen gegevens** (no data): no value (not measured, or not filled in) or no target.
/// For a cumulative result the value compared is the running total: this year's value plus
/// the values measured in the earlier years of the agreement.
/// A tiny epsilon absorbs binary rounding of sums (0,1 + 0,2), never a real difference.
public enum IndicatorClassifier {
    public static let epsilon = 1e-9

    /// Relative tolerance for "reach a value": within 0,5% of the target (at least 1e-9).
    public static func reachTolerance(_ target: Double) -> Double {
        max(abs(target) * 0.005, epsilon)
    }

    public static func classify(direction: IndicatorDirection, value: Double?, yearTarget: Double?, finalTarget: Double?) -> IndicatorStatus {
        guard let value, value.isFinite else { return .noData }
        let final = finalTarget ?? yearTarget
        guard let final else { return .noData }
        let year = yearTarget ?? final
        switch direction {
        case .higher:
            if value >= final - epsilon { return .achieved }
            return value >= year - epsilon ? .onTrack : .behind
        case .lower:
            if value <= final + epsilon { return .achieved }
            return value <= year + epsilon ? .onTrack : .behind
        case .reach:
            let distance = abs(value - final)
            if distance <= reachTolerance(final) + epsilon { return .achieved }
            return distance <= abs(year - final) + epsilon ? .onTrack : .behind
        }
    }

    /// The value the targets are compared with: the year's own value, or for a cumulative
    /// result the running total with the earlier years' measured values.
    public static func comparedValue(accumulation: TargetAccumulation, value: Double?, earlierTotal: Double?) -> Double? {
        guard let value else { return nil }
        switch accumulation {
        case .perYear: return value
        case .cumulative: return value + (earlierTotal ?? 0)
        }
    }

    /// The rule in one Dutch paragraph, shown above the Check table.
    public static let explanation = "Behaald: de waarde haalt het einddoel van de afspraak. Op koers: het einddoel is nog niet gehaald, maar de waarde is minstens zo ver gekomen als het doel van dit jaar vraagt. Achter: gemeten, maar minder ver dan het doel van dit jaar. Geen gegevens: niet gemeten of nog niet ingevuld. Bij een cumulatief resultaat telt het totaal van de gemeten jaren."
}

/// An agreement result as a year plan shows it: indicator, baseline, this year's and the final
/// target, and for a cumulative result the total measured in the earlier years.
public struct PlanResult: Sendable, Equatable {
    public var id: Int64
    public var lineage: Int64
    public var goalID: Int64
    public var goalName: String
    public var position: Int
    public var description: String
    public var indicator: String
    public var unit: String
    public var baselineValue: Double?
    public var baselineYear: Int?
    public var direction: IndicatorDirection
    public var dataSource: String
    public var accumulation: TargetAccumulation
    public var yearTarget: Double?
    public var finalTarget: Double?
    public var earlierTotal: Double?
    /// The library indicator's numerator and denominator labels (empty: reported as a value only).
    public var numeratorLabel = ""
    public var denominatorLabel = ""

    public init(id: Int64, lineage: Int64, goalID: Int64, goalName: String, position: Int, description: String, indicator: String,
                unit: String, baselineValue: Double?, baselineYear: Int?, direction: IndicatorDirection, dataSource: String,
                accumulation: TargetAccumulation, yearTarget: Double?, finalTarget: Double?, earlierTotal: Double? = nil) {
        self.id = id
        self.lineage = lineage
        self.goalID = goalID
        self.goalName = goalName
        self.position = position
        self.description = description
        self.indicator = indicator
        self.unit = unit
        self.baselineValue = baselineValue
        self.baselineYear = baselineYear
        self.direction = direction
        self.dataSource = dataSource
        self.accumulation = accumulation
        self.yearTarget = yearTarget
        self.finalTarget = finalTarget
        self.earlierTotal = earlierTotal
    }

    /// The status of this result given the plan's Check value.
    public func status(_ measurement: Measurement?) -> IndicatorStatus {
        let compared = IndicatorClassifier.comparedValue(accumulation: accumulation, value: measurement?.value.number, earlierTotal: earlierTotal)
        return IndicatorClassifier.classify(direction: direction, value: compared, yearTarget: yearTarget, finalTarget: finalTarget)
    }
}
