import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: year plans, deadlines and reminders")
struct YearPlansStoreTests {
    static let today = TestApp.today  // 23-11-2026

    @Test("the 2026 overview has a row per IKC with the seeded statuses; a plan reads back its content")
    func overviewAndPlan() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let rows = try YearPlans.overview(year: 2026, c)
            #expect(rows.count == 9)
            #expect(rows.first { $0.ikcID == 1 }?.status == .concept)
            #expect(rows.first { $0.ikcID == 2 }?.status == .ingediend)
            #expect(rows.first { $0.ikcID == 3 }?.status == .teruggestuurd)
            #expect(rows.first { $0.ikcID == 4 }?.status == .goedgekeurd)
            #expect(rows.first { $0.ikcID == 5 }?.planID == nil)
            #expect(Set(try YearPlans.overview(year: 2025, c).filter { $0.accountStatus == .ingediend }.map(\.ikcID)) == [2, 4, 6])
            #expect(try YearPlans.overview(year: 2026, ikcIDs: [1], c).map(\.planID) == [5])
            #expect(try YearPlans.id(ikcID: 1, year: 2025, c) == 4)
            let plan = try #require(try YearPlans.find(id: 1, c))
            #expect(plan.ikcName == "OBS Montessori/Eestroom" && plan.year == 2022 && plan.status == .goedgekeurd)
            #expect(plan.content.activities.count == 6)
            #expect(plan.content.plannedCents[1] == 5_250_000)
            #expect(plan.content.spentCents[1] == 4_672_500)
            let inForce = try #require(try YearPlans.versionInForce(ikcID: 1, year: 2024, c))
            #expect(inForce.agreementID == 1 && inForce.number == 1)
            #expect(try YearPlans.versionInForce(ikcID: 5, year: 2024, c) == nil)  // agreement 5 is still a concept
            #expect(try YearPlans.results(versionID: inForce.versionID, year: 2024, ikcID: 1, c).count == 6)
        }
    }

    @Test("deadlines: the jaarplan due 1 October of its school year, the verantwoording 1 October after, 14 grace days; late plans per moment on 23-11-2026")
    func deadlines() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let all = try PlanDeadlines.all(c)
            #expect(all.map(\.year) == Array(2021...2028))
            let d2025 = try #require(try PlanDeadlines.find(year: 2025, c))
            #expect(d2025.dueOn == Day(year: 2025, month: 10, day: 1) && d2025.graceDays == 14)
            #expect(d2025.accountDueOn == Day(year: 2026, month: 10, day: 1))
            let late = try PlanReminders.late(today: Self.today, c)
            #expect(late.allSatisfy { $0.year <= 2026 })
            #expect(late.contains { $0.year == 2026 && $0.ikcID == 1 && $0.moment == .jaarplan })  // still a concept
            #expect(!late.contains { $0.ikcID == 2 })     // jaarplan 2026 and verantwoording 2025 submitted in time
            #expect(!late.contains { $0.moment == .verantwoording })
            let mine = try PlanReminders.forDirector(ikcIDs: [1], today: Self.today, c)
            #expect(mine.allSatisfy { $0.ikcID == 1 })
        }
    }
}
