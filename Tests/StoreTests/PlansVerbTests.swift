import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Year plan verbs")
struct PlansVerbTests {
    /// The demo jaarplan of `ikcID` in 2026 (on 23-11-2026): IKC 1 concept, IKC 2 submitted, IKC 3 returned, IKC 4 approved.
    static func plan(ikc ikcID: Int64, in seeded: SeededStore) throws -> YearPlan {
        try #require(try seeded.store.read { c in try YearPlans.id(ikcID: ikcID, year: 2026, c).flatMap { try YearPlans.find(id: $0, c) } })
    }

    static func status(_ id: Int64, in seeded: SeededStore) throws -> YearPlan.Status? {
        try seeded.store.read { try YearPlans.find(id: id, $0) }?.status
    }

    @Test("opening a plan starts it as a concept from the version in force, once per IKC and year")
    func open() throws {
        let seeded = try SeededStore()
        let version = try #require(try seeded.store.read { try YearPlans.versionInForce(ikcID: 4, year: 2027, $0) })
        let id = try YearPlans.open(ikc: (4, "OBS Potmarge"), year: 2027, version: version, by: seeded.actor, in: seeded.store)
        let plan = try #require(try seeded.store.read { try YearPlans.find(id: id, $0) })
        #expect(plan.status == .concept)
        #expect(plan.agreementVersionID == version.versionID)
        let audit = try seeded.lastAudit("year_plan", id)
        #expect(audit?.action == "create")
        #expect(audit?.summary.hasSuffix("van OBS Potmarge geopend vanuit afspraakversie \(version.number)") == true)
        #expect(throws: StoreError.duplicate(field: "year")) {
            try YearPlans.open(ikc: (4, "OBS Potmarge"), year: 2027, version: version, by: seeded.actor, in: seeded.store)
        }
    }

    @Test("saving with a note and submitting is one unit of work with its audit rows; a stale save writes nothing")
    func saveAndSubmit() throws {
        let seeded = try SeededStore()
        let plan = try Self.plan(ikc: 1, in: seeded)
        #expect(plan.status == .concept)
        var content = plan.content
        content.intention = "Een nieuwe intentie"
        let day = try #require(Day(year: 2026, month: 5, day: 1))
        let submitted = try YearPlans.save(plan, expected: plan.lockVersion, content: content, note: (day, "Voortgang"), submit: true,
                                           by: seeded.actor, in: seeded.store)
        #expect(submitted)
        let saved = try #require(try seeded.store.read { try YearPlans.find(id: plan.id, $0) })
        #expect(saved.status == .ingediend)
        #expect(saved.content.intention == "Een nieuwe intentie")
        #expect(saved.lockVersion == plan.lockVersion + 2)
        let actions = try seeded.store.read { try AuditLog.entries(recordType: "year_plan", recordID: plan.id, $0) }.prefix(3).map(\.action)
        #expect(Set(actions) == ["update", "note", "submit"])

        content.intention = "Te laat"
        #expect(throws: StoreError.staleVersion(record: "year_plan", id: plan.id, expected: plan.lockVersion, actual: plan.lockVersion + 2)) {
            try YearPlans.save(plan, expected: plan.lockVersion, content: content, note: nil, submit: false, by: seeded.actor, in: seeded.store)
        }
        #expect(try seeded.store.read { try YearPlans.find(id: plan.id, $0) }?.content.intention == "Een nieuwe intentie")
    }

    @Test("approving from the list is all or none: one plan that is not submitted approves nothing")
    func approveMany() throws {
        let seeded = try SeededStore()
        let submitted = try Self.plan(ikc: 2, in: seeded), concept = try Self.plan(ikc: 1, in: seeded)
        #expect(throws: YearPlanError.notSubmitted(year: 2026, ikcName: concept.ikcName)) {
            try YearPlans.approve(picks: [(submitted.id, submitted.lockVersion), (concept.id, concept.lockVersion)], by: seeded.actor, in: seeded.store)
        }
        #expect(try Self.status(submitted.id, in: seeded) == .ingediend)
        #expect(try YearPlans.approve(picks: [(submitted.id, submitted.lockVersion)], by: seeded.actor, in: seeded.store) == 2026)
        #expect(try Self.status(submitted.id, in: seeded) == .goedgekeurd)
        #expect(try seeded.lastAudit("year_plan", submitted.id)?.summary == "Jaarplan 2026-2027 van \(submitted.ikcName) goedgekeurd (vanuit de lijst)")
    }

    @Test("returning a submitted plan keeps the reason and the content as reviewed; a stale review is refused")
    func giveBack() throws {
        let seeded = try SeededStore()
        let plan = try Self.plan(ikc: 2, in: seeded)
        #expect(throws: StoreError.self) {
            try YearPlans.giveBack(plan, expected: plan.lockVersion - 1, reason: "Nee", by: seeded.actor, in: seeded.store)
        }
        try YearPlans.giveBack(plan, expected: plan.lockVersion, reason: "Graag de Check aanvullen", by: seeded.actor, in: seeded.store)
        let returned = try #require(try seeded.store.read { try YearPlans.find(id: plan.id, $0) })
        #expect(returned.status == .teruggestuurd)
        #expect(returned.returnReason == "Graag de Check aanvullen")
        #expect(YearPlans.snapshot(fromJSON: returned.reviewedSnapshot) == plan.content.flattened(.jaarplan))
        #expect(try seeded.lastAudit("year_plan", plan.id)?.action == "return")
        #expect(throws: StoreError.self) {
            try YearPlans.approve(plan, expected: returned.lockVersion, by: seeded.actor, in: seeded.store)
        }
    }

    @Test("a changed deadline is stored and logged; an unchanged one is not logged")
    func deadlines() throws {
        let seeded = try SeededStore()
        let due = try #require(Day(year: 2027, month: 9, day: 15))
        try PlanDeadlines.change([(2026, PlanDeadline(year: 2026, dueOn: due, graceDays: 14))], by: seeded.actor, in: seeded.store)
        #expect(try seeded.store.read { try PlanDeadlines.find(year: 2026, $0) } == PlanDeadline(year: 2026, dueOn: due, graceDays: 14))
        #expect(try seeded.lastAudit("plan_deadline", 2026)?.newValues?.contains("\"due_on\":\"2027-09-15\"") == true)
        let logged = try seeded.store.read { try AuditLog.entries(recordType: "plan_deadline", recordID: nil, $0) }.count
        try PlanDeadlines.change([(2026, PlanDeadline(year: 2026, dueOn: due, graceDays: 14))], by: seeded.actor, in: seeded.store)
        #expect(try seeded.store.read { try AuditLog.entries(recordType: "plan_deadline", recordID: nil, $0) }.count == logged)
    }
}
