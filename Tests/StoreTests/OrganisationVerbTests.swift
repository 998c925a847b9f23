import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Organisation verbs")
struct OrganisationVerbTests {
    func partner() -> Organisation {
        Organisation(name: "Bibliotheek Zuid", kind: "koepel", contactName: "C. Bakker", contactEmail: "c.bakker@example.nl")
    }

    @Test("adding an organisation stores it and logs its kind by label")
    func add() throws {
        let f = try RecordVerbFixture()
        let id = try Organisations.add(partner(), by: f.actor, in: f.store)
        let stored = try #require(try f.store.read { try Organisations.find(id: id, $0) })
        #expect(stored.name == "Bibliotheek Zuid" && stored.lockVersion == 1)
        let kinds = try f.store.read { try ProgrammeSettings.organisationKinds($0) }
        let audit = try #require(try f.lastAudit("organisation"))
        #expect(audit.action == "create" && audit.recordID == id && audit.summary == "Organisatie Bibliotheek Zuid aangemaakt")
        #expect(audit.newValues?.contains("\"kind\":\"\(kinds.first { $0.code == "koepel" }?.label ?? "?")\"") == true)
    }

    @Test("a taken name is refused")
    func duplicate() throws {
        let f = try RecordVerbFixture()
        try Organisations.add(partner(), by: f.actor, in: f.store)
        #expect(throws: StoreError.duplicate(field: "name")) { try Organisations.add(partner(), by: f.actor, in: f.store) }
    }

    @Test("a change claims the version and logs the changed fields; the same old version again is refused")
    func changeAndStale() throws {
        let f = try RecordVerbFixture()
        let id = try Organisations.add(partner(), by: f.actor, in: f.store)
        var changed = partner()
        changed.id = id
        changed.signatoryName = "D. Smit"
        try Organisations.change(changed, expected: 1, by: f.actor, in: f.store)
        #expect(try f.store.read { try Organisations.find(id: id, $0) }?.lockVersion == 2)
        let audit = try #require(try f.lastAudit("organisation"))
        #expect(audit.action == "update" && audit.oldValues == AuditLog.json([("signatory_name", "")]))
        #expect(audit.newValues == AuditLog.json([("signatory_name", "D. Smit")]))
        let before = try f.auditCount()
        changed.signatoryName = "E. Visser"
        #expect(throws: StoreError.staleVersion(record: "organisation", id: id, expected: 1, actual: 2)) {
            try Organisations.change(changed, expected: 1, by: f.actor, in: f.store)
        }
        #expect(try f.store.read { try Organisations.find(id: id, $0) }?.signatoryName == "D. Smit")
        #expect(try f.auditCount() == before)
    }
}
