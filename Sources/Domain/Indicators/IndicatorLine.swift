/// One library indicator in the annual report ("Resultaten per indicator"): the programme figure
/// of the report's year from the same computation as the indicator page, frozen with the
/// report's figures when an edition is published.
public struct IndicatorLine: Sendable, Equatable, Codable {
    public var indicatorID: Int64
    public var name: String
    public var unit: String
    public var decimals: Int
    /// IKCs with an agreement on the indicator in the year, IKCs that reported a value, "niet gemeten".
    public var ikcs: Int
    public var reported: Int
    public var notMeasured: Int
    public var value: Double?
    public var minimum: Double?
    public var maximum: Double?
    public var target: Double?
    public var method: String
    public var explanation: String
    public var achieved: Int
    public var onTrack: Int
    public var behind: Int
    public var noData: Int
    /// Programme figure and target per year up to the report's year, for the trend chart.
    public var values: [Int: Double]
    public var targets: [Int: Double]

    public init(_ view: IndicatorProgramme, year: Int, methodLabel: (ProgrammeFigure.Method) -> String) {
        let y = view.yearFigure(year)
        let f = y?.figure
        indicatorID = view.indicator.id
        name = view.indicator.name
        unit = view.indicator.unit.rawValue
        decimals = view.indicator.decimals
        ikcs = y?.ikcs ?? 0
        reported = f?.reported ?? 0
        notMeasured = f?.notMeasured ?? 0
        value = f?.value
        minimum = f?.minimum
        maximum = f?.maximum
        target = y?.target
        method = f.map { methodLabel($0.method) } ?? ""
        explanation = f?.explanation ?? ""
        achieved = y?.tally.achieved ?? 0
        onTrack = y?.tally.onTrack ?? 0
        behind = y?.tally.behind ?? 0
        noData = y?.tally.noData ?? 0
        var values: [Int: Double] = [:], targets: [Int: Double] = [:]
        for figure in view.yearFigures where figure.year <= year {
            if let v = figure.figure.value { values[figure.year] = v }
            if let t = figure.target { targets[figure.year] = t }
        }
        self.values = values
        self.targets = targets
    }

    /// The indicator as far as formatting needs it.
    public var indicator: Indicator {
        Indicator(id: indicatorID, name: name, unit: ResultUnit(rawValue: unit) ?? .number, decimals: decimals)
    }
}

extension ProgrammeFigure.Method {
    /// The short Dutch name of the method, as the page's column shows it.
    public var label: String {
        switch self {
        case .weighted: "gewogen (Σ teller / Σ noemer)"
        case .unweightedMean: "ongewogen gemiddelde"
        case .sum: "som"
        case .mean: "gemiddelde"
        }
    }
}
