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
        /// The status of the version in force (the newest vastgestelde), or of the newest when none is.
        public var agreementStatus: AgreementStatus?
        public var predicate: PlusPredicate?
        /// A newer version than the one in force: shown as a separate note and link.
        public var pendingAmendment: PendingAmendment? = nil
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

    /// Every IKC with its koepel, area, Plus predicate and the status of its newest agreement's
    /// version in force (the newest vastgestelde, else the newest), and a newer amendment if any. (No per-version aggregates: no page shows them, and summing the contributions
    /// alone cost more than the rest of the query.)
    public static func overview(_ filter: Filter = Filter(), _ c: Connection) throws -> [OverviewRow] {
        var sql: SQL = """
            SELECT i.id, i.name, i.kind, k.name, a.name, v.status,
                   p.granted_on, p.last_reassessed_on, p.lock_version, i.koepel_id, ag.id, v.number, n.number, n.status
            FROM ikcs i
            JOIN organisations k ON k.id = i.koepel_id
            LEFT JOIN areas a ON a.id = i.area_id
            LEFT JOIN plus_predicates p ON p.ikc_id = i.id
            LEFT JOIN agreements ag ON ag.ikc_id = i.id
                 AND ag.first_year = (SELECT MAX(first_year) FROM agreements WHERE ikc_id = i.id)
            LEFT JOIN agreement_versions v ON v.agreement_id = ag.id AND v.number = \(sql: inForceNumber)
            LEFT JOIN agreement_versions n ON n.agreement_id = ag.id AND n.number > v.number
                 AND n.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id)
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
                               agreementStatus: try row.optionalString(5).flatMap { AgreementStatus(rawValue: $0) }, predicate: predicate,
                               pendingAmendment: PendingAmendment.of(agreementID: try row.optionalInt64(10), inForce: try row.optionalInt(11),
                                                                     newest: try row.optionalInt(12), status: try row.optionalString(13)))
        }
    }

    /// The number of agreement `ag`'s version in force: its newest vastgestelde, else its newest.
    static let inForceNumber: SQL = """
        COALESCE((SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id AND status = 'vastgesteld'),
                 (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id))
        """

    /// What the version in force of each IKC's newest agreement holds: its results, their yearly
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
            JOIN agreement_versions v ON v.agreement_id = ag.id AND v.number = \(sql: inForceNumber)
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

    /// What an IKC can be linked to: koepels, childcare organisations and areas.
    public static func choices(_ c: Connection) throws -> IKCChoices {
        IKCChoices(koepels: try Organisations.named(kind: Organisation.koepel, c), childcare: try Organisations.named(kind: Organisation.childcare, c),
                   areas: try Areas.names(c))
    }

    /// (id, name) of every IKC, for pickers.
    public static func names(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM ikcs ORDER BY name COLLATE NOCASE").map { (try $0.int64(0), try $0.string(1)) }
    }

    public static func count(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs")?.int(0) ?? 0
    }

    public static func countPlus(_ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs WHERE kind IN (SELECT code FROM ikc_kinds WHERE in_programme = 1)")?.int(0) ?? 0
    }

    public static func nameExists(_ name: String, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM ikcs WHERE name = \(name) AND id <> \(id)") != nil
    }

    /// Inserts `ikc`; the verb `register` wraps it with its audit row.
    static func insert(_ ikc: IKC, _ c: Connection) throws -> Int64 {
        if try nameExists(ikc.name, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO ikcs (name, kind, koepel_id, area_id, director_name, children_count, profile)
            VALUES (\(ikc.name), \(ikc.kind.rawValue), \(ikc.koepelID), \(ikc.areaID), \(ikc.directorName), \(ikc.childrenCount), \(ikc.profile))
            """)
        let id = c.lastInsertRowID
        try setChildcare(ikcID: id, ikc.childcareIDs, c)
        return id
    }

    /// Overwrites the stored fields of `ikc.id`; the verb `change` claimed its version first.
    static func overwrite(_ ikc: IKC, _ c: Connection) throws {
        if try nameExists(ikc.name, excluding: ikc.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE ikcs SET name = \(ikc.name), kind = \(ikc.kind.rawValue), koepel_id = \(ikc.koepelID), area_id = \(ikc.areaID),
                director_name = \(ikc.directorName), children_count = \(ikc.childrenCount), profile = \(ikc.profile)
            WHERE id = \(ikc.id)
            """)
        try setChildcare(ikcID: ikc.id, ikc.childcareIDs, c)
    }

    static func setChildcare(ikcID: Int64, _ ids: [Int64], _ c: Connection) throws {
        try c.execute("DELETE FROM ikc_childcare WHERE ikc_id = \(ikcID)")
        for id in Set(ids).sorted() {
            try c.execute("INSERT INTO ikc_childcare (ikc_id, organisation_id) VALUES (\(ikcID), \(id))")
        }
    }

    // MARK: - What the detail page gathers

    /// The newest agreement of an IKC in brief: its version in force, and a newer amendment apart.
    public static func agreementInBrief(ikcID: Int64, _ c: Connection) throws -> AgreementInBrief? {
        guard let row = try c.row("""
            SELECT ag.id, ag.first_year, ag.last_year, v.number, v.status, v.id,
                   (SELECT COUNT(*) FROM agreement_results r WHERE r.version_id = v.id),
                   (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions x WHERE x.version_id = v.id)
                   , (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = ag.id)
            FROM agreements ag JOIN agreement_versions v ON v.agreement_id = ag.id AND v.number = \(sql: inForceNumber)
            WHERE ag.ikc_id = \(ikcID)
            ORDER BY ag.first_year DESC LIMIT 1
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
        return AgreementInBrief(agreementID: try row.int64(0), firstYear: try row.int(1), lastYear: try row.int(2),
                                versionNumber: try row.int(3), status: AgreementStatus(rawValue: try row.string(4)) ?? .concept,
                                results: try row.int(6), contributionCents: try row.int64(7), parties: parties,
                                pending: try pendingAmendment(agreementID: try row.int64(0), inForce: try row.int(3), newest: try row.int(8), c))
    }

    /// (year, status) of every yearly plan of an IKC.
    public static func yearPlans(ikcID: Int64, _ c: Connection) throws -> [(id: Int64, year: Int, status: YearPlan.Status)] {
        try c.rows("SELECT id, year, status FROM year_plans WHERE ikc_id = \(ikcID) ORDER BY year").map {
            (try $0.int64(0), try $0.int(1), YearPlan.Status(rawValue: try $0.string(2)) ?? .concept)
        }
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
    public static func openPlans(ikcID: Int64, before year: Int, _ c: Connection) throws -> [(planID: Int64, year: Int, status: YearPlan.Status)] {
        try c.rows("""
            SELECT id, year, status FROM year_plans
            WHERE ikc_id = \(ikcID) AND year < \(year) AND status <> 'goedgekeurd' ORDER BY year, id
            """).map { (try $0.int64(0), try $0.int(1), YearPlan.Status(rawValue: try $0.string(2)) ?? .concept) }
    }

    /// The status of an IKC's plan for a year, nil when there is none yet.
    public static func planStatus(ikcID: Int64, year: Int, _ c: Connection) throws -> YearPlan.Status? {
        guard let status = try c.row("SELECT status FROM year_plans WHERE ikc_id = \(ikcID) AND year = \(year)")?.string(0) else { return nil }
        return YearPlan.Status(rawValue: status)
    }

    /// The newest version of an agreement when it is newer than the one in force.
    static func pendingAmendment(agreementID: Int64, inForce: Int, newest: Int, _ c: Connection) throws -> PendingAmendment? {
        guard newest > inForce else { return nil }
        let status = try c.row("SELECT status FROM agreement_versions WHERE agreement_id = \(agreementID) AND number = \(newest)")?.string(0)
        return PendingAmendment.of(agreementID: agreementID, inForce: inForce, newest: newest, status: status)
    }
}
