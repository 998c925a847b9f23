import Domain
import SQLite
import Testing
import TestSupport

@Suite("The project leader's home page")
struct HomeAttentionTests {
    @Test("an over-committed funding source is listed with the amount over budget and a link to the source")
    func overCommittedSource() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(!(try leader.get("/").contains("href=\"/funding/1\">OAB-middelen gemeente</a>")))
        let committed = try app.database.read { c in
            try c.row("""
                SELECT SUM(c.amount_cents) FROM contributions c JOIN agreement_versions v ON v.id = c.version_id
                WHERE v.status = 'vastgesteld' AND c.year = 2024
                  AND (c.funding_source_id = 1 OR c.funding_source_id IN (SELECT id FROM funding_sources WHERE parent_id = 1))
                """)?.int64(0) ?? 0
        }
        try app.database.write { try $0.execute("UPDATE funding_budgets SET amount_cents = \(committed - 1) WHERE funding_source_id = 1 AND year = 2024") }
        let home = try leader.get("/")
        #expect(home.contains("href=\"/funding/1\">OAB-middelen gemeente</a>, 2024-2025: € 0,01 meer toegezegd dan het budget"))
    }

    @Test("submitted plans waiting for review link to the plan itself")
    func submittedPlansLinkToThePlan() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let submitted = try app.database.read { c in
            try c.rows("SELECT id FROM year_plans WHERE status = 'ingediend'").map { try $0.int64(0) }
        }
        #expect(!submitted.isEmpty)
        let home = try leader.get("/")
        for id in submitted { #expect(home.contains("href=\"/plans/\(id)\""), "plan \(id)") }
    }

    @Test("an edit form of a fixed agreement says it is read-only, not that somebody else was first")
    func fixedAgreementIsReadOnly() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let page = try leader.get("/agreements/1/targets")
        #expect(page.status == 409)
        #expect(page.contains("Alleen te lezen"))
        #expect(page.contains("is vastgesteld en alleen te lezen"))
        #expect(!page.contains("Iemand anders was u voor"))
    }
}
