import Domain
import SQLite

/// The SQL writes of agreements. They run inside a verb's transaction (AgreementEditing.swift),
/// never on their own: each verb claims the version first and writes the audit row.
extension Agreements {
    /// Creates the agreement with version 1 in concept and its parties; returns the id.
    static func insertAgreement(ikcID: Int64, first: Int, last: Int, parties: [AgreementParty], userID: Int64?, _ c: Connection) throws -> Int64 {
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

    /// Saves the results of a version: existing ones updated in place (their ids stay, year
    /// plans refer to them), new ones inserted with a new lineage, missing ones deleted.
    static func saveResults(_ results: [AgreementResult], version: AgreementVersion, _ c: Connection) throws {
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
                        accumulation = \(result.accumulation.rawValue), indicator_id = \(result.indicatorID)
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
                baseline_year, direction, data_source, accumulation, indicator_id)
            VALUES (\(versionID), \(lineage), \(result.goalID), \(result.position), \(result.description), \(result.indicator),
                \(result.unit.rawValue), \(result.baselineValue), \(result.baselineYear), \(result.direction.rawValue),
                \(result.dataSource), \(result.accumulation.rawValue), \(result.indicatorID))
            """)
        let id = c.lastInsertRowID
        for (year, value) in result.targets.sorted(by: { $0.key < $1.key }) {
            try c.execute("INSERT INTO result_targets (result_id, year, value) VALUES (\(id), \(year), \(value))")
        }
        return id
    }

    /// Replaces the targets of the version's results with `values` (the whole grid in one go):
    /// afterwards the version holds exactly the cells of `values` whose result is its own.
    /// Cells that keep their value are not written, so a save touches only what changed; and
    /// since it knows which those are, it refuses a change to a cell of a `closed` year itself
    /// (`ClosedYearRefusal` with the earliest, before anything is written) instead of reading the
    /// closed years' cells before and after (`keepingClosedYears`).
    static func replaceTargets(_ values: [Int64: [Int: Double]], version: AgreementVersion, closed: Set<Int>, _ c: Connection) throws {
        struct Cell: Hashable { var resultID: Int64, year: Int }
        var results = Set<Int64>()
        var stored: [Cell: Double] = [:]
        try c.each("""
            SELECT r.id, t.year, t.value FROM agreement_results r LEFT JOIN result_targets t ON t.result_id = r.id
            WHERE r.version_id = \(version.id)
            """) { row in
            let resultID = try row.int64(0)
            results.insert(resultID)
            if let year = try row.optionalInt(1) { stored[Cell(resultID: resultID, year: year)] = try row.double(2) }
        }
        var upserts: [(Cell, Double)] = []
        for (resultID, years) in values.sorted(by: { $0.key < $1.key }) where results.contains(resultID) {
            for (year, value) in years.sorted(by: { $0.key < $1.key }) {
                let cell = Cell(resultID: resultID, year: year)
                guard stored.removeValue(forKey: cell) != value else { continue }
                upserts.append((cell, value))
            }
        }
        // What is left was stored but is not in the grid.
        let deletes = stored.keys.sorted { ($0.resultID, $0.year) < ($1.resultID, $1.year) }
        if let year = (upserts.map(\.0.year) + deletes.map(\.year)).filter(closed.contains).min() {
            throw ClosedYearRefusal(year: year)
        }
        for (cell, value) in upserts {
            try c.execute("""
                INSERT INTO result_targets (result_id, year, value) VALUES (\(cell.resultID), \(cell.year), \(value))
                ON CONFLICT (result_id, year) DO UPDATE SET value = excluded.value
                """)
        }
        for cell in deletes {
            try c.execute("DELETE FROM result_targets WHERE result_id = \(cell.resultID) AND year = \(cell.year)")
        }
    }

    /// Changes single targets (CSV import), leaving the others.
    static func setTargets(_ changes: [(resultID: Int64, year: Int, value: Double)], version: AgreementVersion, _ c: Connection) throws {
        for change in changes {
            try c.execute("""
                INSERT INTO result_targets (result_id, year, value)
                SELECT id, \(change.year), \(change.value) FROM agreement_results WHERE id = \(change.resultID) AND version_id = \(version.id)
                ON CONFLICT (result_id, year) DO UPDATE SET value = excluded.value
                """)
        }
    }

    /// Changes single amounts (CSV import); zero removes the contribution.
    static func setContributions(_ changes: [Contribution], version: AgreementVersion, _ c: Connection) throws {
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

    static func replaceContributions(_ contributions: [Contribution], version: AgreementVersion, _ c: Connection) throws {
        try c.execute("DELETE FROM contributions WHERE version_id = \(version.id)")
        for x in contributions where x.cents != 0 {
            try c.execute("""
                INSERT INTO contributions (version_id, organisation_id, funding_source_id, year, amount_cents)
                VALUES (\(version.id), \(x.organisationID), \(x.fundingSourceID), \(x.year), \(x.cents))
                """)
        }
    }

    static func replaceStaffing(_ staffing: [Staffing], version: AgreementVersion, _ c: Connection) throws {
        try c.execute("DELETE FROM staffing WHERE version_id = \(version.id)")
        for s in staffing {
            try c.execute("""
                INSERT INTO staffing (version_id, role_code, year, hours_per_week, paid_by)
                VALUES (\(version.id), \(s.roleCode), \(s.year), \(s.hours), \(s.paidBy))
                """)
        }
    }

    static func updateTexts(_ texts: AgreementTexts, version: AgreementVersion, _ c: Connection) throws {
        try c.execute("""
            UPDATE agreement_versions SET section_analysis = \(texts.analysis), section_governance = \(texts.governance),
                section_job_structure = \(texts.jobStructure), section_organisation = \(texts.organisation)
            WHERE id = \(version.id)
            """)
    }

    /// Adds an organisation as party (role `partner`) to a concept version.
    static func addPartner(_ party: AgreementParty, version: AgreementVersion, _ c: Connection) throws {
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
    static func removePartner(organisationID: Int64, version: AgreementVersion, _ c: Connection) throws {
        try c.execute("DELETE FROM agreement_parties WHERE version_id = \(version.id) AND organisation_id = \(organisationID) AND role = 'partner'")
        guard c.changes == 1 else { throw StoreError.notFound(record: "agreement_party", id: organisationID) }
        try c.execute("DELETE FROM contributions WHERE version_id = \(version.id) AND organisation_id = \(organisationID)")
        try c.execute("UPDATE staffing SET paid_by = NULL WHERE version_id = \(version.id) AND paid_by = \(organisationID)")
    }

    static func setStatus(_ status: AgreementStatus, version: AgreementVersion, _ c: Connection) throws {
        let fixedAt: String? = status == .vastgesteld ? Timestamp.now() : nil
        try c.execute("UPDATE agreement_versions SET status = \(status.rawValue), fixed_at = \(fixedAt) WHERE id = \(version.id)")
    }

    /// Records who signed for each party and when.
    static func recordSignatures(_ parties: [AgreementParty], version: AgreementVersion, userID: Int64?, _ c: Connection) throws {
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
    static func amend(_ content: AgreementContent, reason: String, userID: Int64?, _ c: Connection) throws -> AgreementVersion {
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

    static func addDocument(versionID: Int64, filename: String, contentType: String, data: [UInt8], userID: Int64?,
                            _ c: Connection) throws -> Int64 {
        try c.execute("""
            INSERT INTO agreement_documents (version_id, filename, content_type, size_bytes, data, uploaded_by, uploaded_at)
            VALUES (\(versionID), \(filename), \(contentType), \(data.count), \(data), \(userID), \(Timestamp.now()))
            """)
        return c.lastInsertRowID
    }
}
