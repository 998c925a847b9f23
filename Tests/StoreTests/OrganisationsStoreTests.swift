import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: the demo's organisations")
struct OrganisationsStoreTests {
    @Test("seven organisations, by kind, with counts of IKCs")
    func reads() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        try copy.database.read { (c: Connection) throws in
            #expect(try Organisations.all(c).count == 7)
            #expect(try Organisations.names(c)[1] == "Gemeente Leeuwarden")
            #expect(try Organisations.named(kind: "koepel", c).map(\.name).sorted() == ["Bisschop Möller Stichting", "PCBO e.o.", "Proloog"])
            #expect(try Organisations.find(id: 7, c)?.name == "GGD Fryslân")
            #expect(try Organisations.nameExists("Proloog", c))
            #expect(try Organisations.koepelOfCount(id: 2, c) > 0)
            #expect(try Organisations.koepelOfCount(id: 7, c) == 0)
        }
    }

    @Test("a change to the GGD is stored and logged with the old contact; renaming it to a taken name is refused")
    func changeAndDuplicate() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let store = DataStore(database: copy.database)
        var ggd = try #require(try store.read { try Organisations.find(id: 7, $0) })
        let oldContact = ggd.contactName
        ggd.contactName = "Sjoukje"
        try Organisations.change(ggd, expected: ggd.lockVersion, by: 1, in: store)
        #expect(oldContact != "Sjoukje")
        #expect(try store.read { try Organisations.find(id: 7, $0) }?.contactName == "Sjoukje")
        let audit = try #require(try store.read { try AuditLog.entries(recordType: "organisation", recordID: 7, limit: 1, $0).first })
        #expect(audit.newValues?.contains("Sjoukje") == true)
        var renamed = ggd
        renamed.name = "Proloog"
        #expect(throws: StoreError.duplicate(field: "name")) {
            try Organisations.change(renamed, expected: ggd.lockVersion + 1, by: 1, in: store)
        }
        #expect(try store.read { try Organisations.find(id: 7, $0) }?.name == "GGD Fryslân")
    }
}
