import Domain
import SQLite

/// The SQL of result agreements and their versions. A version's results, targets,
/// contributions and staffing are each loaded with one query (no query per row).
public enum Agreements {
    /// One row of the overview (`/agreements`): the newest version of each agreement.
    public struct OverviewRow: Sendable, Equatable {
        public var id: Int64
        public var ikcID: Int64
        public var ikcName: String
        public var firstYear: Int
        public var lastYear: Int
        public var versionNumber: Int
        public var status: AgreementStatus
        /// (party name, role, total cents over the period), in role order.
        public var partyTotals: [PartyTotal]
        public var resultsPerGoal: [Int64: Int]
    }

    public struct PartyTotal: Sendable, Equatable {
        public var name: String
        public var role: String
        public var cents: Int64
    }

    static let roleOrder: SQL = "CASE p.role WHEN 'gemeente' THEN 1 WHEN 'koepel' THEN 2 WHEN 'kinderopvang' THEN 3 ELSE 4 END"

    public static func overview(_ c: Connection) throws -> [OverviewRow] {
        let latest: SQL = "v.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id)"
        var rows: [OverviewRow] = []
        var index: [Int64: Int] = [:]
        for row in try c.rows("""
            SELECT a.id, a.ikc_id, i.name, a.first_year, a.last_year, v.number, v.status, v.id
            FROM agreements a JOIN ikcs i ON i.id = a.ikc_id JOIN agreement_versions v ON v.agreement_id = a.id AND \(sql: latest)
            ORDER BY i.name COLLATE NOCASE, a.first_year
            """) {
            index[try row.int64(7)] = rows.count
            rows.append(OverviewRow(id: try row.int64(0), ikcID: try row.int64(1), ikcName: try row.string(2), firstYear: try row.int(3),
                                    lastYear: try row.int(4), versionNumber: try row.int(5),
                                    status: AgreementStatus(rawValue: try row.string(6)) ?? .concept, partyTotals: [], resultsPerGoal: [:]))
        }
        for row in try c.rows("""
            SELECT v.id, o.name, p.role, (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions x
                                           WHERE x.version_id = v.id AND x.organisation_id = p.organisation_id)
            FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND \(sql: latest)
            JOIN agreement_parties p ON p.version_id = v.id JOIN organisations o ON o.id = p.organisation_id
            ORDER BY v.id, \(sql: roleOrder), o.name
            """) {
            guard let at = index[try row.int64(0)] else { continue }
            rows[at].partyTotals.append(PartyTotal(name: try row.string(1), role: try row.string(2), cents: try row.int64(3)))
        }
        for row in try c.rows("""
            SELECT v.id, r.goal_id, COUNT(*)
            FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND \(sql: latest)
            JOIN agreement_results r ON r.version_id = v.id GROUP BY v.id, r.goal_id
            """) {
            guard let at = index[try row.int64(0)] else { continue }
            rows[at].resultsPerGoal[try row.int64(1)] = try row.int(2)
        }
        return rows
    }

    public static func find(id: Int64, _ c: Connection) throws -> Agreement? {
        guard let row = try c.row("""
            SELECT a.id, a.ikc_id, i.name, a.first_year, a.last_year, a.created_at
            FROM agreements a JOIN ikcs i ON i.id = a.ikc_id WHERE a.id = \(id)
            """) else { return nil }
        return Agreement(id: try row.int64(0), ikcID: try row.int64(1), ikcName: try row.string(2), firstYear: try row.int(3),
                         lastYear: try row.int(4), createdAt: try row.string(5))
    }

    /// Every version, oldest first.
    public static func versions(agreementID: Int64, _ c: Connection) throws -> [AgreementVersion] {
        try c.rows("""
            SELECT v.id, v.agreement_id, v.number, v.status, v.reason, v.section_analysis, v.section_governance,
                   v.section_job_structure, v.section_organisation, u.name, v.created_at, v.fixed_at, v.lock_version
            FROM agreement_versions v LEFT JOIN users u ON u.id = v.created_by
            WHERE v.agreement_id = \(agreementID) ORDER BY v.number
            """).map { row in
            AgreementVersion(id: try row.int64(0), agreementID: try row.int64(1), number: try row.int(2),
                             status: AgreementStatus(rawValue: try row.string(3)) ?? .concept, reason: try row.string(4),
                             texts: AgreementTexts(analysis: try row.string(5), governance: try row.string(6),
                                                   jobStructure: try row.string(7), organisation: try row.string(8)),
                             createdByName: try row.optionalString(9), createdAt: try row.string(10), fixedAt: try row.optionalString(11),
                             lockVersion: try row.int64(12))
        }
    }

    /// The whole content of a version: five queries, whatever its size.
    public static func content(of version: AgreementVersion, _ c: Connection) throws -> AgreementContent {
        let id = version.id
        let parties = try c.rows("""
            SELECT p.organisation_id, o.name, p.role, p.signatory_name, p.signatory_title, p.signed_on
            FROM agreement_parties p JOIN organisations o ON o.id = p.organisation_id
            WHERE p.version_id = \(id) ORDER BY \(sql: roleOrder), o.name
            """).map { row in
            AgreementParty(organisationID: try row.int64(0), organisationName: try row.string(1), role: try row.string(2),
                           signatoryName: try row.string(3), signatoryTitle: try row.string(4),
                           signedOn: try row.optionalString(5).flatMap { Day(iso: $0) })
        }
        var results = try c.rows("""
            SELECT id, lineage, goal_id, position, description, indicator, unit, baseline_value, baseline_year, direction,
                   data_source, accumulation
            FROM agreement_results WHERE version_id = \(id) ORDER BY goal_id, position, id
            """).map { row in
            AgreementResult(id: try row.int64(0), lineage: try row.int64(1), goalID: try row.int64(2), position: try row.int(3),
                            description: try row.string(4), indicator: try row.string(5),
                            unit: ResultUnit(rawValue: try row.string(6)) ?? .number, baselineValue: try row.optionalDouble(7),
                            baselineYear: try row.optionalInt(8), direction: IndicatorDirection(rawValue: try row.string(9)) ?? .higher,
                            dataSource: try row.string(10), accumulation: TargetAccumulation(rawValue: try row.string(11)) ?? .perYear)
        }
        var at: [Int64: Int] = [:]
        for (offset, result) in results.enumerated() { at[result.id] = offset }
        try c.each("""
            SELECT t.result_id, t.year, t.value FROM result_targets t JOIN agreement_results r ON r.id = t.result_id
            WHERE r.version_id = \(id)
            """) { row in
            if let offset = at[try row.int64(0)] { results[offset].targets[try row.int(1)] = try row.double(2) }
        }
        let contributions = try c.rows("""
            SELECT organisation_id, funding_source_id, year, amount_cents FROM contributions WHERE version_id = \(id)
            ORDER BY organisation_id, funding_source_id, year
            """).map { row in
            Contribution(organisationID: try row.int64(0), fundingSourceID: try row.int64(1), year: try row.int(2), cents: try row.int64(3))
        }
        let staffing = try c.rows("""
            SELECT s.role_code, s.year, s.hours_per_week, s.paid_by FROM staffing s JOIN staffing_roles r ON r.code = s.role_code
            WHERE s.version_id = \(id) ORDER BY r.position, s.year
            """).map { row in
            Staffing(roleCode: try row.string(0), year: try row.int(1), hours: try row.double(2), paidBy: try row.optionalInt64(3))
        }
        return AgreementContent(version: version, parties: parties, results: results, contributions: contributions, staffing: staffing)
    }

    /// Funding sources by id and name, for grids.
    public static func fundingSources(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM funding_sources ORDER BY id").map { (try $0.int64(0), try $0.string(1)) }
    }

    /// Plus IKCs for the new-agreement form.
    public static func plusIKCs(_ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM ikcs WHERE kind = 'plus' ORDER BY name COLLATE NOCASE").map { (try $0.int64(0), try $0.string(1)) }
    }

    /// The parties a new agreement starts with: the gemeente, the IKC's koepel and childcare
    /// organisation(s), each with the organisation's signatory.
    public static func defaultParties(ikcID: Int64, _ c: Connection) throws -> [AgreementParty] {
        try c.rows("""
            SELECT o.id, o.name, 'gemeente', o.signatory_name, o.signatory_title FROM organisations o WHERE o.kind = 'gemeente'
            UNION ALL
            SELECT o.id, o.name, 'koepel', o.signatory_name, o.signatory_title FROM organisations o JOIN ikcs i ON i.koepel_id = o.id
            WHERE i.id = \(ikcID)
            UNION ALL
            SELECT o.id, o.name, 'kinderopvang', o.signatory_name, o.signatory_title FROM organisations o
            JOIN ikc_childcare k ON k.organisation_id = o.id WHERE k.ikc_id = \(ikcID)
            """).map { row in
            AgreementParty(organisationID: try row.int64(0), organisationName: try row.string(1), role: try row.string(2),
                           signatoryName: try row.string(3), signatoryTitle: try row.string(4))
        }
    }

    /// An agreement of this IKC whose period overlaps the given one.
    public static func overlapping(ikcID: Int64, first: Int, last: Int, _ c: Connection) throws -> Int64? {
        try c.row("""
            SELECT id FROM agreements WHERE ikc_id = \(ikcID) AND first_year <= \(last) AND last_year >= \(first) LIMIT 1
            """)?.int64(0)
    }

    /// The IKCs that have an agreement covering (part of) the period `first...last`: they cannot
    /// get a second one for it (the new-agreement form leaves them out).
    public static func ikcIDsWithAgreement(first: Int, last: Int, _ c: Connection) throws -> Set<Int64> {
        Set(try c.rows("SELECT DISTINCT ikc_id FROM agreements WHERE first_year <= \(last) AND last_year >= \(first)").map { try $0.int64(0) })
    }

    /// Creates the agreement with version 1 in concept and its parties; returns the id.
    public static func create(ikcID: Int64, first: Int, last: Int, parties: [AgreementParty], userID: Int64?, _ c: Connection) throws -> Int64 {
        if try overlapping(ikcID: ikcID, first: first, last: last, c) != nil { throw StoreError.duplicate(field: "ikc") }
        let now = Timestamp.now()
        try c.execute("INSERT INTO agreements (ikc_id, first_year, last_year, created_at) VALUES (\(ikcID), \(first), \(last), \(now))")
        let id = c.lastInsertRowID
        try c.execute("""
            INSERT INTO agreement_versions (agreement_id, number, status, created_by, created_at)
            VALUES (\(id), 1, 'concept', \(userID), \(now))
            """)
        let versionID = c.lastInsertRowID
        try insertParties(parties, versionID: versionID, c)
        return id
    }

    static func insertParties(_ parties: [AgreementParty], versionID: Int64, keepSignatures: Bool = false, _ c: Connection) throws {
        for party in parties {
            try c.execute("""
                INSERT OR IGNORE INTO agreement_parties (version_id, organisation_id, role, signatory_name, signatory_title, signed_on)
                VALUES (\(versionID), \(party.organisationID), \(party.role), \(party.signatoryName), \(party.signatoryTitle),
                        \(keepSignatures ? party.signedOn?.iso : nil))
                """)
        }
    }

    /// Claims a concept version for a save: bumps its lock version if it still has the one the
    /// form was loaded with and is still in concept; otherwise nothing is written (a 409).
    public static func claim(version: AgreementVersion, expected: Int64, status: AgreementStatus = .concept, _ c: Connection) throws {
        try c.execute("""
            UPDATE agreement_versions SET lock_version = lock_version + 1
            WHERE id = \(version.id) AND lock_version = \(expected) AND status = \(status.rawValue)
            """)
        if c.changes == 0 {
            let actual = try c.row("SELECT lock_version FROM agreement_versions WHERE id = \(version.id)")?.int64(0) ?? 0
            throw StoreError.staleVersion(record: "agreement_version", id: version.id, expected: expected, actual: actual)
        }
    }

    /// Saves the results of a version: existing ones updated in place (their ids stay, year
    /// plans refer to them), new ones inserted with a new lineage, missing ones deleted.
    public static func saveResults(_ results: [AgreementResult], version: AgreementVersion, _ c: Connection) throws {
        let keep = results.map(\.id).filter { $0 != 0 }
        try c.execute("DELETE FROM agreement_results WHERE version_id = \(version.id) AND id NOT IN (\(list: keep))")
        var nextLineage = try c.row("""
            SELECT COALESCE(MAX(r.lineage), 0) FROM agreement_results r JOIN agreement_versions v ON v.id = r.version_id
            WHERE v.agreement_id = \(version.agreementID)
            """)?.int64(0) ?? 0
        for result in results {
            if result.id != 0 {
                try c.execute("""
                    UPDATE agreement_results SET goal_id = \(result.goalID), position = \(result.position), description = \(result.description),
                        indicator = \(result.indicator), unit = \(result.unit.rawValue), baseline_value = \(result.baselineValue),
                        baseline_year = \(result.baselineYear), direction = \(result.direction.rawValue), data_source = \(result.dataSource),
                        accumulation = \(result.accumulation.rawValue)
                    WHERE id = \(result.id) AND version_id = \(version.id)
                    """)
            } else {
                nextLineage += 1
                try insertResult(result, lineage: nextLineage, versionID: version.id, c)
            }
        }
    }

    @discardableResult
    static func insertResult(_ result: AgreementResult, lineage: Int64, versionID: Int64, _ c: Connection) throws -> Int64 {
        try c.execute("""
            INSERT INTO agreement_results (version_id, lineage, goal_id, position, description, indicator, unit, baseline_value,
                baseline_year, direction, data_source, accumulation)
            VALUES (\(versionID), \(lineage), \(result.goalID), \(result.position), \(result.description), \(result.indicator),
                \(result.unit.rawValue), \(result.baselineValue), \(result.baselineYear), \(result.direction.rawValue),
                \(result.dataSource), \(result.accumulation.rawValue))
            """)
        let id = c.lastInsertRowID
        for (year, value) in result.targets.sorted(by: { $0.key < $1.key }) {
            try c.execute("INSERT INTO result_targets (result_id, year, value) VALUES (\(id), \(year), \(value))")
        }
        return id
    }

    /// Replaces the targets of the given results (the whole grid in one go).
    public static func replaceTargets(_ values: [Int64: [Int: Double]], version: AgreementVersion, _ c: Connection) throws {
        try c.execute("""
            DELETE FROM result_targets WHERE result_id IN (SELECT id FROM agreement_results WHERE version_id = \(version.id))
            """)
        for (resultID, years) in values.sorted(by: { $0.key < $1.key }) {
            for (year, value) in years.sorted(by: { $0.key < $1.key }) {
                try c.execute("""
                    INSERT INTO result_targets (result_id, year, value)
                    SELECT id, \(year), \(value) FROM agreement_results WHERE id = \(resultID) AND version_id = \(version.id)
                    """)
            }
        }
    }

    /// Changes single targets (CSV import), leaving the others.
    public static func setTargets(_ changes: [(resultID: Int64, year: Int, value: Double)], version: AgreementVersion, _ c: Connection) throws {
        for change in changes {
            try c.execute("""
                INSERT INTO result_targets (result_id, year, value)
                SELECT id, \(change.year), \(change.value) FROM agreement_results WHERE id = \(change.resultID) AND version_id = \(version.id)
                ON CONFLICT (result_id, year) DO UPDATE SET value = excluded.value
                """)
        }
    }

    /// Changes single amounts (CSV import); zero removes the contribution.
    public static func setContributions(_ changes: [Contribution], version: AgreementVersion, _ c: Connection) throws {
        for x in changes {
            if x.cents == 0 {
                try c.execute("""
                    DELETE FROM contributions WHERE version_id = \(version.id) AND organisation_id = \(x.organisationID)
                        AND funding_source_id = \(x.fundingSourceID) AND year = \(x.year)
                    """)
            } else {
                try c.execute("""
                    INSERT INTO contributions (version_id, organisation_id, funding_source_id, year, amount_cents)
                    VALUES (\(version.id), \(x.organisationID), \(x.fundingSourceID), \(x.year), \(x.cents))
                    ON CONFLICT (version_id, organisation_id, funding_source_id, year) DO UPDATE SET amount_cents = excluded.amount_cents
                    """)
            }
        }
    }

    public static func replaceContributions(_ contributions: [Contribution], version: AgreementVersion, _ c: Connection) throws {
        try c.execute("DELETE FROM contributions WHERE version_id = \(version.id)")
        for x in contributions where x.cents != 0 {
            try c.execute("""
                INSERT INTO contributions (version_id, organisation_id, funding_source_id, year, amount_cents)
                VALUES (\(version.id), \(x.organisationID), \(x.fundingSourceID), \(x.year), \(x.cents))
                """)
        }
    }

    public static func replaceStaffing(_ staffing: [Staffing], version: AgreementVersion, _ c: Connection) throws {
        try c.execute("DELETE FROM staffing WHERE version_id = \(version.id)")
        for s in staffing {
            try c.execute("""
                INSERT INTO staffing (version_id, role_code, year, hours_per_week, paid_by)
                VALUES (\(version.id), \(s.roleCode), \(s.year), \(s.hours), \(s.paidBy))
                """)
        }
    }

    public static func updateTexts(_ texts: AgreementTexts, version: AgreementVersion, _ c: Connection) throws {
        try c.execute("""
            UPDATE agreement_versions SET section_analysis = \(texts.analysis), section_governance = \(texts.governance),
                section_job_structure = \(texts.jobStructure), section_organisation = \(texts.organisation)
            WHERE id = \(version.id)
            """)
    }

    public static func updateSignatories(_ parties: [AgreementParty], version: AgreementVersion, _ c: Connection) throws {
        for party in parties {
            try c.execute("""
                UPDATE agreement_parties SET signatory_name = \(party.signatoryName), signatory_title = \(party.signatoryTitle)
                WHERE version_id = \(version.id) AND organisation_id = \(party.organisationID)
                """)
        }
    }

    // MARK: - Parties

    /// Every organisation with its default signatory, for the add-a-partner form.
    public static func organisationChoices(_ c: Connection) throws -> [AgreementParty] {
        try c.rows("SELECT id, name, kind, signatory_name, signatory_title FROM organisations ORDER BY name COLLATE NOCASE").map { row in
            AgreementParty(organisationID: try row.int64(0), organisationName: try row.string(1), role: try row.string(2),
                           signatoryName: try row.string(3), signatoryTitle: try row.string(4))
        }
    }

    /// Adds an organisation as party (role `partner`) to a concept version.
    public static func addPartner(_ party: AgreementParty, version: AgreementVersion, _ c: Connection) throws {
        if try c.row("SELECT 1 FROM agreement_parties WHERE version_id = \(version.id) AND organisation_id = \(party.organisationID)") != nil {
            throw StoreError.duplicate(field: "organisation")
        }
        try c.execute("""
            INSERT INTO agreement_parties (version_id, organisation_id, role, signatory_name, signatory_title)
            VALUES (\(version.id), \(party.organisationID), 'partner', \(party.signatoryName), \(party.signatoryTitle))
            """)
    }

    /// Removes a partner from a version with what only it brought in: its contributions in this
    /// version go (they would count in every total without a party to sign for them) and roles it
    /// paid for no longer name a payer. The three core parties are never removed here.
    public static func removePartner(organisationID: Int64, version: AgreementVersion, _ c: Connection) throws {
        try c.execute("DELETE FROM agreement_parties WHERE version_id = \(version.id) AND organisation_id = \(organisationID) AND role = 'partner'")
        guard c.changes == 1 else { throw StoreError.notFound(record: "agreement_party", id: organisationID) }
        try c.execute("DELETE FROM contributions WHERE version_id = \(version.id) AND organisation_id = \(organisationID)")
        try c.execute("UPDATE staffing SET paid_by = NULL WHERE version_id = \(version.id) AND paid_by = \(organisationID)")
    }

    public static func setStatus(_ status: AgreementStatus, version: AgreementVersion, _ c: Connection) throws {
        let fixedAt: String? = status == .vastgesteld ? Timestamp.now() : nil
        try c.execute("UPDATE agreement_versions SET status = \(status.rawValue), fixed_at = \(fixedAt) WHERE id = \(version.id)")
    }

    /// Records who signed for each party and when.
    public static func recordSignatures(_ parties: [AgreementParty], version: AgreementVersion, userID: Int64?, _ c: Connection) throws {
        for party in parties {
            try c.execute("""
                UPDATE agreement_parties SET signatory_name = \(party.signatoryName), signatory_title = \(party.signatoryTitle),
                    signed_on = \(party.signedOn?.iso), signed_recorded_by = \(party.signedOn == nil ? nil : userID)
                WHERE version_id = \(version.id) AND organisation_id = \(party.organisationID)
                """)
        }
    }

    /// Starts an amendment: a copy of `content` as version n+1 in concept. The copy replaces the
    /// figures (it is a full set, not a delta); results keep their lineage; signatures are not copied.
    public static func amend(_ content: AgreementContent, reason: String, userID: Int64?, _ c: Connection) throws -> AgreementVersion {
        let old = content.version
        let number = (try c.row("SELECT MAX(number) FROM agreement_versions WHERE agreement_id = \(old.agreementID)")?.int(0) ?? old.number) + 1
        let t = old.texts
        try c.execute("""
            INSERT INTO agreement_versions (agreement_id, number, status, reason, section_analysis, section_governance,
                section_job_structure, section_organisation, created_by, created_at)
            VALUES (\(old.agreementID), \(number), 'concept', \(reason), \(t.analysis), \(t.governance), \(t.jobStructure),
                \(t.organisation), \(userID), \(Timestamp.now()))
            """)
        let versionID = c.lastInsertRowID
        var unsigned = content.parties
        for index in unsigned.indices { unsigned[index].signedOn = nil }
        try insertParties(unsigned, versionID: versionID, c)
        for result in content.results { try insertResult(result, lineage: result.lineage, versionID: versionID, c) }
        for x in content.contributions {
            try c.execute("""
                INSERT INTO contributions (version_id, organisation_id, funding_source_id, year, amount_cents)
                VALUES (\(versionID), \(x.organisationID), \(x.fundingSourceID), \(x.year), \(x.cents))
                """)
        }
        for s in content.staffing {
            try c.execute("""
                INSERT INTO staffing (version_id, role_code, year, hours_per_week, paid_by)
                VALUES (\(versionID), \(s.roleCode), \(s.year), \(s.hours), \(s.paidBy))
                """)
        }
        guard let version = try versions(agreementID: old.agreementID, c).first(where: { $0.id == versionID }) else {
            throw StoreError.notFound(record: "agreement_version", id: versionID)
        }
        return version
    }

    // MARK: - Signed documents

    public static func addDocument(versionID: Int64, filename: String, contentType: String, data: [UInt8], userID: Int64?,
                                   _ c: Connection) throws -> Int64 {
        try c.execute("""
            INSERT INTO agreement_documents (version_id, filename, content_type, size_bytes, data, uploaded_by, uploaded_at)
            VALUES (\(versionID), \(filename), \(contentType), \(data.count), \(data), \(userID), \(Timestamp.now()))
            """)
        return c.lastInsertRowID
    }

    /// Only columns of the covering index agreement_documents_version (migration 0003): any other
    /// column after `data` would walk the whole PDF's overflow pages on every agreement page.
    public static func documents(agreementID: Int64, _ c: Connection) throws -> [AgreementDocument] {
        try c.rows("""
            SELECT d.id, d.version_id, d.filename, d.size_bytes, d.uploaded_at FROM agreement_documents d
            JOIN agreement_versions v ON v.id = d.version_id WHERE v.agreement_id = \(agreementID) ORDER BY d.id
            """).map { row in
            AgreementDocument(id: try row.int64(0), versionID: try row.int64(1), filename: try row.string(2),
                              sizeBytes: try row.int(3), uploadedAt: try row.string(4))
        }
    }

    /// A document's bytes, only when it belongs to the given agreement.
    public static func documentData(id: Int64, agreementID: Int64, _ c: Connection) throws -> (filename: String, contentType: String, data: [UInt8])? {
        guard let row = try c.row("""
            SELECT d.filename, d.content_type, d.data FROM agreement_documents d JOIN agreement_versions v ON v.id = d.version_id
            WHERE d.id = \(id) AND v.agreement_id = \(agreementID)
            """) else { return nil }
        return (try row.string(0), try row.string(1), try row.blob(2))
    }
}
