import Domain
import Testing

/// A small deterministic generator, so a failing case can be replayed from its seed.
struct FigureRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func double(_ upTo: Double, decimals: Int = 1) -> Double {
        let scale = decimals == 0 ? 1.0 : (decimals == 1 ? 10.0 : 100.0)
        return Double(int(0...Int(upTo * scale))) / scale
    }
}

@Suite("Indicators: the programme figure")
struct ProgrammeFigureTests {
    static let seeds: [UInt64] = Array(1...200)

    @Test("weighted percentage: Σ numerators / Σ denominators when IKCs report both", arguments: seeds)
    func weighted(seed: UInt64) {
        var r = FigureRandom(state: seed)
        var values: [ReportedValue] = []
        var numerators = 0.0, denominators = 0.0
        for _ in 0..<r.int(1...40) {
            let denominator = Double(r.int(1...400)), numerator = Double(r.int(0...Int(denominator)))
            numerators += numerator
            denominators += denominator
            values.append(.value(numerator / denominator * 100, numerator: numerator, denominator: denominator))
        }
        let figure = ProgrammeFigure.of(values, unit: .percent)
        let hand = numerators / denominators * 100
        #expect(figure.method == .weighted(numerator: numerators, denominator: denominators))
        #expect(abs((figure.value ?? -1) - hand) < 1e-9)
        for decimals in 0...3 {
            #expect(ProgrammeFigure.rounded(figure.value ?? -1, decimals: decimals) == ProgrammeFigure.rounded(hand, decimals: decimals))
        }
    }

    @Test("percentages without numerators: the unweighted mean, said so, with minimum and maximum", arguments: seeds)
    func unweighted(seed: UInt64) {
        var r = FigureRandom(state: seed)
        let numbers = (0..<r.int(1...40)).map { _ in r.double(100) }
        let figure = ProgrammeFigure.of(numbers.map { .value($0) }, unit: .percent)
        #expect(figure.method == .unweightedMean)
        #expect(figure.explanation.contains("Ongewogen"))
        #expect(abs((figure.value ?? -1) - numbers.reduce(0, +) / Double(numbers.count)) < 1e-9)
        #expect(figure.minimum == numbers.min())
        #expect(figure.maximum == numbers.max())
        #expect(figure.reported == numbers.count)
    }

    @Test("counts and euros add up; scores are the mean", arguments: seeds)
    func countsAndScores(seed: UInt64) {
        var r = FigureRandom(state: seed)
        let counts = (0..<r.int(1...40)).map { _ in Double(r.int(0...500)) }
        let sum = ProgrammeFigure.of(counts.map { .value($0) }, unit: .number)
        #expect(sum.method == .sum)
        #expect(sum.value == counts.reduce(0, +))
        let scores = (0..<r.int(1...40)).map { _ in r.double(10) }
        let mean = ProgrammeFigure.of(scores.map { .value($0) }, unit: .score)
        #expect(mean.method == .mean)
        #expect(abs((mean.value ?? -1) - scores.reduce(0, +) / Double(scores.count)) < 1e-9)
        #expect(mean.minimum == scores.min() && mean.maximum == scores.max())
    }

    @Test("'niet gemeten' never changes a sum or a mean; it is counted separately", arguments: seeds)
    func notMeasuredChangesNothing(seed: UInt64) {
        var r = FigureRandom(state: seed)
        for unit in [ResultUnit.percent, .number, .score, .euro] {
            var values: [ReportedValue] = (0..<r.int(0...30)).map { _ in
                let d = Double(r.int(1...300))
                return r.int(0...1) == 0 ? .value(r.double(100)) : .value(0, numerator: Double(r.int(0...Int(d))), denominator: d)
            }
            let without = ProgrammeFigure.of(values, unit: unit)
            let missing = r.int(1...10)
            for _ in 0..<missing {
                values.insert(.notMeasured(reason: "niet afgenomen"), at: r.int(0...values.count))
            }
            let with = ProgrammeFigure.of(values, unit: unit)
            #expect(with.value == without.value)
            #expect(with.minimum == without.minimum && with.maximum == without.maximum)
            #expect(with.reported == without.reported)
            #expect(with.notMeasured == missing)
        }
    }

    @Test("a mixed set is weighted over the IKCs with numerators and says how many reported only a percentage")
    func mixed() {
        let figure = ProgrammeFigure.of([.value(50, numerator: 10, denominator: 20), .value(90, numerator: 90, denominator: 100), .value(10)], unit: .percent)
        #expect(figure.value == 100.0 / 120.0 * 100)
        #expect(figure.withoutFraction == 1)
        #expect(figure.explanation.contains("1 IKC meldde alleen een percentage"))
        #expect(figure.minimum == 10 && figure.maximum == 90)
        #expect(ProgrammeFigure.of([], unit: .percent).value == nil)
        #expect(ProgrammeFigure.of([.notMeasured(reason: "")], unit: .number).value == nil)
    }

    @Test("rounding is half away from zero to the indicator's decimals")
    func rounding() {
        #expect(ProgrammeFigure.rounded(62.45, decimals: 1) == 62.5)
        #expect(ProgrammeFigure.rounded(2.5, decimals: 0) == 3)
        #expect(ProgrammeFigure.rounded(83.333333, decimals: 2) == 83.33)
    }

    @Test("a director's view keeps the own rows and the figures of all IKCs, shown from 3 reporting IKCs")
    func restricted() {
        let indicator = Indicator(id: 1, name: "VVE", unit: .percent)
        let series = (1...4).map { n in
            IndicatorSeries(ikcID: Int64(n), ikcName: "IKC \(n)", firstYear: 2022, lastYear: 2024, baseline: 50, baselineYear: 2021,
                            targets: [2022: 60, 2023: 65, 2024: 70], reported: n <= 2 ? [2022: .value(Double(60 + n))] : [2022: .value(62), 2023: .value(70)])
        }
        let view = IndicatorProgramme(indicator: indicator, years: [2022, 2023, 2024], series: series).restricted(to: [1])
        #expect(view.series.map(\.ikcID) == [1])
        #expect(view.yearFigure(2022)?.figure.reported == 4)
        #expect(view.yearFigure(2022)?.showsToRestricted == true)
        #expect(view.yearFigure(2023)?.showsToRestricted == false)
        #expect(view.yearFigure(2023)?.tally.achieved == 2)
    }
}
