import Domain
import SQLite

/// The programme view's figures: per library indicator, every IKC's series from the newest fixed
/// version of each agreement, with the values of approved verantwoordingen. A handful of queries
/// for all IKCs together, so the time grows linearly with their number.
extension Indicators {
    /// The programme view of one indicator; nil when there is no such indicator.
    public static func programme(id: Int64, _ c: Connection) throws -> IndicatorProgramme? {
        guard let use = try use(id: id, c) else { return nil }
        let programme = try ProgrammeSettings.programme(c)
        let series = try self.series(indicatorID: id, c)[id] ?? []
        return IndicatorProgramme(indicator: use.indicator, years: Array(programme.years), series: series,
                                  areaFigures: try areaFigures(use.areaIndicators, c))
    }

    /// The programme views of every indicator in use by a fixed agreement, by name: the annual
    /// report's section "Resultaten per indicator".
    public static func programmes(_ c: Connection) throws -> [IndicatorProgramme] {
        let programme = try ProgrammeSettings.programme(c)
        let series = try self.series(indicatorID: nil, c)
        return try c.rows("SELECT \(sql: columns) FROM indicators ORDER BY name COLLATE NOCASE, unit").compactMap { row in
            let indicator = try indicator(row)
            guard let rows = series[indicator.id], !rows.isEmpty else { return nil }
            return IndicatorProgramme(indicator: indicator, years: Array(programme.years), series: rows)
        }
    }

    /// The series per indicator (of one indicator, or of all when `indicatorID` is nil).
    static func series(indicatorID: Int64?, _ c: Connection) throws -> [Int64: [IndicatorSeries]] {
        let only: SQL = indicatorID.map { "r.indicator_id = \($0)" } ?? "r.indicator_id IS NOT NULL"
        struct Key: Hashable { var agreement: Int64; var lineage: Int64 }
        var order: [(indicator: Int64, key: Key)] = []
        var found: [Key: IndicatorSeries] = [:]
        var keyOfResult: [Int64: Key] = [:]
        for row in try c.rows("""
            SELECT r.id, r.indicator_id, a.id, a.ikc_id, i.name, a.first_year, a.last_year, r.lineage, r.baseline_value, r.baseline_year
            FROM agreement_results r JOIN agreement_versions v ON v.id = r.version_id JOIN agreements a ON a.id = v.agreement_id
            JOIN ikcs i ON i.id = a.ikc_id
            WHERE \(sql: only) AND v.status = 'vastgesteld'
              AND v.number = (SELECT MAX(w.number) FROM agreement_versions w WHERE w.agreement_id = a.id AND w.status = 'vastgesteld')
            ORDER BY i.name COLLATE NOCASE, a.first_year, r.position
            """) {
            let key = Key(agreement: try row.int64(2), lineage: try row.int64(7))
            keyOfResult[try row.int64(0)] = key
            guard found[key] == nil else { continue }
            order.append((try row.int64(1), key))
            found[key] = IndicatorSeries(ikcID: try row.int64(3), ikcName: try row.string(4), firstYear: try row.int(5), lastYear: try row.int(6),
                                         baseline: try row.optionalDouble(8), baselineYear: try row.optionalInt(9), targets: [:], reported: [:])
        }
        guard !order.isEmpty else { return [:] }
        try c.each("""
            SELECT t.result_id, t.year, t.value FROM result_targets t JOIN agreement_results r ON r.id = t.result_id
            JOIN agreement_versions v ON v.id = r.version_id
            WHERE \(sql: only) AND v.status = 'vastgesteld'
            """) { row in
            if let key = keyOfResult[try row.int64(0)] { found[key]?.targets[try row.int(1)] = try row.double(2) }
        }
        try c.each("""
            SELECT v.agreement_id, r.lineage, p.year, m.value, m.not_measured_reason, m.numerator, m.denominator
            FROM measurements m JOIN year_plans p ON p.id = m.plan_id JOIN agreement_results r ON r.id = m.result_id
            JOIN agreement_versions v ON v.id = r.version_id
            WHERE \(sql: only) AND p.account_status = 'goedgekeurd'
            """) { row in
            let key = Key(agreement: try row.int64(0), lineage: try row.int64(1))
            guard found[key] != nil else { return }
            let year = try row.int(2)
            if let value = try row.optionalDouble(3) {
                found[key]?.reported[year] = .value(value, numerator: try row.optionalDouble(5), denominator: try row.optionalDouble(6))
            } else if let reason = try row.optionalString(4) {
                found[key]?.reported[year] = .notMeasured(reason: reason)
            }
        }
        var out: [Int64: [IndicatorSeries]] = [:]
        for (indicator, key) in order { if let s = found[key] { out[indicator, default: []].append(s) } }
        return out
    }

    /// The mean per year of the linked area indicators over the areas with a figure.
    static func areaFigures(_ names: [String], _ c: Connection) throws -> [LinkedAreaFigure] {
        guard !names.isEmpty else { return [] }
        return try c.rows("""
            SELECT indicator, year, AVG(value), COUNT(*) FROM area_indicators WHERE indicator IN (\(list: names))
            GROUP BY indicator, year ORDER BY indicator COLLATE NOCASE, year
            """).map { LinkedAreaFigure(indicator: try $0.string(0), year: try $0.int(1), mean: try $0.double(2), areas: try $0.int(3)) }
    }
}
