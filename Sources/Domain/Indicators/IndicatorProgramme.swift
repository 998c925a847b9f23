/// One agreement result on a library indicator: an IKC's baseline, targets and reported values.
public struct IndicatorSeries: Sendable, Equatable {
    public var ikcID: Int64
    public var ikcName: String
    /// The agreement's years: the series counts only in these.
    public var firstYear: Int
    public var lastYear: Int
    public var baseline: Double?
    public var baselineYear: Int?
    public var targets: [Int: Double]
    /// Per year, from approved verantwoordingen; a missing year: nothing approved yet.
    public var reported: [Int: ReportedValue]

    public init(ikcID: Int64, ikcName: String, firstYear: Int, lastYear: Int, baseline: Double?, baselineYear: Int?,
                targets: [Int: Double], reported: [Int: ReportedValue]) {
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.baseline = baseline
        self.baselineYear = baselineYear
        self.targets = targets
        self.reported = reported
    }

    public func covers(_ year: Int) -> Bool { firstYear <= year && year <= lastYear }

    /// The final target: the one of the agreement's last year.
    public var finalTarget: Double? { targets.keys.max().flatMap { targets[$0] } }

    /// The status in `year` by the same rule as the year plans and the report.
    public func status(in year: Int, direction: IndicatorDirection, accumulation: TargetAccumulation) -> IndicatorStatus {
        let earlier = reported.filter { $0.key < year && $0.key >= firstYear }.values.compactMap(\.number)
        let compared = IndicatorClassifier.comparedValue(accumulation: accumulation, value: reported[year]?.number,
                                                         earlierTotal: earlier.isEmpty ? nil : earlier.reduce(0, +))
        return IndicatorClassifier.classify(direction: direction, value: compared, yearTarget: targets[year], finalTarget: finalTarget)
    }
}

/// An area indicator beside a library indicator: the programme's areas' figures per year.
public struct LinkedAreaFigure: Sendable, Equatable {
    public var indicator: String
    public var year: Int
    /// The mean over the areas with a figure, and how many areas that is.
    public var mean: Double
    public var areas: Int

    public init(indicator: String, year: Int, mean: Double, areas: Int) {
        self.indicator = indicator
        self.year = year
        self.mean = mean
        self.areas = areas
    }
}

/// The programme view of one indicator: every IKC's series and, per year, the programme figure
/// and the status counts. A viewer who sees only some IKCs (a director) gets `restricted(to:)`.
public struct IndicatorProgramme: Sendable, Equatable {
    public var indicator: Indicator
    public var years: [Int]
    public var series: [IndicatorSeries]
    public var areaFigures: [LinkedAreaFigure]
    /// Whether the rows are limited to the viewer's own IKCs (figures still cover everyone).
    public var restricted = false
    /// The per-year figures of all IKCs, computed before any restriction.
    public var yearFigures: [YearFigure] = []

    public init(indicator: Indicator, years: [Int], series: [IndicatorSeries], areaFigures: [LinkedAreaFigure] = []) {
        self.indicator = indicator
        self.years = years
        self.series = series
        self.areaFigures = areaFigures
        self.yearFigures = years.map { year in
            let active = series.filter { $0.covers(year) }
            var tally = AnnualReport.Tally()
            for s in active { tally.add(s.status(in: year, direction: indicator.direction, accumulation: indicator.accumulation)) }
            let targets = active.compactMap { $0.targets[year] }
            let target: Double? = targets.isEmpty ? nil
                : (indicator.unit == .number || indicator.unit == .euro ? targets.reduce(0, +) : targets.reduce(0, +) / Double(targets.count))
            return YearFigure(year: year, ikcs: active.count, figure: ProgrammeFigure.of(active.compactMap { $0.reported[year] }, unit: indicator.unit),
                              target: target, tally: tally)
        }
    }

    /// One year of the programme: how many IKCs agreed a target on the indicator, the figure,
    /// the (summed or mean) target and the status counts.
    public struct YearFigure: Sendable, Equatable {
        public var year: Int
        public var ikcs: Int
        public var figure: ProgrammeFigure
        public var target: Double?
        public var tally: AnnualReport.Tally

        /// Whether a viewer restricted to the own IKC may see it (enough IKCs reported).
        public var showsToRestricted: Bool { figure.reported >= ProgrammeFigure.minimumGroup }
    }

    public func yearFigure(_ year: Int) -> YearFigure? { yearFigures.first { $0.year == year } }

    /// The same view with only the rows of `ikcIDs`; the figures stay those of every IKC, shown
    /// only where at least `ProgrammeFigure.minimumGroup` IKCs reported.
    public func restricted(to ikcIDs: [Int64]) -> IndicatorProgramme {
        var copy = self
        copy.series = series.filter { ikcIDs.contains($0.ikcID) }
        copy.restricted = true
        return copy
    }

    /// The series with a target or a value in `year`, by IKC name.
    public func rows(in year: Int) -> [IndicatorSeries] {
        series.filter { $0.covers(year) }
    }
}
