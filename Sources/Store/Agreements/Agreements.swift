import Domain
import SQLite

/// The SQL of result agreements and their versions. A version's results, targets,
/// contributions and staffing are each loaded with one query (no query per row).
public enum Agreements {
    static let roleOrder: SQL = "CASE p.role WHEN 'gemeente' THEN 1 WHEN 'koepel' THEN 2 WHEN 'kinderopvang' THEN 3 ELSE 4 END"

    /// The version in force of every agreement (the newest vastgestelde, else the newest), by IKC
    /// name and period, with a newer version that is not fixed yet as its pending amendment.
    public static func overview(_ c: Connection) throws -> [AgreementOverviewRow] {
        let latest: SQL = """
            v.number = COALESCE((SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id AND status = 'vastgesteld'),
                                (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id))
            """
        var rows: [AgreementOverviewRow] = []
        var index: [Int64: Int] = [:]
        for row in try c.rows("""
            SELECT a.id, a.ikc_id, i.name, a.first_year, a.last_year, v.number, v.status, v.id, n.number, n.status
            FROM agreements a
            JOIN agreement_versions n ON n.agreement_id = a.id AND n.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id) JOIN ikcs i ON i.id = a.ikc_id JOIN agreement_versions v ON v.agreement_id = a.id AND \(sql: latest)
            ORDER BY i.name COLLATE NOCASE, a.first_year
            """) {
            index[try row.int64(7)] = rows.count
            rows.append(AgreementOverviewRow(id: try row.int64(0), ikcID: try row.int64(1), ikcName: try row.string(2),
                                             firstYear: try row.int(3), lastYear: try row.int(4), versionNumber: try row.int(5),
                                             status: AgreementStatus(rawValue: try row.string(6)) ?? .concept,
                                             pendingAmendment: PendingAmendment.of(agreementID: try row.int64(0), inForce: try row.int(5),
                                                                                   newest: try row.int(8), status: try row.string(9))))
        }
        for row in try c.rows("""
            SELECT v.id, o.name, p.role, (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions x
                                           WHERE x.version_id = v.id AND x.organisation_id = p.organisation_id)
            FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND \(sql: latest)
            JOIN agreement_parties p ON p.version_id = v.id JOIN organisations o ON o.id = p.organisation_id
            ORDER BY v.id, \(sql: roleOrder), o.name
            """) {
            guard let at = index[try row.int64(0)] else { continue }
            rows[at].partyTotals.append(AgreementOverviewRow.PartyTotal(name: try row.string(1), role: try row.string(2), cents: try row.int64(3)))
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
        try content(of: version, grid: nil, c)
    }

    /// As `content(of:)`, with only one grid's cells (`grid`; nil: all three): the parties and
    /// results always, the targets, contributions or staffing only for their grid.
    static func content(of version: AgreementVersion, grid: AgreementGrid?, _ c: Connection) throws -> AgreementContent {
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
                   data_source, accumulation, indicator_id
            FROM agreement_results WHERE version_id = \(id) ORDER BY goal_id, position, id
            """).map { row -> AgreementResult in
            var result = AgreementResult(id: try row.int64(0), lineage: try row.int64(1), goalID: try row.int64(2), position: try row.int(3),
                            description: try row.string(4), indicator: try row.string(5),
                            unit: ResultUnit(rawValue: try row.string(6)) ?? .number, baselineValue: try row.optionalDouble(7),
                            baselineYear: try row.optionalInt(8), direction: IndicatorDirection(rawValue: try row.string(9)) ?? .higher,
                            dataSource: try row.string(10), accumulation: TargetAccumulation(rawValue: try row.string(11)) ?? .perYear)
            result.indicatorID = try row.optionalInt64(12)
            return result
        }
        var at: [Int64: Int] = [:]
        for (offset, result) in results.enumerated() { at[result.id] = offset }
        let wants = { (cells: AgreementGrid) in grid == nil || grid == cells }
        if wants(.targets) {
            try c.each("""
                SELECT t.result_id, t.year, t.value FROM result_targets t JOIN agreement_results r ON r.id = t.result_id
                WHERE r.version_id = \(id)
                """) { row in
                if let offset = at[try row.int64(0)] { results[offset].targets[try row.int(1)] = try row.double(2) }
            }
        }
        let contributions = !wants(.contributions) ? [] : try c.rows("""
            SELECT organisation_id, funding_source_id, year, amount_cents FROM contributions WHERE version_id = \(id)
            ORDER BY organisation_id, funding_source_id, year
            """).map { row in
            Contribution(organisationID: try row.int64(0), fundingSourceID: try row.int64(1), year: try row.int(2), cents: try row.int64(3))
        }
        let staffing = !wants(.staffing) ? [] : try c.rows("""
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
        try c.rows("SELECT id, name FROM ikcs WHERE kind IN (SELECT code FROM ikc_kinds WHERE in_programme = 1) ORDER BY name COLLATE NOCASE").map { (try $0.int64(0), try $0.string(1)) }
    }

    /// The parties a new agreement starts with: the gemeente, the IKC's koepel and childcare
    /// organisation(s), each with the organisation's signatory; each only if its kind signs
    /// agreements in this programme (`organisation_kinds.signs`).
    public static func defaultParties(ikcID: Int64, _ c: Connection) throws -> [AgreementParty] {
        try c.rows("""
            SELECT o.id, o.name, 'gemeente', o.signatory_name, o.signatory_title FROM organisations o WHERE o.kind = 'gemeente'
              AND EXISTS (SELECT 1 FROM organisation_kinds WHERE code = 'gemeente' AND signs = 1)
            UNION ALL
            SELECT o.id, o.name, 'koepel', o.signatory_name, o.signatory_title FROM organisations o JOIN ikcs i ON i.koepel_id = o.id
            WHERE i.id = \(ikcID) AND EXISTS (SELECT 1 FROM organisation_kinds WHERE code = 'koepel' AND signs = 1)
            UNION ALL
            SELECT o.id, o.name, 'kinderopvang', o.signatory_name, o.signatory_title FROM organisations o
            JOIN ikc_childcare k ON k.organisation_id = o.id WHERE k.ikc_id = \(ikcID)
              AND EXISTS (SELECT 1 FROM organisation_kinds WHERE code = 'kinderopvang' AND signs = 1)
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

    // MARK: - Parties

    /// Every organisation with its default signatory, for the add-a-partner form.
    public static func organisationChoices(_ c: Connection) throws -> [AgreementParty] {
        try c.rows("SELECT id, name, kind, signatory_name, signatory_title FROM organisations ORDER BY name COLLATE NOCASE").map { row in
            AgreementParty(organisationID: try row.int64(0), organisationName: try row.string(1), role: try row.string(2),
                           signatoryName: try row.string(3), signatoryTitle: try row.string(4))
        }
    }

    /// The Act proposals of the IKC's yearly plans that can start an amendment of this agreement.
    public static func proposals(agreementID: Int64, _ c: Connection) throws -> [AmendmentProposal] {
        try YearPlans.amendmentProposals(agreementID: agreementID, c).map {
            AmendmentProposal(planID: $0.planID, year: $0.year, planStatus: $0.status, text: $0.text)
        }
    }

    // MARK: - Signed documents

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
