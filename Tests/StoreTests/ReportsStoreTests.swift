import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: annual reports")
struct ReportsStoreTests {
    @Test("the 2024 figures cover the nine IKCs, three goals and the sources; the fingerprint is stable")
    func figures() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        let figures = try db.read { try Reports.figures(year: 2024, today: TestApp.today, $0) }
        #expect(figures.year == 2024)
        #expect(figures.yearLabel == "2024-2025")
        #expect(figures.goals.count == 3)
        #expect(figures.ikcs.count == 9)
        #expect(!figures.sources.isEmpty)
        #expect(Reports.fingerprint(figures) == Reports.fingerprint(try db.read { try Reports.figures(year: 2024, today: TestApp.today, $0) }))
        #expect(Reports.decode(Reports.encode(figures)) == figures)
    }

    @Test("a draft is saved, refused over a newer version, published, shared by token hash and withdrawn")
    func lifecycle() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        #expect(try db.read { try Reports.all($0) }.isEmpty)
        let id = try db.write { try Reports.saveDraft(year: 2024, foreword: "Voorwoord", conclusions: "", expectedVersion: nil, $0) }
        let draft = try #require(try db.read { try Reports.draft(year: 2024, $0) })
        #expect(draft.id == id && draft.edition == 1 && draft.foreword == "Voorwoord" && draft.status == "draft")
        _ = try db.write { try Reports.saveDraft(year: 2024, foreword: "Voorwoord 2", conclusions: "", expectedVersion: draft.lockVersion, $0) }
        #expect(throws: StoreError.staleVersion(record: "report", id: id, expected: draft.lockVersion, actual: draft.lockVersion + 1)) {
            _ = try db.write { try Reports.saveDraft(year: 2024, foreword: "Oud", conclusions: "", expectedVersion: draft.lockVersion, $0) }
        }
        let figures = try db.read { try Reports.figures(year: 2024, today: TestApp.today, $0) }
        try db.write { try Reports.publish(id: id, html: "<p>Jaarverslag</p>", figures: figures, userID: 1, $0) }
        let published = try #require(try db.read { try Reports.find(id: id, $0) })
        #expect(published.status == "published" && published.publishedBy == "Pien de Vries")
        #expect(published.snapshotHTML == "<p>Jaarverslag</p>")
        try db.write { try Reports.share(id: id, tokenHash: "hash-1", $0) }
        #expect(try db.read { try Reports.findShared(tokenHash: "hash-1", $0) }?.id == id)
        try db.write { try Reports.withdraw(id: id, $0) }
        #expect(try db.read { try Reports.findShared(tokenHash: "hash-1", $0) } == nil)
        #expect(try db.read { try Reports.find(id: id, $0) }?.status == "withdrawn")
        #expect(throws: StoreError.self) { try db.write { try Reports.withdraw(id: id, $0) } }
    }
}
