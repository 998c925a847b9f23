import Domain
import SQLite
import Store
import Testing
import TestSupport

/// A temporary database with the demo data, its store, and the project leader who acts.
struct RecordVerbFixture {
    let temporary: TemporaryDatabase
    let store: DataStore
    let actor: Int64

    init() throws {
        // A copy of the migrated, seeded demo made once per process (not a migration and a seed per test).
        temporary = try DatabaseTemplate.seeded().copy()
        store = DataStore(database: temporary.database)
        actor = try temporary.database.read { try $0.row("SELECT id FROM users WHERE role = 'projectleider'")?.int64(0) } ?? 0
    }

    /// The newest audit row of a record type.
    func lastAudit(_ recordType: String) throws -> AuditEntry? {
        try store.read { try AuditLog.entries(recordType: recordType, recordID: nil, limit: 1, $0).first }
    }

    func auditCount() throws -> Int {
        try store.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) } ?? 0
    }

    /// A new Plus IKC under the first koepel, in the first area.
    func newIKC(_ name: String = "IKC De Proef") throws -> IKC {
        let choices = try store.read { try IKCs.choices($0) }
        let ikc = IKC(name: name, kind: .plus, koepelID: choices.koepels[0].id, areaID: choices.areas[0].id, directorName: "A. Jansen")
        let id = try IKCs.add(ikc, by: actor, in: store)
        return try #require(try store.read { try IKCs.find(id: id, $0) })
    }
}

@Suite("IKC verbs")
struct IKCVerbTests {
    @Test("adding an IKC stores it and logs it with its koepel and area by name")
    func add() throws {
        let f = try RecordVerbFixture()
        let ikc = try f.newIKC()
        let choices = try f.store.read { try IKCs.choices($0) }
        #expect(ikc.name == "IKC De Proef" && ikc.lockVersion == 1)
        let audit = try #require(try f.lastAudit("ikc"))
        #expect(audit.action == "create" && audit.recordID == ikc.id && audit.summary == "IKC IKC De Proef aangemaakt")
        #expect(audit.newValues?.contains("\"koepel\":\"\(choices.koepels[0].name)\"") == true)
        #expect(audit.newValues?.contains("\"area\":\"\(choices.areas[0].name)\"") == true)
    }

    @Test("a second IKC with a taken name is refused")
    func duplicate() throws {
        let f = try RecordVerbFixture()
        _ = try f.newIKC()
        #expect(throws: StoreError.duplicate(field: "name")) { try f.newIKC() }
    }

    @Test("a change claims the version and logs only the changed fields")
    func change() throws {
        let f = try RecordVerbFixture()
        var ikc = try f.newIKC()
        ikc.directorName = "B. de Vries"
        try IKCs.change(ikc, expected: 1, by: f.actor, in: f.store)
        let stored = try #require(try f.store.read { try IKCs.find(id: ikc.id, $0) })
        #expect(stored.directorName == "B. de Vries" && stored.lockVersion == 2)
        let audit = try #require(try f.lastAudit("ikc"))
        #expect(audit.action == "update" && audit.summary == "IKC IKC De Proef gewijzigd")
        #expect(audit.oldValues == AuditLog.json([("director", "A. Jansen")]))
        #expect(audit.newValues == AuditLog.json([("director", "B. de Vries")]))
    }

    @Test("a change over a version someone else saved is refused and writes nothing")
    func stale() throws {
        let f = try RecordVerbFixture()
        var ikc = try f.newIKC()
        ikc.profile = "Eerst"
        try IKCs.change(ikc, expected: 1, by: f.actor, in: f.store)
        let before = try f.auditCount()
        ikc.profile = "Later, over versie 1"
        #expect(throws: StoreError.staleVersion(record: "ikc", id: ikc.id, expected: 1, actual: 2)) {
            try IKCs.change(ikc, expected: 1, by: f.actor, in: f.store)
        }
        #expect(try f.store.read { try IKCs.find(id: ikc.id, $0) }?.profile == "Eerst")
        #expect(try f.auditCount() == before)
    }

    @Test("the Plus predicate is recorded once, then changed over its version; a second 'first' one is stale")
    func predicate() throws {
        let f = try RecordVerbFixture()
        let ikc = try f.newIKC()
        let granted = try #require(Day(iso: "2024-01-01"))
        try IKCs.savePredicate(PlusPredicate(ikcID: ikc.id, grantedOn: granted), of: ikc, expected: nil, by: f.actor, in: f.store)
        let created = try #require(try f.lastAudit("plus_predicate"))
        #expect(created.action == "create" && created.summary == "Plus-predicaat van IKC De Proef vastgelegd")
        #expect(throws: StoreError.staleVersion(record: "plus_predicate", id: ikc.id, expected: 0, actual: 1)) {
            try IKCs.savePredicate(PlusPredicate(ikcID: ikc.id, grantedOn: granted), of: ikc, expected: nil, by: f.actor, in: f.store)
        }
        try IKCs.savePredicate(PlusPredicate(ikcID: ikc.id, grantedOn: granted, notes: "Herzien"), of: ikc, expected: 1, by: f.actor, in: f.store)
        let stored = try #require(try f.store.read { try IKCs.predicate(ikcID: ikc.id, $0) })
        #expect(stored.notes == "Herzien" && stored.lockVersion == 2)
        let updated = try #require(try f.lastAudit("plus_predicate"))
        #expect(updated.action == "update" && updated.newValues == AuditLog.json([("notes", "Herzien")]))
        #expect(throws: StoreError.staleVersion(record: "plus_predicate", id: ikc.id, expected: 1, actual: 2)) {
            try IKCs.savePredicate(stored, of: ikc, expected: 1, by: f.actor, in: f.store)
        }
    }

    @Test("the predicate's audit summary takes its name from the programme's settings")
    func predicateSummaryName() throws {
        let f = try RecordVerbFixture()
        try f.temporary.database.write { try $0.execute("UPDATE ikc_kinds SET label = 'Ster IKC' WHERE carries_predicate = 1") }
        let ikc = try f.newIKC()
        let granted = try #require(Day(iso: "2024-01-01"))
        try IKCs.savePredicate(PlusPredicate(ikcID: ikc.id, grantedOn: granted), of: ikc, expected: nil, by: f.actor, in: f.store)
        #expect(try f.lastAudit("plus_predicate")?.summary == "Ster-predicaat van IKC De Proef vastgelegd")
    }

    @Test("a predicate saved over a version when there is none is stale")
    func predicateGone() throws {
        let f = try RecordVerbFixture()
        let ikc = try f.newIKC()
        let granted = try #require(Day(iso: "2024-01-01"))
        #expect(throws: StoreError.staleVersion(record: "plus_predicate", id: ikc.id, expected: 3, actual: 0)) {
            try IKCs.savePredicate(PlusPredicate(ikcID: ikc.id, grantedOn: granted), of: ikc, expected: 3, by: f.actor, in: f.store)
        }
    }

    @Test("a changed condition is logged once; saving it unchanged writes nothing")
    func conditions() throws {
        let f = try RecordVerbFixture()
        let ikc = try f.newIKC()
        let check = try #require(try f.store.read { try IKCs.conditions(ikcID: ikc.id, $0) }.first)
        let change = IKCs.ConditionChange(check: check, state: .met, note: "Aangetoond")
        try IKCs.saveConditions([change], of: ikc, by: f.actor, in: f.store)
        let audit = try #require(try f.lastAudit("plus_condition"))
        #expect(audit.summary == "Voorwaarde \(check.conditionID) van IKC De Proef: Voldaan")
        let saved = try #require(try f.store.read { try IKCs.conditions(ikcID: ikc.id, $0) }.first)
        #expect(saved.state == .met && saved.note == "Aangetoond" && saved.setBy != nil)
        let before = try f.auditCount()
        try IKCs.saveConditions([IKCs.ConditionChange(check: saved, state: .met, note: "Aangetoond")], of: ikc, by: f.actor, in: f.store)
        #expect(try f.auditCount() == before)
    }
}
