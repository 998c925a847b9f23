import Domain
import SQLite

/// The IKC registry's queries.
public enum IKCs {
    /// One row of the IKC overview (`/ikcs`).
    public struct OverviewRow: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var kind: IKCKind
        public var koepelID: Int64
        public var koepel: String
        public var area: String?
        public var agreementStatus: String?
        public var predicate: PlusPredicate?
    }

    /// Filters of the overview; nil means all.
    public struct Filter: Sendable, Hashable {
        public var kind: IKCKind?
        public var koepelID: Int64?
        public var areaID: Int64?
        /// Name descending instead of ascending.
        public var descending: Bool
        public init(kind: IKCKind? = nil, koepelID: Int64? = nil, areaID: Int64? = nil, descending: Bool = false) {
            self.kind = kind
            self.koepelID = koepelID
            self.areaID = areaID
            self.descending = descending
        }
    }

    /// Every IKC with its koepel, area, Plus predicate and the status of its newest agreement
    /// version. (No per-version aggregates: no page shows them, and summing the contributions
    /// alone cost more than the rest of the query.)
    public static func overview(_ filter: Filter = Filter(), _ c: Connection) throws -> [OverviewRow] {
        var sql: SQL = """
            SELECT i.id, i.name, i.kind, k.name, a.name, v.status,
                   p.granted_on, p.last_reassessed_on, p.lock_version, i.koepel_id
            FROM ikcs i
            JOIN organisations k ON k.id = i.koepel_id
            LEFT JOIN areas a ON a.id = i.area_id
            LEFT JOIN plus_predicates p ON p.ikc_id = i.id
            LEFT JOIN agreements ag ON ag.ikc_id = i.id
                 AND ag.first_year = (SELECT MAX(first_year) FROM agreements WHERE ikc_id = i.id)
            LEFT JOIN agreement_versions v ON v.agreement_id = ag.id
                 AND v.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id)
            WHERE 1 = 1
            """
        if let kind = filter.kind { sql = sql + " AND i.kind = \(kind.rawValue)" }
        if let koepel = filter.koepelID { sql = sql + " AND i.koepel_id = \(koepel)" }
        if let area = filter.areaID { sql = sql + " AND i.area_id = \(area)" }
        sql = sql + (filter.descending ? " ORDER BY i.name COLLATE NOCASE DESC" : " ORDER BY i.name COLLATE NOCASE")
        return try c.rows(sql).map { row in
            let id = try row.int64(0)
            var predicate: PlusPredicate? = nil
            if let granted = try row.optionalString(6).flatMap({ Day(iso: $0) }) {
                predicate = PlusPredicate(ikcID: id, grantedOn: granted, lastReassessedOn: try row.optionalString(7).flatMap { Day(iso: $0) },
                                          lockVersion: try row.int64(8))
            }
            return OverviewRow(id: id, name: try row.string(1), kind: IKCKind(rawValue: try row.string(2)) ?? .regulier,
                               koepelID: try row.int64(9), koepel: try row.string(3), area: try row.optionalString(4),
                               agreementStatus: try row.optionalString(5), predicate: predicate)
        }
    }

    /// What the newest version of each IKC's newest agreement holds: its results, their yearly
    /// targets and the sum of its contributions (IKCs without an agreement are absent).
    /// Correlated subqueries so that one aggregate cannot multiply another.
    public static func agreementFigures(_ c: Connection) throws -> [Int64: (results: Int, targets: Int, contributionCents: Int64)] {
        var figures: [Int64: (results: Int, targets: Int, contributionCents: Int64)] = [:]
        for row in try c.rows("""
            SELECT ag.ikc_id,
                   (SELECT COUNT(*) FROM agreement_results r WHERE r.version_id = v.id),
                   (SELECT COUNT(*) FROM agreement_results r JOIN result_targets t ON t.result_id = r.id
                     WHERE r.version_id = v.id),
                   (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions c WHERE c.version_id = v.id)
            FROM agreements ag
            JOIN agreement_versions v ON v.agreement_id = ag.id
                 AND v.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id)
            WHERE ag.first_year = (SELECT MAX(first_year) FROM agreements WHERE ikc_id = ag.ikc_id)
            """) {
            figures[try row.int64(0)] = (try row.int(1), try row.int(2), try row.int64(3))
        }
        return figures
    }

    /// Per IKC: (results on track, results measured), judged on the newest measurement of each
    /// result against that year's target. IKCs without measurements are absent.
    public static func progress(_ c: Connection) throws -> [Int64: (onTrack: Int, measured: Int)] {
        let rows = try c.rows("""
            SELECT p.ikc_id, r.lineage, p.year, m.value, t.value, r.direction
            FROM measurements m
            JOIN year_plans p ON p.id = m.plan_id
            JOIN agreement_results r ON r.id = m.result_id
            LEFT JOIN result_targets t ON t.result_id = m.result_id AND t.year = p.year
            WHERE m.value IS NOT NULL
            ORDER BY p.ikc_id, r.lineage, p.year
            """)
        // The newest year per (IKC, result lineage) wins: rows come in year order.
        var newest: [Int64: [Int64: (value: Double, target: Double?, direction: String)]] = [:]
        for row in rows {
            newest[try row.int64(0), default: [:]][try row.int64(1)] = (try row.double(3), try row.optionalDouble(4), try row.string(5))
        }
        var result: [Int64: (onTrack: Int, measured: Int)] = [:]
        for (ikc, measured) in newest {
            let onTrack = measured.values.filter { m in
                m.target.map { ResultProgress.isOnTrack(value: m.value, target: $0, direction: m.direction) } ?? false
            }.count
            result[ikc] = (onTrack, measured.count)
        }
        return result
    }

    public static func find(id: Int64, _ c: Connection) throws -> IKC? {
        guard let row = try c.row("""
            SELECT id, name, kind, koepel_id, area_id, director_name, children_count, profile, lock_version
            FROM ikcs WHERE id = \(id)
            """) else { return nil }
        let childcare = try c.rows("SELECT organisation_id FROM ikc_childcare WHERE ikc_id = \(id) ORDER BY organisation_id").map { try $0.int64(0) }
        return IKC(id: try row.int64(0), name: try row.string(1), kind: IKCKind(rawValue: try row.string(2)) ?? .regulier,
                   koepelID: try row.int64(3), areaID: try row.optionalInt64(4), directorName: try row.string(5),
                   childrenCount: try row.optionalInt(6), profile: try row.string(7), childcareIDs: childcare,
                   lockVersion: try row.int64(8))
    }

    /// (id, name) of every IKC, for pickers.
    public static func names(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM ikcs ORDER BY name COLLATE NOCASE").map { (try $0.int64(0), try $0.string(1)) }
    }

    public static func count(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs")?.int(0) ?? 0
    }

    public static func countPlus(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs WHERE kind = 'plus'")?.int(0) ?? 0
    }

    public static func nameExists(_ name: String, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM ikcs WHERE name = \(name) AND id <> \(id)") != nil
    }

    public static func create(_ ikc: IKC, _ c: Connection) throws -> Int64 {
        if try nameExists(ikc.name, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO ikcs (name, kind, koepel_id, area_id, director_name, children_count, profile)
            VALUES (\(ikc.name), \(ikc.kind.rawValue), \(ikc.koepelID), \(ikc.areaID), \(ikc.directorName), \(ikc.childrenCount), \(ikc.profile))
            """)
        let id = c.lastInsertRowID
        try setChildcare(ikcID: id, ikc.childcareIDs, c)
        return id
    }

    /// Saves `ikc` when the stored record is still version `ikc.lockVersion`; returns the old one.
    @discardableResult
    public static func update(_ ikc: IKC, _ c: Connection) throws -> IKC {
        guard let current = try find(id: ikc.id, c) else { throw StoreError.notFound(record: "ikc", id: ikc.id) }
        guard current.lockVersion == ikc.lockVersion else {
            throw StoreError.staleVersion(record: "ikc", id: ikc.id, expected: ikc.lockVersion, actual: current.lockVersion)
        }
        if try nameExists(ikc.name, excluding: ikc.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE ikcs SET name = \(ikc.name), kind = \(ikc.kind.rawValue), koepel_id = \(ikc.koepelID), area_id = \(ikc.areaID),
                director_name = \(ikc.directorName), children_count = \(ikc.childrenCount), profile = \(ikc.profile),
                lock_version = lock_version + 1
            WHERE id = \(ikc.id)
            """)
        try setChildcare(ikcID: ikc.id, ikc.childcareIDs, c)
        return current
    }

    static func setChildcare(ikcID: Int64, _ ids: [Int64], _ c: Connection) throws {
        try c.execute("DELETE FROM ikc_childcare WHERE ikc_id = \(ikcID)")
        for id in Set(ids).sorted() {
            try c.execute("INSERT INTO ikc_childcare (ikc_id, organisation_id) VALUES (\(ikcID), \(id))")
        }
    }

    // MARK: - What the detail page gathers

    /// The newest agreement of an IKC in brief.
    public struct AgreementSummary: Sendable, Equatable {
        public var agreementID: Int64
        public var firstYear: Int
        public var lastYear: Int
        public var versionNumber: Int
        public var status: String
        public var results: Int
        public var contributionCents: Int64
        public var parties: [String]
    }

    public static func agreementSummary(ikcID: Int64, _ c: Connection) throws -> AgreementSummary? {
        guard let row = try c.row("""
            SELECT ag.id, ag.first_year, ag.last_year, v.number, v.status, v.id,
                   (SELECT COUNT(*) FROM agreement_results r WHERE r.version_id = v.id),
                   (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions x WHERE x.version_id = v.id)
            FROM agreements ag JOIN agreement_versions v ON v.agreement_id = ag.id
            WHERE ag.ikc_id = \(ikcID)
            ORDER BY ag.first_year DESC, v.number DESC LIMIT 1
            """) else { return nil }
        let versionID = try row.int64(5)
        let parties = try c.rows("""
            SELECT o.name, p.signatory_name, p.signed_on FROM agreement_parties p JOIN organisations o ON o.id = p.organisation_id
            WHERE p.version_id = \(versionID) ORDER BY CASE p.role WHEN 'gemeente' THEN 1 WHEN 'koepel' THEN 2 WHEN 'kinderopvang' THEN 3 ELSE 4 END
            """).map { r -> String in
            let signer = try r.string(1)
            let signed = try r.optionalString(2).flatMap { Day(iso: $0) }
            return try r.string(0) + (signer.isEmpty ? "" : " (\(signer))") + (signed.map { ", getekend \($0.dutch)" } ?? "")
        }
        return AgreementSummary(agreementID: try row.int64(0), firstYear: try row.int(1), lastYear: try row.int(2),
                                versionNumber: try row.int(3), status: try row.string(4), results: try row.int(6),
                                contributionCents: try row.int64(7), parties: parties)
    }

    /// (year, status) of every yearly plan of an IKC.
    public static func yearPlans(ikcID: Int64, _ c: Connection) throws -> [(id: Int64, year: Int, status: String)] {
        try c.rows("SELECT id, year, status FROM year_plans WHERE ikc_id = \(ikcID) ORDER BY year").map {
            (try $0.int64(0), try $0.int(1), try $0.string(2))
        }
    }

    // MARK: - Plus predicate and conditions

    public static func predicate(ikcID: Int64, _ c: Connection) throws -> PlusPredicate? {
        guard let row = try c.row("""
            SELECT granted_on, last_reassessed_on, notes, lock_version FROM plus_predicates WHERE ikc_id = \(ikcID)
            """), let granted = Day(iso: try row.string(0)) else { return nil }
        return PlusPredicate(ikcID: ikcID, grantedOn: granted, lastReassessedOn: try row.optionalString(1).flatMap { Day(iso: $0) },
                             notes: try row.string(2), lockVersion: try row.int64(3))
    }

    /// Creates the predicate (when `expectedVersion` is nil) or saves over version
    /// `expectedVersion`; returns the old one.
    @discardableResult
    public static func setPredicate(_ p: PlusPredicate, expectedVersion: Int64?, _ c: Connection) throws -> PlusPredicate? {
        let current = try predicate(ikcID: p.ikcID, c)
        if let current {
            guard let expectedVersion, current.lockVersion == expectedVersion else {
                throw StoreError.staleVersion(record: "plus_predicate", id: p.ikcID, expected: expectedVersion ?? 0, actual: current.lockVersion)
            }
            try c.execute("""
                UPDATE plus_predicates SET granted_on = \(p.grantedOn.iso), last_reassessed_on = \(p.lastReassessedOn?.iso),
                    notes = \(p.notes), lock_version = lock_version + 1
                WHERE ikc_id = \(p.ikcID)
                """)
        } else {
            if let expectedVersion {
                throw StoreError.staleVersion(record: "plus_predicate", id: p.ikcID, expected: expectedVersion, actual: 0)
            }
            try c.execute("""
                INSERT INTO plus_predicates (ikc_id, granted_on, last_reassessed_on, notes)
                VALUES (\(p.ikcID), \(p.grantedOn.iso), \(p.lastReassessedOn?.iso), \(p.notes))
                """)
        }
        return current
    }

    /// The programme's conditions with this IKC's check of each (state nil when never set).
    public static func conditions(ikcID: Int64, _ c: Connection) throws -> [ConditionCheck] {
        try c.rows("""
            SELECT pc.id, pc.text, x.state, x.note, u.name, x.set_at
            FROM plus_conditions pc
            LEFT JOIN plus_condition_checks x ON x.condition_id = pc.id AND x.ikc_id = \(ikcID)
            LEFT JOIN users u ON u.id = x.set_by
            ORDER BY pc.position
            """).map {
            ConditionCheck(conditionID: try $0.int64(0), text: try $0.string(1), state: try $0.optionalString(2).flatMap { ConditionState(rawValue: $0) },
                           note: try $0.optionalString(3) ?? "", setBy: try $0.optionalString(4), setAt: try $0.optionalString(5))
        }
    }

    /// Sets one condition's state and note; a no-op (returns false) when nothing changed, so
    /// "who set it when" stays the last real change.
    @discardableResult
    public static func setCondition(ikcID: Int64, conditionID: Int64, state: ConditionState, note: String, userID: Int64?, at: String, _ c: Connection) throws -> Bool {
        if let row = try c.row("SELECT state, note FROM plus_condition_checks WHERE ikc_id = \(ikcID) AND condition_id = \(conditionID)"),
           try row.string(0) == state.rawValue, try row.string(1) == note {
            return false
        }
        try c.execute("""
            INSERT INTO plus_condition_checks (ikc_id, condition_id, state, note, set_by, set_at)
            VALUES (\(ikcID), \(conditionID), \(state.rawValue), \(note), \(userID), \(at))
            ON CONFLICT (ikc_id, condition_id) DO UPDATE SET state = excluded.state, note = excluded.note,
                set_by = excluded.set_by, set_at = excluded.set_at
            """)
        return true
    }

    // MARK: - For the home page

    /// Plans waiting for review: (plan id, IKC id, IKC name, year).
    public static func submittedPlans(_ c: Connection) throws -> [(planID: Int64, ikcID: Int64, name: String, year: Int)] {
        try c.rows("""
            SELECT p.id, i.id, i.name, p.year FROM year_plans p JOIN ikcs i ON i.id = p.ikc_id
            WHERE p.status = 'ingediend' ORDER BY p.submitted_at, i.name COLLATE NOCASE
            """).map { (try $0.int64(0), try $0.int64(1), try $0.string(2), try $0.int(3)) }
    }

    /// An IKC's plans of years before `year` that are not approved (concept, submitted or
    /// returned), oldest first: for the director's home page.
    public static func openPlans(ikcID: Int64, before year: Int, _ c: Connection) throws -> [(planID: Int64, year: Int, status: String)] {
        try c.rows("""
            SELECT id, year, status FROM year_plans
            WHERE ikc_id = \(ikcID) AND year < \(year) AND status <> 'goedgekeurd' ORDER BY year, id
            """).map { (try $0.int64(0), try $0.int(1), try $0.string(2)) }
    }

    /// The status of an IKC's plan for a year, nil when there is none yet.
    public static func planStatus(ikcID: Int64, year: Int, _ c: Connection) throws -> String? {
        try c.row("SELECT status FROM year_plans WHERE ikc_id = \(ikcID) AND year = \(year)")?.string(0)
    }
}
