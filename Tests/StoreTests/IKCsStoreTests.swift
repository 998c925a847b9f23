import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: the demo's IKCs")
struct IKCsStoreTests {
    @Test("the IKC overview lists the nine Plus IKCs with koepel, area and agreement status")
    func overview() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let rows = try IKCs.overview(IKCs.Filter(), c)
            #expect(rows.count == 9)
            let first = try #require(rows.first { $0.id == 1 })
            #expect(first.name == "OBS Montessori/Eestroom")
            #expect(first.kind == .plus)
            #expect(first.koepel == "Proloog")
            #expect(first.agreementStatus == .vastgesteld)
            #expect(rows.first { $0.id == 5 }?.agreementStatus == .concept)
            #expect(try IKCs.count(c) == 9)
            #expect(try IKCs.countPlus(c) == 9)
            #expect(try IKCs.names(c).count == 9)
            #expect(try IKCs.nameExists("Aventurijn", c))
            #expect(try !IKCs.nameExists("Aventurijn", excluding: 2, c))
            #expect(try IKCs.progress(c).count <= 9)
        }
    }

    @Test("one IKC reads back its seeded fields, agreement in brief, plans, predicate and conditions")
    func detail() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let ikc = try #require(try IKCs.find(id: 1, c))
            #expect(ikc.koepelID == 2 && ikc.areaID == 4)
            #expect(ikc.childrenCount == 210)
            #expect(ikc.childcareIDs == [5])
            let brief = try #require(try IKCs.agreementInBrief(ikcID: 1, c))
            #expect(brief.agreementID == 1 && brief.results == 6 && brief.status == .vastgesteld)
            #expect(try IKCs.yearPlans(ikcID: 1, c).map(\.year).sorted() == [2022, 2023, 2024, 2025, 2026])
            #expect(try IKCs.planStatus(ikcID: 1, year: 2026, c) == .concept)
            #expect(try IKCs.planStatus(ikcID: 5, year: 2026, c) == nil)
            #expect(try IKCs.predicate(ikcID: 1, c)?.grantedOn == Day(year: 2025, month: 6, day: 1))
            #expect(try IKCs.conditions(ikcID: 1, c).count == 11)
            #expect(try Set(IKCs.submittedPlans(c).map(\.planID)) == [10])
        }
    }
}
