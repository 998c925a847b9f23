/// What one IKC reported for an indicator in one year (from an approved verantwoording).
public enum ReportedValue: Sendable, Equatable, Codable {
    /// A value; for a percentage optionally the numerator and denominator it came from.
    case value(Double, numerator: Double? = nil, denominator: Double? = nil)
    /// "Niet gemeten": excluded from every sum and mean, counted on its own.
    case notMeasured(reason: String)

    public var number: Double? {
        if case .value(let v, _, _) = self { return v }
        return nil
    }

    /// Numerator and denominator, when both were reported.
    public var fraction: (numerator: Double, denominator: Double)? {
        if case .value(_, let n?, let d?) = self, d > 0 { return (n, d) }
        return nil
    }
}

/// The programme figure of one indicator in one year, over the IKCs that reported.
public struct ProgrammeFigure: Sendable, Equatable {
    /// How the figure was made, which the page says in words.
    public enum Method: Sendable, Equatable {
        /// A percentage: Σ numerators / Σ denominators × 100, over every IKC that reported both.
        case weighted(numerator: Double, denominator: Double)
        /// A percentage without numerators: the plain mean of the IKCs' percentages.
        case unweightedMean
        /// Counts and euros add up.
        case sum
        /// Scores (and ja/nee): the mean.
        case mean
    }

    public var method: Method
    /// nil when no IKC reported a value.
    public var value: Double?
    public var minimum: Double?
    public var maximum: Double?
    /// IKCs with a value, and IKCs that said "niet gemeten".
    public var reported: Int
    public var notMeasured: Int
    /// For a weighted percentage: IKCs that reported only a percentage (not in the weighted figure).
    public var withoutFraction: Int

    public init(method: Method, value: Double?, minimum: Double?, maximum: Double?, reported: Int, notMeasured: Int, withoutFraction: Int = 0) {
        self.method = method
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
        self.reported = reported
        self.notMeasured = notMeasured
        self.withoutFraction = withoutFraction
    }

    /// The figure of `values` for an indicator of `unit`.
    ///
    /// - percentage: weighted (Σ numerators / Σ denominators) when any IKC reported numerator and
    ///   denominator, over those IKCs; otherwise the unweighted mean, and the page says so;
    /// - aantal, euro: the sum; score, ja/nee: the mean;
    /// - always the minimum and maximum of the values; "niet gemeten" never enters a sum or mean.
    public static func of(_ values: [ReportedValue], unit: ResultUnit) -> ProgrammeFigure {
        var numbers: [Double] = []
        var notMeasured = 0
        var numerator = 0.0, denominator = 0.0, fractions = 0
        for value in values {
            switch value {
            case .notMeasured: notMeasured += 1
            case .value(let v, _, _):
                guard v.isFinite else { continue }
                numbers.append(v)
                if let f = value.fraction {
                    numerator += f.numerator
                    denominator += f.denominator
                    fractions += 1
                }
            }
        }
        let minimum = numbers.min(), maximum = numbers.max()
        let mean: Double? = numbers.isEmpty ? nil : numbers.reduce(0, +) / Double(numbers.count)
        switch unit {
        case .percent:
            if fractions > 0 && denominator > 0 {
                return ProgrammeFigure(method: .weighted(numerator: numerator, denominator: denominator), value: numerator / denominator * 100,
                                       minimum: minimum, maximum: maximum, reported: numbers.count, notMeasured: notMeasured,
                                       withoutFraction: numbers.count - fractions)
            }
            return ProgrammeFigure(method: .unweightedMean, value: mean, minimum: minimum, maximum: maximum, reported: numbers.count, notMeasured: notMeasured)
        case .number, .euro:
            return ProgrammeFigure(method: .sum, value: numbers.isEmpty ? nil : numbers.reduce(0, +), minimum: minimum, maximum: maximum,
                                   reported: numbers.count, notMeasured: notMeasured)
        case .score, .yesno:
            return ProgrammeFigure(method: .mean, value: mean, minimum: minimum, maximum: maximum, reported: numbers.count, notMeasured: notMeasured)
        }
    }

    /// The smallest group of IKCs whose figure may be shown to someone who sees only the own
    /// IKC's rows (a director): fewer could single one out.
    public static let minimumGroup = 3

    /// What the method means, in one Dutch sentence for under the figure.
    public var explanation: String {
        switch method {
        case .weighted:
            let rest = withoutFraction > 0 ? " \(withoutFraction) \(withoutFraction == 1 ? "IKC meldde" : "IKC's meldden") alleen een percentage en \(withoutFraction == 1 ? "telt" : "tellen") niet mee in het gewogen cijfer." : ""
            return "Gewogen percentage: de som van de tellers gedeeld door de som van de noemers." + rest
        case .unweightedMean: return "Ongewogen gemiddelde van de percentages van de IKC's: er zijn geen tellers en noemers gemeld, dus elk IKC telt even zwaar, hoe groot ook."
        case .sum: return "Som van de aantallen van de IKC's."
        case .mean: return "Gemiddelde van de IKC's."
        }
    }

    /// `value` rounded half away from zero to `decimals`, as the page and the CSV show it.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
