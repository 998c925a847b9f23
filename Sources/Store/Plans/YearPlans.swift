import Domain
import Foundation
import SQLite

/// Year plans (tables year_plans, plan_activities, plan_spending, progress_notes, measurements,
/// staffing_actuals) and the agreement data a plan is opened from. The agreement queries here
/// are the plan's own, read-only views of agreement_versions/agreement_results/result_targets.
public enum YearPlans {
    /// The agreement version in force for an IKC in a year.
    public struct VersionInForce: Sendable, Equatable {
        public var agreementID: Int64
        public var versionID: Int64
        public var number: Int
        public var firstYear: Int
        public var lastYear: Int
    }

    /// The newest `vastgesteld` version of the IKC's agreement that covers `year`, or nil.
    public static func versionInForce(ikcID: Int64, year: Int, _ c: Connection) throws -> VersionInForce? {
        guard let row = try c.row("""
            SELECT a.id, v.id, v.number, a.first_year, a.last_year
            FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
            WHERE a.ikc_id = \(ikcID) AND a.first_year <= \(year) AND a.last_year >= \(year) AND v.status = 'vastgesteld'
            ORDER BY a.first_year DESC, v.number DESC LIMIT 1
            """) else { return nil }
        return VersionInForce(agreementID: try row.int64(0), versionID: try row.int64(1), number: try row.int(2),
                              firstYear: try row.int(3), lastYear: try row.int(4))
    }

    /// The agreement and its years of a version.
    public static func agreement(ofVersion versionID: Int64, _ c: Connection) throws -> VersionInForce? {
        guard let row = try c.row("""
            SELECT a.id, v.id, v.number, a.first_year, a.last_year
            FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id WHERE v.id = \(versionID)
            """) else { return nil }
        return VersionInForce(agreementID: try row.int64(0), versionID: try row.int64(1), number: try row.int(2),
                              firstYear: try row.int(3), lastYear: try row.int(4))
    }

    // MARK: - The list

    /// One line of the plans list: an IKC in a year, with its plan if one was opened.
    public struct ListRow: Sendable, Equatable {
        public var ikcID: Int64
        public var ikcName: String
        public var year: Int
        public var planID: Int64?
        public var status: YearPlan.Status?
        public var submittedAt: String?
        public var lockVersion: Int64?
        /// The verantwoording's status and submission moment (nil: no plan).
        public var accountStatus: YearPlan.Status? = nil
        public var accountSubmittedAt: String? = nil
        /// Whether a fixed (vastgesteld) agreement covers this year, so a plan can be opened.
        public var hasAgreementInForce: Bool
    }

    /// Every Plus IKC (and any IKC that has a plan) in `year`, by name; `ikcIDs` narrows it.
    public static func overview(year: Int, ikcIDs: [Int64]? = nil, _ c: Connection) throws -> [ListRow] {
        var sql: SQL = """
            SELECT i.id, i.name, p.id, p.status, p.submitted_at, p.lock_version, p.account_status, p.account_submitted_at,
                   EXISTS (SELECT 1 FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                           WHERE a.ikc_id = i.id AND a.first_year <= \(year) AND a.last_year >= \(year) AND v.status = 'vastgesteld')
            FROM ikcs i LEFT JOIN year_plans p ON p.ikc_id = i.id AND p.year = \(year)
            WHERE (i.kind IN (SELECT code FROM ikc_kinds WHERE in_programme = 1) OR p.id IS NOT NULL)
            """
        if let ikcIDs { sql = sql + " AND i.id IN (\(list: ikcIDs))" }
        sql = sql + " ORDER BY i.name COLLATE NOCASE"
        return try c.rows(sql).map { row in
            ListRow(ikcID: try row.int64(0), ikcName: try row.string(1), year: year, planID: try row.optionalInt64(2),
                    status: try row.optionalString(3).flatMap(YearPlan.Status.init(rawValue:)),
                    submittedAt: try row.optionalString(4), lockVersion: try row.optionalInt64(5),
                    accountStatus: try row.optionalString(6).flatMap(YearPlan.Status.init(rawValue:)),
                    accountSubmittedAt: try row.optionalString(7), hasAgreementInForce: try row.bool(8))
        }
    }

    // MARK: - One plan

    public static func find(id: Int64, _ c: Connection) throws -> YearPlan? {
        guard let row = try c.row("""
            SELECT p.id, p.ikc_id, i.name, p.year, p.agreement_version_id, p.status, p.intention, p.act_changes,
                   p.act_amendment_proposal, p.submitted_at, p.reviewed_at, u.name, p.return_reason, p.reviewed_snapshot,
                   p.created_at, p.lock_version, p.account_status, p.account_submitted_at, p.account_reviewed_at, au.name,
                   p.account_return_reason, p.account_reviewed_snapshot
            FROM year_plans p JOIN ikcs i ON i.id = p.ikc_id LEFT JOIN users u ON u.id = p.reviewed_by
                 LEFT JOIN users au ON au.id = p.account_reviewed_by
            WHERE p.id = \(id)
            """) else { return nil }
        let statusText = try row.string(5)
        guard let status = YearPlan.Status(rawValue: statusText) else {
            throw SQLiteError(code: 0, message: "unknown plan status '\(statusText)' for plan \(id)", sql: nil)
        }
        var content = YearPlanContent(intention: try row.string(6), actChanges: try row.string(7), actAmendmentProposal: try row.string(8))
        try loadChildren(planID: id, into: &content, c)
        return YearPlan(id: id, ikcID: try row.int64(1), ikcName: try row.string(2), year: try row.int(3),
                        agreementVersionID: try row.optionalInt64(4), status: status, content: content,
                        submittedAt: try row.optionalString(9), reviewedAt: try row.optionalString(10), reviewerName: try row.optionalString(11),
                        returnReason: try row.string(12), reviewedSnapshot: try row.optionalString(13), createdAt: try row.string(14),
                        lockVersion: try row.int64(15),
                        account: YearPlan.MomentState(
                            status: YearPlan.Status(rawValue: try row.string(16)) ?? .concept, submittedAt: try row.optionalString(17),
                            reviewedAt: try row.optionalString(18), reviewerName: try row.optionalString(19),
                            returnReason: try row.string(20), reviewedSnapshot: try row.optionalString(21)))
    }

    public static func id(ikcID: Int64, year: Int, _ c: Connection) throws -> Int64? {
        try c.row("SELECT id FROM year_plans WHERE ikc_id = \(ikcID) AND year = \(year)")?.int64(0)
    }

    static func loadChildren(planID: Int64, into content: inout YearPlanContent, _ c: Connection) throws {
        for row in try c.rows("SELECT result_id, activities FROM plan_activities WHERE plan_id = \(planID)") {
            content.activities[try row.int64(0)] = try row.string(1)
        }
        for row in try c.rows("SELECT result_id, value, not_measured_reason, data_source, measured_on, numerator, denominator FROM measurements WHERE plan_id = \(planID)") {
            let value: MeasuredValue
            if let number = try row.optionalDouble(1) {
                value = .value(number)
            } else if let reason = try row.optionalString(2) {
                value = .notMeasured(reason: reason)
            } else {
                value = .empty
            }
            var measurement = Measurement(value: value, dataSource: try row.string(3), measuredOn: try row.optionalString(4).flatMap { Day(iso: $0) })
            measurement.numerator = try row.optionalDouble(5)
            measurement.denominator = try row.optionalDouble(6)
            content.measurements[try row.int64(0)] = measurement
        }
        for row in try c.rows("SELECT funding_source_id, planned_cents, spent_cents FROM plan_spending WHERE plan_id = \(planID)") {
            let source = try row.int64(0)
            if let planned = try row.optionalInt64(1) { content.plannedCents[source] = planned }
            if let spent = try row.optionalInt64(2) { content.spentCents[source] = spent }
        }
        for row in try c.rows("SELECT role_code, hours_per_week FROM staffing_actuals WHERE plan_id = \(planID)") {
            if let hours = try row.optionalDouble(1) { content.staffingHours[try row.string(0)] = hours }
        }
    }

    /// The results of the plan's agreement version with this year's and the final target, and
    /// for cumulative results the total measured for the IKC in the earlier years of the agreement.
    public static func results(versionID: Int64, year: Int, ikcID: Int64, _ c: Connection) throws -> [PlanResult] {
        guard let agreement = try agreement(ofVersion: versionID, c) else { return [] }
        let rows = try c.rows("""
            SELECT r.id, r.lineage, r.goal_id, g.name, r.position, r.description, r.indicator, r.unit, r.baseline_value,
                   r.baseline_year, r.direction, r.data_source, r.accumulation,
                   (SELECT t.value FROM result_targets t WHERE t.result_id = r.id AND t.year = \(year)),
                   (SELECT t.value FROM result_targets t WHERE t.result_id = r.id ORDER BY t.year DESC LIMIT 1),
                   i.numerator_label, i.denominator_label
            FROM agreement_results r JOIN programme_goals g ON g.id = r.goal_id LEFT JOIN indicators i ON i.id = r.indicator_id
            WHERE r.version_id = \(versionID)
            ORDER BY g.position, r.position
            """)
        var out: [PlanResult] = []
        for row in rows {
            let accumulation = TargetAccumulation(rawValue: try row.string(12)) ?? .perYear
            var result = PlanResult(
                id: try row.int64(0), lineage: try row.int64(1), goalID: try row.int64(2), goalName: try row.string(3),
                position: try row.int(4), description: try row.string(5), indicator: try row.string(6), unit: try row.string(7),
                baselineValue: try row.optionalDouble(8), baselineYear: try row.optionalInt(9),
                direction: IndicatorDirection(rawValue: try row.string(10)) ?? .higher, dataSource: try row.string(11),
                accumulation: accumulation, yearTarget: try row.optionalDouble(13), finalTarget: try row.optionalDouble(14))
            if result.unit == ResultUnit.percent.rawValue, let n = try row.optionalString(15), let d = try row.optionalString(16), !n.isEmpty, !d.isEmpty {
                result.numeratorLabel = n
                result.denominatorLabel = d
            }
            if accumulation == .cumulative {
                result.earlierTotal = try c.row("""
                    SELECT SUM(m.value) FROM measurements m
                    JOIN year_plans p ON p.id = m.plan_id
                    JOIN agreement_results r ON r.id = m.result_id
                    JOIN agreement_versions v ON v.id = r.version_id
                    WHERE p.ikc_id = \(ikcID) AND p.year < \(year) AND p.year >= \(agreement.firstYear)
                      AND r.lineage = \(result.lineage) AND v.agreement_id = \(agreement.agreementID)
                    """)?.optionalDouble(0)
            }
            out.append(result)
        }
        return out
    }

    /// Every funding source, with what the version contributes from it in `year` (any party).
    public static func funding(versionID: Int64?, year: Int, _ c: Connection) throws -> [PlanFundingLine] {
        try c.rows("""
            SELECT s.id, s.name,
                   (SELECT SUM(amount_cents) FROM contributions k WHERE k.version_id = \(versionID) AND k.funding_source_id = s.id AND k.year = \(year))
            FROM funding_sources s LEFT JOIN funding_source_kinds fk ON fk.code = s.kind
            ORDER BY fk.position, s.name COLLATE NOCASE
            """).map { PlanFundingLine(sourceID: try $0.int64(0), name: try $0.string(1), agreedCents: try $0.optionalInt64(2)) }
    }

    /// Every staffing role, with the hours per week the version sets in `year`.
    public static func staffing(versionID: Int64?, year: Int, _ c: Connection) throws -> [PlanStaffingLine] {
        try c.rows("""
            SELECT r.code, r.label, (SELECT s.hours_per_week FROM staffing s WHERE s.version_id = \(versionID) AND s.role_code = r.code AND s.year = \(year))
            FROM staffing_roles r ORDER BY r.position
            """).map { PlanStaffingLine(code: try $0.string(0), label: try $0.string(1), agreedHours: try $0.optionalDouble(2)) }
    }

    public static func notes(planID: Int64, _ c: Connection) throws -> [ProgressNote] {
        try c.rows("""
            SELECT n.id, n.noted_on, n.text, u.name FROM progress_notes n LEFT JOIN users u ON u.id = n.author_id
            WHERE n.plan_id = \(planID) ORDER BY n.noted_on DESC, n.id DESC
            """).compactMap { row in
            guard let day = Day(iso: try row.string(1)) else { return nil }
            return ProgressNote(id: try row.int64(0), notedOn: day, text: try row.string(2), authorName: try row.optionalString(3))
        }
    }

    // MARK: - Writes inside a verb's transaction (YearPlanVerbs.swift) or the demo data

    /// Opens a plan for an IKC and year from the given agreement version; returns its id.
    static func open(ikcID: Int64, year: Int, versionID: Int64, _ c: Connection) throws -> Int64 {
        if try id(ikcID: ikcID, year: year, c) != nil { throw StoreError.duplicate(field: "year") }
        try c.execute("""
            INSERT INTO year_plans (ikc_id, year, agreement_version_id, status, created_at)
            VALUES (\(ikcID), \(year), \(versionID), 'concept', \(Timestamp.now()))
            """)
        return c.lastInsertRowID
    }

    /// Replaces the plan's Plan, Check and Act content with `content` (absent values stay NULL).
    static func save(id: Int64, expectedVersion: Int64, content: YearPlanContent, _ c: Connection) throws {
        try claim(.yearPlans, id: id, expected: expectedVersion, c)
        try c.execute("""
            UPDATE year_plans SET intention = \(content.intention), act_changes = \(content.actChanges),
                act_amendment_proposal = \(content.actAmendmentProposal)
            WHERE id = \(id)
            """)
        try c.execute("DELETE FROM plan_activities WHERE plan_id = \(id)")
        for (resultID, text) in content.activities.sorted(by: { $0.key < $1.key }) where !text.isEmpty {
            try c.execute("INSERT INTO plan_activities (plan_id, result_id, activities) VALUES (\(id), \(resultID), \(text))")
        }
        try c.execute("DELETE FROM measurements WHERE plan_id = \(id)")
        for (resultID, m) in content.measurements.sorted(by: { $0.key < $1.key }) where !m.isEmpty {
            var value: Double?
            var reason: String?
            switch m.value {
            case .empty: break
            case .value(let v): value = v
            case .notMeasured(let r): reason = r
            }
            try c.execute("""
                INSERT INTO measurements (plan_id, result_id, value, not_measured_reason, data_source, measured_on, numerator, denominator)
                VALUES (\(id), \(resultID), \(value), \(reason), \(m.dataSource), \(m.measuredOn?.iso), \(value == nil ? nil : m.numerator),
                        \(value == nil ? nil : m.denominator))
                """)
        }
        try c.execute("DELETE FROM plan_spending WHERE plan_id = \(id)")
        let sources = Set(content.plannedCents.keys).union(content.spentCents.keys).sorted()
        for source in sources {
            try c.execute("""
                INSERT INTO plan_spending (plan_id, funding_source_id, planned_cents, spent_cents)
                VALUES (\(id), \(source), \(content.plannedCents[source]), \(content.spentCents[source]))
                """)
        }
        try c.execute("DELETE FROM staffing_actuals WHERE plan_id = \(id)")
        for (code, hours) in content.staffingHours.sorted(by: { $0.key < $1.key }) {
            try c.execute("INSERT INTO staffing_actuals (plan_id, role_code, hours_per_week) VALUES (\(id), \(code), \(hours))")
        }
    }

    static func addNote(planID: Int64, on day: Day, text: String, authorID: Int64?, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO progress_notes (plan_id, noted_on, text, author_id, created_at)
            VALUES (\(planID), \(day.iso), \(text), \(authorID), \(Timestamp.now()))
            """)
    }

    // MARK: - For other features

    /// Realised spending per funding source in a year, summed over the APPROVED plans only (as the
    /// annual report and the funding overview count them; NULL = unknown is left out of the sum
    /// and counted apart).
    public struct SpentTotal: Sendable, Equatable {
        public var sourceID: Int64
        public var spentCents: Int64
        /// Plans that reported a spent amount for this source.
        public var plansReported: Int
        /// Plans that planned money from this source but have no spent amount yet.
        public var plansUnknown: Int
    }

    public static func spentPerSource(year: Int, _ c: Connection) throws -> [SpentTotal] {
        try c.rows("""
            SELECT s.funding_source_id, COALESCE(SUM(s.spent_cents), 0), COUNT(s.spent_cents),
                   SUM(CASE WHEN s.spent_cents IS NULL THEN 1 ELSE 0 END)
            FROM plan_spending s JOIN year_plans p ON p.id = s.plan_id
            WHERE p.year = \(year) AND p.account_status = 'goedgekeurd'
            GROUP BY s.funding_source_id ORDER BY s.funding_source_id
            """).map { SpentTotal(sourceID: try $0.int64(0), spentCents: try $0.int64(1), plansReported: try $0.int(2), plansUnknown: try $0.int(3)) }
    }

    /// Act proposals to amend an agreement, from the plans of its IKC (for the agreement's page).
    public static func amendmentProposals(agreementID: Int64, _ c: Connection) throws -> [(planID: Int64, year: Int, status: YearPlan.Status, text: String)] {
        try c.rows("""
            SELECT p.id, p.year, p.status, p.act_amendment_proposal FROM year_plans p
            JOIN agreements a ON a.ikc_id = p.ikc_id AND p.year BETWEEN a.first_year AND a.last_year
            WHERE a.id = \(agreementID) AND p.act_amendment_proposal <> ''
            ORDER BY p.year DESC
            """).map { (try $0.int64(0), try $0.int(1), YearPlan.Status(rawValue: try $0.string(2)) ?? .concept, try $0.string(3)) }
    }

    // MARK: - The review snapshot as JSON

    public static func snapshotJSON(_ fields: [String: String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    public static func snapshot(fromJSON text: String?) -> [String: String]? {
        guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        return object as? [String: String]
    }
}

/// The submission deadline per year (plan_deadlines).
public enum PlanDeadlines {
    public static func all(_ c: Connection) throws -> [PlanDeadline] {
        try c.rows("SELECT year, due_on, grace_days, account_due_on, account_grace_days FROM plan_deadlines ORDER BY year").compactMap { row in
            guard let day = Day(iso: try row.string(1)) else { return nil }
            return PlanDeadline(year: try row.int(0), dueOn: day, graceDays: try row.int(2),
                                accountDueOn: try row.optionalString(3).flatMap { Day(iso: $0) }, accountGraceDays: try row.int(4))
        }
    }

    public static func find(year: Int, _ c: Connection) throws -> PlanDeadline? {
        try all(c).first { $0.year == year }
    }

    static func set(_ deadline: PlanDeadline, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO plan_deadlines (year, due_on, grace_days, account_due_on, account_grace_days)
            VALUES (\(deadline.year), \(deadline.dueOn.iso), \(deadline.graceDays), \(deadline.accountDueOn?.iso), \(deadline.accountGraceDays))
            ON CONFLICT (year) DO UPDATE SET due_on = excluded.due_on, grace_days = excluded.grace_days,
                account_due_on = excluded.account_due_on, account_grace_days = excluded.account_grace_days
            """)
    }

    static func remove(year: Int, _ c: Connection) throws {
        try c.execute("DELETE FROM plan_deadlines WHERE year = \(year)")
    }
}
