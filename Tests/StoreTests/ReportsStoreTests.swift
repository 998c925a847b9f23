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

    @Test("the demo publishes each completed year (2022-2024 on 23-11-2026); a published edition names its publisher, Pien de Vries")
    func publisher() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let store = DataStore(database: copy.database)
        let demoEditions = try store.read { try Reports.all($0) }
        #expect(demoEditions.map(\.year) == [2024, 2023, 2022])
        #expect(demoEditions.allSatisfy { $0.status == .published && $0.edition == 1 && !$0.foreword.isEmpty && !$0.conclusions.isEmpty })
        #expect(demoEditions.allSatisfy { $0.publishedBy == "Pien de Vries" })
        _ = try Reports.saveDraft(year: 2025, foreword: "Voorwoord", conclusions: "", expected: nil, by: 1, in: store)
        let draft = try #require(try store.read { try Reports.draft(year: 2025, $0) })
        #expect(draft.edition == 1 && draft.foreword == "Voorwoord" && draft.status == .draft)
        let id = try Reports.publish(year: 2025, today: TestApp.today, render: { _, _ in "<p>Jaarverslag</p>" }, by: 1, in: store)
        let published = try #require(try store.read { try Reports.find(id: id, $0) })
        #expect(published.id == draft.id && published.status == .published && published.publishedBy == "Pien de Vries")
        #expect(published.snapshotHTML == "<p>Jaarverslag</p>")
    }
}
