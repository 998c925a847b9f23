import Domain
import Foundation
import SQLite

/// The annual report's figures (read from agreements, plans and funding) and its editions.
public enum Reports {
    // MARK: - Figures of one year, live

    public struct FiguresKey: Hashable, Sendable {
        var year: Int
        var today: Int
    }

    /// `figures(year:today:)` kept per database state (any commit empties it): the draft and its
    /// per-IKC pages ask for the same figures many times between two writes.
    public static func figures(year: Int, today: Day, store: DataStore, _ c: Connection) throws -> ReportFigures {
        try store.reportFiguresCache.value(FiguresKey(year: year, today: today.ordinal), c) { try figures(year: year, today: today, $0) }
    }

    /// The figures of `year`, computed now. A handful of queries for the whole year (not per
    /// IKC), so the time grows linearly with the number of IKCs.
    public static func figures(year: Int, today: Day, _ c: Connection) throws -> ReportFigures {
        let programme = try ProgrammeSettings.programme(c)
        let goals = try ProgrammeSettings.goals(c).map { ReportFigures.Goal(id: $0.id, name: $0.name) }

        // The agreement version in force per Plus IKC: the newest fixed version covering the year.
        var order: [Int64] = []
        var names: [Int64: String] = [:]
        var versionOf: [Int64: (id: Int64, number: Int)] = [:]
        for row in try c.rows("""
            SELECT i.id, i.name,
                   (SELECT v.id FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                     WHERE a.ikc_id = i.id AND a.first_year <= \(year) AND a.last_year >= \(year) AND v.status = 'vastgesteld'
                     ORDER BY a.first_year DESC, v.number DESC LIMIT 1)
            FROM ikcs i WHERE i.kind IN (SELECT code FROM ikc_kinds WHERE in_programme = 1) ORDER BY i.name COLLATE NOCASE
            """) {
            let id = try row.int64(0)
            order.append(id)
            names[id] = try row.string(1)
            if let versionID = try row.optionalInt64(2) { versionOf[id] = (versionID, 0) }
        }
        let versionIDs = versionOf.values.map(\.id)
        var ikcOfVersion: [Int64: Int64] = [:]
        for (ikc, version) in versionOf { ikcOfVersion[version.id] = ikc }
        if !versionIDs.isEmpty {
            for row in try c.rows("SELECT id, number FROM agreement_versions WHERE id IN (\(list: versionIDs))") {
                if let ikc = ikcOfVersion[try row.int64(0)] { versionOf[ikc]?.number = try row.int(1) }
            }
        }

        // Results and their targets of those versions.
        struct ResultKey: Hashable { var ikc: Int64; var lineage: Int64 }
        var results: [Int64: [ResultKey]] = [:]
        var resultFigures: [ResultKey: ReportFigures.ResultFigures] = [:]
        var keyOfResult: [Int64: ResultKey] = [:]
        if !versionIDs.isEmpty {
            for row in try c.rows("""
                SELECT id, version_id, lineage, goal_id, description, indicator, unit, direction, accumulation,
                       baseline_value, baseline_year
                FROM agreement_results WHERE version_id IN (\(list: versionIDs)) ORDER BY goal_id, position
                """) {
                guard let ikc = ikcOfVersion[try row.int64(1)] else { continue }
                let key = ResultKey(ikc: ikc, lineage: try row.int64(2))
                keyOfResult[try row.int64(0)] = key
                results[ikc, default: []].append(key)
                resultFigures[key] = ReportFigures.ResultFigures(
                    goalID: try row.int64(3), description: try row.string(4), indicator: try row.string(5), unit: try row.string(6),
                    direction: try row.string(7), accumulation: try row.string(8), baseline: try row.optionalDouble(9),
                    baselineYear: try row.optionalInt(10), targets: [:], measured: [:], notMeasured: [:])
            }
            for row in try c.rows("""
                SELECT t.result_id, t.year, t.value FROM result_targets t JOIN agreement_results r ON r.id = t.result_id
                WHERE r.version_id IN (\(list: versionIDs))
                """) {
                if let key = keyOfResult[try row.int64(0)] { resultFigures[key]?.targets[try row.int(1)] = try row.double(2) }
            }
        }

        // Measured values of approved plans up to this year, matched to the results by lineage.
        for row in try c.rows("""
            SELECT p.ikc_id, p.year, r.lineage, m.value, m.not_measured_reason
            FROM measurements m JOIN year_plans p ON p.id = m.plan_id JOIN agreement_results r ON r.id = m.result_id
            WHERE p.year <= \(year) AND p.account_status = 'goedgekeurd'
            """) {
            let key = ResultKey(ikc: try row.int64(0), lineage: try row.int64(2))
            guard resultFigures[key] != nil else { continue }
            let planYear = try row.int(1)
            if let value = try row.optionalDouble(3) {
                resultFigures[key]?.measured[planYear] = value
            } else if let reason = try row.optionalString(4) {
                resultFigures[key]?.notMeasured[planYear] = reason
            }
        }

        // The verantwoordingen of the year (the report accounts for them) and their deadline.
        var plans: [Int64: (id: Int64, state: ReportFigures.PlanState, submittedAt: String?, act: String, proposal: String)] = [:]
        for row in try c.rows("""
            SELECT ikc_id, id, account_status, account_submitted_at, act_changes, act_amendment_proposal FROM year_plans WHERE year = \(year)
            """) {
            plans[try row.int64(0)] = (try row.int64(1), ReportFigures.PlanState(rawValue: try row.string(2)) ?? .concept,
                                       try row.optionalString(3), try row.string(4), try row.string(5))
        }
        var lateAfter: Day?
        if let row = try c.row("SELECT account_due_on, account_grace_days FROM plan_deadlines WHERE year = \(year)"),
           let due = Day(iso: try row.optionalString(0) ?? "") {
            lateAfter = due.addingDays(try row.int(1))
        }

        // Money and staffing per IKC: agreed in the version in force, spent/deployed in the approved plan.
        let sourceNames = try c.rows("SELECT id, name FROM funding_sources ORDER BY id").reduce(into: [Int64: String]()) {
            $0[try $1.int64(0)] = try $1.string(1)
        }
        var agreed: [Int64: [Int64: Int64]] = [:]   // ikc -> source -> cents
        if !versionIDs.isEmpty {
            for row in try c.rows("""
                SELECT version_id, funding_source_id, SUM(amount_cents) FROM contributions
                WHERE version_id IN (\(list: versionIDs)) AND year = \(year) GROUP BY version_id, funding_source_id
                """) {
                if let ikc = ikcOfVersion[try row.int64(0)] { agreed[ikc, default: [:]][try row.int64(1)] = try row.int64(2) }
            }
        }
        var spent: [Int64: [Int64: Int64]] = [:]
        for row in try c.rows("""
            SELECT p.ikc_id, s.funding_source_id, s.spent_cents FROM plan_spending s JOIN year_plans p ON p.id = s.plan_id
            WHERE p.year = \(year) AND p.account_status = 'goedgekeurd' AND s.spent_cents IS NOT NULL
            """) {
            spent[try row.int64(0), default: [:]][try row.int64(1)] = try row.int64(2)
        }
        let roleLabels = try ProgrammeSettings.staffingRoles(c)
        var agreedHours: [Int64: [String: Double]] = [:]
        if !versionIDs.isEmpty {
            for row in try c.rows("""
                SELECT version_id, role_code, SUM(hours_per_week) FROM staffing
                WHERE version_id IN (\(list: versionIDs)) AND year = \(year) GROUP BY version_id, role_code
                """) {
                if let ikc = ikcOfVersion[try row.int64(0)] { agreedHours[ikc, default: [:]][try row.string(1)] = try row.double(2) }
            }
        }
        var deployed: [Int64: [String: Double]] = [:]
        for row in try c.rows("""
            SELECT p.ikc_id, a.role_code, a.hours_per_week FROM staffing_actuals a JOIN year_plans p ON p.id = a.plan_id
            WHERE p.year = \(year) AND p.account_status = 'goedgekeurd' AND a.hours_per_week IS NOT NULL
            """) {
            deployed[try row.int64(0), default: [:]][try row.string(1)] = try row.double(2)
        }

        var ikcs: [ReportFigures.IKCFigures] = []
        for id in order {
            let plan = plans[id]
            let state = plan?.state ?? .missing
            var late = false
            if let lateAfter {
                if let submitted = plan?.submittedAt, let day = Day(iso: String(submitted.prefix(10))), state != .concept, state != .teruggestuurd {
                    late = lateAfter < day
                } else {
                    late = lateAfter < today
                }
            }
            var money: [ReportFigures.MoneyLine] = []
            let sourceIDs = Set((agreed[id] ?? [:]).keys).union((spent[id] ?? [:]).keys).sorted()
            for source in sourceIDs {
                money.append(ReportFigures.MoneyLine(source: sourceNames[source] ?? "?", agreedCents: agreed[id]?[source] ?? 0,
                                                     spentCents: spent[id]?[source]))
            }
            var staffing: [ReportFigures.StaffingLine] = []
            for role in roleLabels where agreedHours[id]?[role.code] != nil || deployed[id]?[role.code] != nil {
                staffing.append(ReportFigures.StaffingLine(role: role.label, agreedHours: agreedHours[id]?[role.code] ?? 0,
                                                           deployedHours: deployed[id]?[role.code]))
            }
            let approved = state == .goedgekeurd
            ikcs.append(ReportFigures.IKCFigures(
                id: id, name: names[id] ?? "", agreementVersion: versionOf[id]?.number,
                planState: state, planLate: late, results: (results[id] ?? []).compactMap { resultFigures[$0] },
                money: money, staffing: staffing, actChanges: approved ? plan?.act ?? "" : "", actProposal: approved ? plan?.proposal ?? "" : ""))
        }

        // The programme's money per source.
        var sources: [ReportFigures.SourceFigures] = []
        let budgets = try c.rows("SELECT funding_source_id, amount_cents FROM funding_budgets WHERE year = \(year)")
            .reduce(into: [Int64: Int64]()) { $0[try $1.int64(0)] = try $1.int64(1) }
        var committed: [Int64: Int64] = [:]
        for row in try c.rows("""
            SELECT c.funding_source_id, SUM(c.amount_cents) FROM contributions c
            WHERE c.year = \(year) AND c.version_id IN (
                SELECT (SELECT v.id FROM agreement_versions v WHERE v.agreement_id = a.id AND v.status = 'vastgesteld'
                        ORDER BY v.number DESC LIMIT 1)
                FROM agreements a)
            GROUP BY c.funding_source_id
            """) {
            committed[try row.int64(0)] = try row.int64(1)
        }
        var spentTotal: [Int64: Int64] = [:]
        for (_, perSource) in spent { for (source, cents) in perSource { spentTotal[source, default: 0] += cents } }
        // Earmarks (issue 19): a part's money counts inside its parent's too.
        let parents = try FundingSources.parents(c)
        (committed, spentTotal) = ReportPlanningFigures.rolledUp(committed: committed, spent: spentTotal, parents: parents)
        for (id, name) in sourceNames.sorted(by: { $0.key < $1.key }) {
            var line = ReportFigures.SourceFigures(name: name, budgetCents: budgets[id] ?? 0, committedCents: committed[id] ?? 0,
                                                   spentCents: spentTotal[id])
            line.partOf = parents[id].flatMap { sourceNames[$0] }
            sources.append(line)
        }
        var figures = ReportFigures(year: year, yearLabel: programme.yearLabel(year), yearKindExplanation: programme.yearKindExplanation,
                                    goals: goals, ikcs: ikcs, sources: sources,
                                    trendYears: Array(programme.firstYear...max(programme.firstYear, year)))
        figures.indicators = try Indicators.programmes(c).map { IndicatorLine($0, year: year, methodLabel: \.label) }
        figures.planning = try ReportPlanningFigures.planning(year: year, programme: programme, c)
        return figures
    }

    /// A stable digest of the figures: when it differs from a published edition's, newer figures exist.
    public static func fingerprint(_ figures: ReportFigures) -> String {
        SHA256.hex(Array(encode(figures).utf8))
    }

    public static func encode(_ figures: ReportFigures) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(figures) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode(_ json: String) -> ReportFigures? {
        try? JSONDecoder().decode(ReportFigures.self, from: Data(json.utf8))
    }
}
