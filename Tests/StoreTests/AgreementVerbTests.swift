import Domain
import SQLite
import Store
import Testing
import TestSupport

/// The agreement verbs over a real temporary database with the demo data: each claims the
/// version, changes it and writes its audit row in one transaction, or writes nothing.
@Suite("Agreement verbs")
struct AgreementVerbTests {
    /// The demo database, its store and the project leader's user id.
    struct Fixture {
        let temporary: TemporaryDatabase
        let store: DataStore
        let actor: Int64

        init() throws {
            // A copy of the migrated, seeded demo made once per process (not a migration and a seed per test).
            temporary = try DatabaseTemplate.seeded().copy()
            store = DataStore(database: temporary.database)
            actor = try temporary.database.read { try $0.row("SELECT id FROM users WHERE role = 'projectleider' LIMIT 1")?.int64(0) } ?? 0
        }

        /// The newest version of the first demo agreement with `status`, with its content.
        func latest(_ status: AgreementStatus) throws -> (agreement: Agreement, content: AgreementContent) {
            try store.read { c in
                let id = try c.row("""
                    SELECT a.id FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                    WHERE v.status = \(status.rawValue) ORDER BY a.id LIMIT 1
                    """)?.int64(0) ?? 0
                guard let agreement = try Agreements.find(id: id, c), let version = try Agreements.versions(agreementID: id, c).last else {
                    throw StoreError.notFound(record: "agreement", id: id)
                }
                return (agreement, try Agreements.content(of: version, c))
            }
        }

        /// The newest audit row: action, record type, record id, summary, new values.
        func lastAudit() throws -> (action: String, type: String, id: Int64, summary: String, new: String?) {
            try store.read { c in
                guard let row = try c.row("SELECT action, record_type, record_id, summary, new_values FROM audit_log ORDER BY id DESC LIMIT 1") else {
                    return ("", "", 0, "", nil)
                }
                return (try row.string(0), try row.string(1), try row.int64(2), try row.string(3), try row.optionalString(4))
            }
        }

        func auditCount() throws -> Int {
            try store.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) } ?? 0
        }
    }

    @Test("saving the texts of a concept changes them, moves the lock on and writes one audit row")
    func savesTexts() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        var texts = content.version.texts
        texts.analysis = "Nieuwe analyse"
        try Agreements.saveTexts(texts, of: agreement, version: content.version, expected: content.version.lockVersion, by: f.actor, in: f.store)
        let after = try f.latest(.concept).content.version
        #expect(after.texts.analysis == "Nieuwe analyse")
        #expect(after.lockVersion == content.version.lockVersion + 1)
        let audit = try f.lastAudit()
        #expect(audit.action == "update" && audit.type == "agreement" && audit.id == agreement.id)
        #expect(audit.summary == "Teksten gewijzigd (\(agreement.ikcName), versie \(content.version.number))")
        #expect(audit.new?.contains("Nieuwe analyse") == true)
    }

    @Test("a save from a form loaded before somebody else's save is refused and writes nothing")
    func staleSaveIsRefused() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        let expected = content.version.lockVersion
        try Agreements.saveTexts(AgreementTexts(analysis: "Eerste"), of: agreement, version: content.version, expected: expected,
                                 by: f.actor, in: f.store)
        let audits = try f.auditCount()
        #expect(throws: StoreError.staleVersion(record: "agreement_version", id: content.version.id, expected: expected, actual: expected + 1)) {
            try Agreements.saveGrid(.targets, agreementID: agreement.id, programme: try f.store.programme(), by: f.actor, in: f.store) { _, _ in
                Agreements.GridEdit(.targets([:]), expected: expected, changes: [("t", "1", nil)])
            }
        }
        #expect(try f.auditCount() == audits)
        #expect(try f.latest(.concept).content.results.allSatisfy { !$0.targets.isEmpty })
    }

    @Test("a save whose version moves on between its check and its write is refused, and the other save stays")
    func versionMovingAfterTheCheckIsRefused() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        let expected = content.version.lockVersion
        let audits = try f.auditCount()
        var grid: [Int64: [Int: Double]] = [:]
        for result in content.results { grid[result.id] = result.targets }
        #expect(throws: StoreError.staleVersion(record: "agreement_version", id: content.version.id, expected: expected, actual: expected + 1)) {
            try Agreements.saveGrid(.targets, agreementID: agreement.id, programme: try f.store.programme(), by: f.actor, in: f.store) { _, data in
                // The check runs before the write: another save lands in between.
                try Agreements.saveTexts(AgreementTexts(analysis: "Tussendoor"), of: agreement, version: content.version, expected: expected,
                                         by: f.actor, in: f.store)
                return Agreements.GridEdit(.targets(grid), expected: try #require(data).version.lockVersion, changes: [("t", "1", "2")])
            }
        }
        let after = try f.latest(.concept).content
        #expect(after.version.texts.analysis == "Tussendoor" && after.version.lockVersion == expected + 1)
        #expect(after.results.map(\.targets) == content.results.map(\.targets))
        #expect(try f.auditCount() == audits + 1)
        // A form whose version is not the one the save read is refused before anything is written.
        #expect(throws: StoreError.staleVersion(record: "agreement_version", id: content.version.id, expected: expected, actual: expected + 1)) {
            try Agreements.saveGrid(.targets, agreementID: agreement.id, programme: try f.store.programme(), by: f.actor, in: f.store) { _, _ in
                Agreements.GridEdit(.targets(grid), expected: expected, changes: [("t", "1", "2")])
            }
        }
        #expect(try f.auditCount() == audits + 1)
    }

    @Test("saving the targets grid leaves exactly its cells: changed and new ones written, missing ones removed, another version's result ignored")
    func savesTargetsGrid() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        let results = content.results
        try #require(results.count >= 2)
        let first = results[0], second = results[1]
        // Cells of closed years must stay as they are; the grid changes the open years.
        let closed = try f.store.read { try Agreements.closedYears(agreementID: agreement.id, $0) }
        let open = agreement.years.filter { !closed.contains($0) }
        try #require(open.count >= 2)
        func targets(_ resultID: Int64) throws -> [String] {
            try f.store.read { try $0.rows("SELECT year, value FROM result_targets WHERE result_id = \(resultID) ORDER BY year").map { "\(try $0.int(0))=\(try $0.double(1))" } }
        }
        let foreign = try f.store.read { try $0.row("SELECT id FROM agreement_results WHERE version_id <> \(content.version.id) LIMIT 1")?.int64(0) } ?? 0
        let foreignBefore = try targets(foreign)
        var grid: [Int64: [Int: Double]] = [:]
        for result in results { grid[result.id] = result.targets.filter { closed.contains($0.key) } }
        grid[first.id] = first.targets                   // unchanged ...
        grid[first.id]?[open[0]] = 123.5                 // ... but one cell
        grid[second.id]?[open[1]] = 7                    // its other open cells missing
        grid[foreign] = [open[0]: 99]                    // not this version's result
        var seen: (Agreement?, AgreementPageData?) = (nil, nil)
        try Agreements.saveGrid(.targets, agreementID: agreement.id, programme: try f.store.programme(), by: f.actor, in: f.store) { found, data in
            seen = (found, data)
            return Agreements.GridEdit(.targets(grid), expected: content.version.lockVersion, changes: [("t", "1", "2")])
        }
        // The save read the version it changed, with its targets.
        #expect(seen.0?.id == agreement.id && seen.1?.version == content.version)
        #expect(seen.1?.content.results.map(\.targets) == results.map(\.targets))
        let after = try f.latest(.concept).content.results
        for result in results {
            #expect(after.first { $0.id == result.id }?.targets == grid[result.id], "result \(result.id)")
        }
        #expect(grid[first.id]?[open[0]] == 123.5 && grid[second.id]?[open[1]] == 7)
        #expect(try targets(foreign) == foreignBefore)
    }

    @Test("a targets grid that changes or drops a closed year's cell is refused with the earliest such year, and nothing is written")
    func targetsOfClosedYearsAreRefused() throws {
        // The demo's agreement 1 is vastgesteld and IKC 1's verantwoordingen 2022-2024 are approved: an amendment of it.
        let f = try Fixture()
        let newest = {
            try f.store.read { c -> (Agreement, AgreementContent) in
                let agreement = try #require(try Agreements.find(id: 1, c)), version = try #require(try Agreements.versions(agreementID: 1, c).last)
                return (agreement, try Agreements.content(of: version, c))
            }
        }
        let (fixed, inForce) = try newest()
        try Agreements.startAmendment(inForce, of: fixed, expected: inForce.version.lockVersion, reason: "Evaluatie", by: f.actor, in: f.store)
        let (agreement, content) = try newest()
        #expect(content.version.status == .concept)
        let closed = try f.store.read { try Agreements.closedYears(agreementID: agreement.id, $0) }.sorted()
        try #require(closed.count >= 2, "the amendment has years with an approved verantwoording")
        let audits = try f.auditCount()
        var stored: [Int64: [Int: Double]] = [:]
        for result in content.results { stored[result.id] = result.targets }
        let first = try #require(content.results.first?.id)
        var changed = stored, dropped = stored
        changed[first]?[closed[1]] = (stored[first]?[closed[1]] ?? 0) + 1
        dropped[first]?[closed[0]] = nil
        for (grid, year) in [(changed, closed[1]), (dropped, closed[0])] {
            #expect(throws: ClosedYearRefusal(year: year)) {
                try Agreements.saveGrid(.targets, agreementID: agreement.id, programme: try f.store.programme(), by: f.actor, in: f.store) { _, _ in
                    Agreements.GridEdit(.targets(grid), expected: content.version.lockVersion, changes: [("t", "1", "2")])
                }
            }
        }
        #expect(try f.auditCount() == audits)
        #expect(try newest().1 == content)
    }

    @Test("a grid's save reads only what it needs, and stores nothing when the form is refused or the check throws")
    func gridSaveReadsItsGridAndStoresOnlyWhatWasDecided() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        let programme = try f.store.programme()
        let audits = try f.auditCount()
        var seen: [AgreementGrid: AgreementPageData] = [:]
        for grid in [AgreementGrid.targets, .contributions, .staffing] {
            try Agreements.saveGrid(grid, agreementID: agreement.id, programme: programme, by: f.actor, in: f.store) { _, data in
                seen[grid] = data
                return nil  // refused: nothing is stored
            }
        }
        let targets = try #require(seen[.targets]), contributions = try #require(seen[.contributions]), staffing = try #require(seen[.staffing])
        #expect(targets.content.results.map(\.targets) == content.results.map(\.targets))
        #expect(targets.content.contributions.isEmpty && targets.content.staffing.isEmpty && targets.sources.isEmpty)
        #expect(contributions.content.contributions == content.contributions && !contributions.sources.isEmpty)
        #expect(contributions.content.results.allSatisfy { $0.targets.isEmpty } && contributions.content.staffing.isEmpty)
        #expect(staffing.content.staffing == content.staffing && !staffing.roles.isEmpty && staffing.content.contributions.isEmpty)
        #expect([targets, contributions, staffing].allSatisfy { $0.content.parties == content.parties })
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try Agreements.saveGrid(.targets, agreementID: agreement.id, programme: programme, by: f.actor, in: f.store) { _, _ in throw Refused() }
        }
        var missing: (Agreement?, AgreementPageData?) = (agreement, nil)
        try Agreements.saveGrid(.targets, agreementID: 999_999, programme: programme, by: f.actor, in: f.store) { found, data in
            missing = (found, data)
            return Agreements.GridEdit(.targets([:]), expected: 1, changes: [])  // nothing to store it in: ignored
        }
        #expect(missing.0 == nil && missing.1 == nil)
        #expect(try f.auditCount() == audits)
        #expect(try f.latest(.concept).content == content)
    }

    @Test("offering a concept for signing sets its status and audits the status change")
    func offersForSigning() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        try Agreements.offerForSigning(of: agreement, version: content.version, expected: content.version.lockVersion, by: f.actor, in: f.store)
        let version = try f.store.read { try Agreements.versions(agreementID: agreement.id, $0).last }
        #expect(version?.status == .terOndertekening)
        let audit = try f.lastAudit()
        #expect(audit.action == "status" && audit.summary.hasPrefix("Ter ondertekening aangeboden"))
        #expect(audit.new == #"{"status":"ter_ondertekening"}"#)
    }

    @Test("the last signature fixes the version")
    func lastSignatureFixes() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.terOndertekening)
        var parties = content.parties
        for index in parties.indices { parties[index].signedOn = Day(year: 2026, month: 11, day: 2) }
        let fixed = try Agreements.sign(parties, content, of: agreement, expected: content.version.lockVersion, by: f.actor, in: f.store)
        #expect(fixed)
        let version = try f.store.read { try Agreements.versions(agreementID: agreement.id, $0).last }
        #expect(version?.status == .vastgesteld && version?.fixedAt != nil)
        #expect(try f.lastAudit().action == "fix")
    }

    @Test("an amendment copies the fixed version as the next one in concept, once")
    func amendsOnce() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.vastgesteld)
        let expected = content.version.lockVersion
        let version = try Agreements.startAmendment(content, of: agreement, expected: expected, reason: "Nieuwe inzichten", by: f.actor, in: f.store)
        #expect(version.number == content.version.number + 1 && version.status == .concept && version.reason == "Nieuwe inzichten")
        let audit = try f.lastAudit()
        #expect(audit.action == "amend" && audit.summary == "Bijstelling gestart: versie \(version.number) (\(agreement.ikcName))")
        #expect(throws: StoreError.self) {
            try Agreements.startAmendment(content, of: agreement, expected: expected, reason: "Nog een", by: f.actor, in: f.store)
        }
        #expect(try f.store.read { try Agreements.versions(agreementID: agreement.id, $0).count } == version.number)
    }

    @Test("a new agreement starts as version 1 in concept with its default parties, and one per IKC and period")
    func createsOncePerPeriod() throws {
        let f = try Fixture()
        let ikc = try #require(try f.store.read { try Agreements.plusIKCs($0).first })
        #expect(throws: StoreError.duplicate(field: "ikc")) {
            try Agreements.create(ikcID: ikc.id, ikcName: ikc.name, first: 2024, last: 2025, by: f.actor, in: f.store)
        }
        let id = try Agreements.create(ikcID: ikc.id, ikcName: ikc.name, first: 2030, last: 2031, by: f.actor, in: f.store)
        let (versions, parties) = try f.store.read { c -> ([AgreementVersion], [AgreementParty]) in
            let versions = try Agreements.versions(agreementID: id, c)
            return (versions, try versions.first.map { try Agreements.content(of: $0, c).parties } ?? [])
        }
        #expect(versions.map(\.status) == [.concept])
        #expect(parties.map(\.role).prefix(2) == ["gemeente", "koepel"])
        let audit = try f.lastAudit()
        #expect(audit.action == "create" && audit.id == id && audit.summary == "Resultaatafspraak \(ikc.name) aangemaakt")
    }

    @Test("a partner joins a concept and leaves it with its contributions, each with its audit row")
    func partnerJoinsAndLeaves() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.concept)
        let parties = Set(content.parties.map(\.organisationID))
        let choice = try #require(try f.store.read { try Agreements.organisationChoices($0) }.first { !parties.contains($0.organisationID) })
        let partner = AgreementParty(organisationID: choice.organisationID, organisationName: choice.organisationName, role: "partner",
                                     signatoryName: "Mevrouw Test", signatoryTitle: "Directeur")
        try Agreements.addPartner(partner, of: agreement, version: content.version, expected: content.version.lockVersion, by: f.actor, in: f.store)
        #expect(try f.latest(.concept).content.parties.contains { $0.organisationID == partner.organisationID && $0.isPartner })
        #expect(try f.lastAudit().summary.hasPrefix("Partner \(partner.organisationName) toegevoegd"))
        let joined = try f.latest(.concept).content
        try Agreements.removePartner(partner, was: "partner", of: agreement, version: joined.version, expected: joined.version.lockVersion,
                                     by: f.actor, in: f.store)
        #expect(try f.latest(.concept).content.parties.map(\.organisationID).sorted() == parties.sorted())
        let audit = try f.lastAudit()
        #expect(audit.summary.hasPrefix("Partner \(partner.organisationName) verwijderd"))
        #expect(audit.new == "{\"partij \(partner.organisationName)\":null}")
    }

    @Test("a signed document is attached without a claim and audited with its size")
    func attachesDocument() throws {
        let f = try Fixture()
        let (agreement, content) = try f.latest(.vastgesteld)
        let bytes = Array("%PDF-1.4 test".utf8)
        let id = try Agreements.attachDocument(filename: "getekend.pdf", data: bytes, of: agreement, version: content.version, by: f.actor, in: f.store)
        let documents = try f.store.read { try Agreements.documents(agreementID: agreement.id, $0) }
        #expect(documents.contains { $0.id == id && $0.filename == "getekend.pdf" && $0.sizeBytes == bytes.count })
        let audit = try f.lastAudit()
        #expect(audit.action == "upload" && audit.new == #"{"document":"\#(id): getekend.pdf (\#(bytes.count) bytes)"}"#)
        #expect(try f.latest(.vastgesteld).content.version.lockVersion == content.version.lockVersion)
    }
}
