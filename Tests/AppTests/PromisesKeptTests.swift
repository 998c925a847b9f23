import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Promises kept over real pages: plan 5 is Aventurijn's (IKC 2, agreement 2) approved 2022
/// plan; source 4 is the koepels' money, agreed by Proloog. The demo plans spend between 85% and
/// 104% of the agreement, so every figure of plan 5 is set here first.
@Suite("Promises kept: spending beyond the agreement is flagged everywhere")
struct PromisesKeptPageTests {
    static func spend(_ app: TestApp, source4Extra cents: Int64) throws {
        try app.database.write { c in
            try c.execute("UPDATE plan_spending SET spent_cents = planned_cents WHERE plan_id = 6")
            try c.execute("UPDATE plan_spending SET spent_cents = planned_cents + \(cents) WHERE plan_id = 6 AND funding_source_id = 4")
        }
    }

    @Test("exactly the agreed amount is not flagged; one cent more is, on every page and CSV")
    func boundary() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        try Self.spend(app, source4Extra: 0)
        let exact = try leader.get("/plans/6")
        #expect(exact.contains("Afspraken nagekomen"))
        #expect(!exact.contains("boven de afspraak"))
        let exactAgreement = try leader.get("/agreements/2")
        #expect(!exactAgreement.text.contains("2022-2023</td><td>Proloog</td><td>Koepels PO (OAB en lumpsum)</td><td class=\"num\">€ 15.750</td><td class=\"num\">€ 15.750</td><td><span class=\"flag\">"))

        try Self.spend(app, source4Extra: 1)
        let flag = "€ 0,01 boven de afspraak"
        for path in ["/plans/6", "/agreements/2", "/funding/4", "/agreements/2/contributions.csv?tabel=afspraken",
                     "/funding/4/export.csv?tabel=afspraken", "/funding/export.csv?tabel=afspraken", "/reports/2022/csv/geld"] {
            #expect(try leader.get(path).contains(flag), "\(path)")
        }
        #expect(try leader.get("/funding").contains(flag))
        #expect(try leader.get("/funding/years/2022").contains(flag))
        #expect(try leader.get("/funding/years/2022/export.csv?tabel=afspraken").contains(flag))
        #expect(try leader.get("/reports/2022/ikcs/2").contains(flag))
        // The Proloog partner sees its own promise on the plan and the agreement.
        let proloog = try AgreementPartnerRoleTests.partner(app, "partner.proloog@demo.plusikc.nl")
        #expect(try proloog.get("/plans/6").contains(flag))
        #expect(try proloog.get("/agreements/2").contains(flag))
    }

    @Test("spending in a verantwoording that is not approved is not compared")
    func notApproved() throws {
        let app = try TestApp()
        try Self.spend(app, source4Extra: 100_000)
        try app.database.write { try $0.execute("UPDATE year_plans SET account_status = 'ingediend' WHERE id = 6") }
        let lines = try app.database.read { try Agreements.promisesKept(Agreements.PromiseFilter(agreementID: 2, year: 2022), $0) }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.spentCents == nil && $0.overCents == nil })
    }
}
