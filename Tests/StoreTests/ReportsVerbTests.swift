import Domain
import SQLite
import Store
import Testing
import TestSupport

/// A temporary database with the demo data, its store, and the project leader who acts.
struct SeededStore {
    let temporary: TemporaryDatabase
    let store: DataStore
    let actor: Int64

    init() throws {
        temporary = try DatabaseTemplate.seededWithoutReports().copy()
        store = DataStore(database: temporary.database)
        actor = try temporary.database.read { try $0.row("SELECT id FROM users WHERE role = 'projectleider'")?.int64(0) } ?? 0
    }

    /// The newest audit row of a record.
    func lastAudit(_ recordType: String, _ id: Int64) throws -> AuditEntry? {
        try store.read { try AuditLog.entries(recordType: recordType, recordID: id, $0) }.first
    }
}

@Suite("Report verbs")
struct ReportsVerbTests {
    @Test("saving a draft creates the year's next edition as a draft, with its audit row")
    func saveDraftCreates() throws {
        let seeded = try SeededStore()
        let id = try Reports.saveDraft(year: 2024, foreword: "Voorwoord", conclusions: "Door.", expected: nil, by: seeded.actor, in: seeded.store)
        let draft = try seeded.store.read { try Reports.draft(year: 2024, $0) }
        #expect(draft?.id == id)
        #expect(draft?.status == .draft)
        #expect(draft?.edition == 1)
        #expect(draft?.foreword == "Voorwoord")
        let audit = try seeded.lastAudit("report", id)
        #expect(audit?.action == "create")
        #expect(audit?.summary == "Concept jaarrapportage 2024 opgeslagen")
        #expect(audit?.userName != nil)
    }

    @Test("saving over a newer draft, or without a version once a draft exists, is refused and writes nothing")
    func saveDraftStale() throws {
        let seeded = try SeededStore()
        let id = try Reports.saveDraft(year: 2024, foreword: "Eerste", conclusions: "", expected: nil, by: seeded.actor, in: seeded.store)
        let loaded = try #require(try seeded.store.read { try Reports.find(id: id, $0) })
        try Reports.saveDraft(year: 2024, foreword: "Tweede", conclusions: "", expected: loaded.lockVersion, by: seeded.actor, in: seeded.store)
        #expect(try seeded.lastAudit("report", id)?.action == "update")
        #expect(throws: StoreError.staleVersion(record: "report", id: id, expected: loaded.lockVersion, actual: loaded.lockVersion + 1)) {
            try Reports.saveDraft(year: 2024, foreword: "Derde", conclusions: "", expected: loaded.lockVersion, by: seeded.actor, in: seeded.store)
        }
        #expect(throws: StoreError.self) {
            try Reports.saveDraft(year: 2024, foreword: "Vierde", conclusions: "", expected: nil, by: seeded.actor, in: seeded.store)
        }
        #expect(try seeded.store.read { try Reports.find(id: id, $0) }?.foreword == "Tweede")
    }

    @Test("publishing freezes what the renderer made of the draft; withdrawing works once and ends the share link")
    func publishAndWithdraw() throws {
        let seeded = try SeededStore()
        try Reports.saveDraft(year: 2024, foreword: "Voorwoord", conclusions: "", expected: nil, by: seeded.actor, in: seeded.store)
        let id = try Reports.publish(year: 2024, today: Day(year: 2026, month: 11, day: 23) ?? Day(ordinal: 0),
                                     render: { draft, figures in "<p>\(draft.foreword) \(figures.year)</p>" }, by: seeded.actor, in: seeded.store)
        let published = try #require(try seeded.store.read { try Reports.find(id: id, $0) })
        #expect(published.status == .published)
        #expect(published.snapshotHTML == "<p>Voorwoord 2024</p>")
        #expect(published.snapshotJSON.flatMap(Reports.decode)?.year == 2024)
        #expect(try seeded.lastAudit("report", id)?.summary == "Jaarrapportage 2024 editie 1 gepubliceerd")

        try Reports.share(id: id, tokenHash: "hash", by: seeded.actor, in: seeded.store)
        #expect(try seeded.store.read { try Reports.findShared(tokenHash: "hash", $0) }?.id == id)
        #expect(try seeded.lastAudit("report", id)?.action == "share")

        try Reports.withdraw(id: id, by: seeded.actor, in: seeded.store)
        #expect(try seeded.store.read { try Reports.find(id: id, $0) }?.status == .withdrawn)
        #expect(try seeded.store.read { try Reports.findShared(tokenHash: "hash", $0) } == nil)
        #expect(try seeded.lastAudit("report", id)?.summary == "Jaarrapportage 2024 editie 1 ingetrokken")
        #expect(throws: StoreError.notFound(record: "published report", id: id)) {
            try Reports.withdraw(id: id, by: seeded.actor, in: seeded.store)
        }
    }

    @Test("revoking a share link stops it and is in the audit log")
    func unshare() throws {
        let seeded = try SeededStore()
        let id = try Reports.publish(year: 2024, today: Day(year: 2026, month: 11, day: 23) ?? Day(ordinal: 0),
                                     render: { _, _ in "" }, by: seeded.actor, in: seeded.store)
        try Reports.share(id: id, tokenHash: "hash", by: seeded.actor, in: seeded.store)
        try Reports.unshare(id: id, by: seeded.actor, in: seeded.store)
        #expect(try seeded.store.read { try Reports.findShared(tokenHash: "hash", $0) } == nil)
        #expect(try seeded.lastAudit("report", id)?.summary == "Deellink ingetrokken")
    }
}
