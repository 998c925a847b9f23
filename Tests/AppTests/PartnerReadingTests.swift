import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// What a partner reads besides agreements (issue 17): the approved plans and verantwoordingen of
/// its organisation's IKCs, the funding figures of its own organisation's sources, the published
/// reports. Demo: Proloog is the koepel of IKCs 1–5; plan 5 is IKC 2's (Aventurijn) approved
/// 2022 plan, plan 4 IKC 1's 2025 concept, plan 16 PCBO's and plan 24 Bisschop Möller's approved 2022 plan.
@Suite("Partners read approved plans, their own sources and published reports")
struct PartnerReadingTests {
    static let otherNames = ["IKC Franciscus", "Bisschop Möller", "PCBO", "IKC Prins Maurits", "IKC de Kinderkoepel"]

    @Test("a partner reads its IKCs' approved plans, never a concept nor another koepel's")
    func plans() throws {
        let app = try TestApp()
        let proloog = try AgreementPartnerRoleTests.partner(app, "partner.proloog@demo.plusikc.nl")
        let plan = try proloog.get("/plans/6")
        #expect(plan.status == 200)
        #expect(plan.contains("Aventurijn"))
        for path in ["/plans/5", "/plans/21", "/plans/31", "/plans/new", "/plans/deadlines"] {
            #expect(try proloog.get(path).status == 403, "\(path)")
        }
        let list = try proloog.get("/plans")
        #expect(list.status == 200)
        #expect(list.contains("Aventurijn"))
        #expect(list.contains("/plans/6\""))
        #expect(!list.contains("/plans/5\""), "the concept of IKC 1 is not listed")
        for path in ["/plans", "/plans/6", "/funding", "/reports", "/"] {
            let page = try proloog.get(path)
            for name in Self.otherNames { #expect(!page.contains(name), "\(path) shows \(name)") }
        }
        // Bisschop Möller's partner reads none of Proloog's plans.
        let bms = try AgreementPartnerRoleTests.partner(app, "partner.bms@demo.plusikc.nl")
        #expect(try bms.get("/plans/6").status == 403)
        #expect(try bms.get("/plans/31").status == 200)
    }

    @Test("a partner's verantwoording that is not yet approved shows no figures")
    func unapprovedAccount() throws {
        let app = try TestApp()
        try app.database.write { try $0.execute("UPDATE year_plans SET account_status = 'ingediend' WHERE id = 6") }
        let proloog = try AgreementPartnerRoleTests.partner(app, "partner.proloog@demo.plusikc.nl")
        let page = try proloog.get("/plans/6")
        #expect(page.status == 200)
        #expect(!page.contains("Volgend jaar zetten we de taalclub voort"))
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/plans/6").contains("Volgend jaar zetten we de taalclub voort"))
    }

    @Test("a partner reads the funding figures of its own organisation's sources only")
    func funding() throws {
        let app = try TestApp()
        let own = try app.database.write { c -> Int64 in
            try c.execute("""
                INSERT INTO funding_sources (name, kind, organisation_id)
                VALUES ('OAB-middelen Proloog', 'koepel', (SELECT id FROM organisations WHERE name = 'Proloog'))
                """)
            let id = c.lastInsertRowID
            try c.execute("INSERT INTO funding_budgets (funding_source_id, year, amount_cents) VALUES (\(id), 2024, 4200000)")
            return id
        }
        let proloog = try AgreementPartnerRoleTests.partner(app, "partner.proloog@demo.plusikc.nl")
        let overview = try proloog.get("/funding")
        #expect(overview.status == 200)
        #expect(overview.contains("OAB-middelen Proloog"))
        #expect(!overview.contains("OAB-middelen gemeente"))
        // Its own contributions (from the koepels' source) are compared with the approved spending.
        #expect(overview.contains("Meer besteed dan afgesproken"))
        #expect(try proloog.get("/funding/\(own)").status == 200)
        #expect(try proloog.get("/funding/\(own)/export.csv").status == 200)
        let csv = try proloog.get("/funding/export.csv")
        #expect(csv.contains("OAB-middelen Proloog"))
        #expect(!csv.contains("OAB-middelen gemeente"))
        for path in ["/funding/1", "/funding/1/export.csv", "/funding/4", "/funding/scenario", "/funding/\(own)/edit"] {
            #expect(try proloog.get(path).status == 403, "\(path)")
        }
        // The year page narrowed to its own sources: no other source, no IKC drawing on them.
        let year = try proloog.get("/funding/years/2024")
        #expect(year.status == 200)
        #expect(year.contains("OAB-middelen Proloog"))
        #expect(!year.contains("OAB-middelen gemeente"))
        for name in Self.otherNames + ["Aventurijn"] { #expect(!year.contains(name), "the year page shows \(name)") }
        #expect(!overview.contains("Scenario doorrekenen"))
        let pcbo = try AgreementPartnerRoleTests.partner(app, "partner.pcbo@demo.plusikc.nl")
        #expect(try pcbo.get("/funding/\(own)").status == 403)
        #expect(!(try pcbo.get("/funding").contains("OAB-middelen Proloog")))
    }

    @Test("a partner reads published report editions, never a draft")
    func reports() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/reports/2024")
        let published = try leader.post("/reports/2024/publish", [])
        #expect(published.status == 303)
        let edition = published.location ?? ""
        let proloog = try AgreementPartnerRoleTests.partner(app, "partner.proloog@demo.plusikc.nl")
        let index = try proloog.get("/reports")
        #expect(index.status == 200)
        #expect(index.contains(edition))
        #expect(!index.contains("/reports/2024\""), "no link to a draft")
        #expect(try proloog.get(edition).status == 200)
        #expect(try proloog.get(edition + "/csv/doelen").status == 200)
        #expect(try proloog.get("/reports/2024").status == 403)
        #expect(try proloog.get("/reports/2024/csv/doelen").status == 403)
        try app.database.write { try $0.execute("UPDATE reports SET status = 'withdrawn' WHERE status = 'published'") }
        #expect(try proloog.get(edition).status == 403)
    }
}
