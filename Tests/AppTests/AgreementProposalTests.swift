import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Proposals to amend an agreement from the Act section of a yearly plan, over real HTTP.
/// Demo: agreement 1 (IKC 1, the demo director's) is fixed and has plans for 2022-2025.
@Suite("Agreements: amendment proposals from yearly plans")
struct AgreementProposalTests {
    static let proposal = "De streefwaarde voor leesplezier bijstellen: de toets is veranderd."

    /// IKC 1's 2024 plan with our proposal as the only one (the demo plans have some of their own).
    static func planWithProposal(_ app: TestApp) throws -> Int64 {
        try app.database.write { c in
            try c.execute("UPDATE year_plans SET act_amendment_proposal = ''")
            let id = try c.row("SELECT id FROM year_plans WHERE ikc_id = 1 AND year = 2024")?.int64(0) ?? 0
            try c.execute("UPDATE year_plans SET act_amendment_proposal = \(proposal) WHERE id = \(id)")
            return id
        }
    }

    static func versions(_ app: TestApp, _ agreement: Int64) throws -> [(number: Int, status: String, reason: String)] {
        try app.database.read { c in
            try c.rows("SELECT number, status, reason FROM agreement_versions WHERE agreement_id = \(agreement) ORDER BY number")
                .map { (try $0.int(0), try $0.string(1), try $0.string(2)) }
        }
    }

    static func auditCount(_ app: TestApp) throws -> Int {
        try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) ?? 0 }
    }

    @Test("a plan's Act proposal is listed on the agreement page and one click starts version n+1 in concept with it as the reason")
    func oneClickAmendment() throws {
        let app = try TestApp()
        let plan = try Self.planWithProposal(app)
        let browser = try app.browser(loggedInAs: .projectleider)
        let before = try Self.versions(app, 1)
        let fixed = try #require(before.last)
        #expect(fixed.status == "vastgesteld")

        let page = try browser.get("/agreements/1")
        #expect(page.status == 200)
        #expect(page.contains("Voorstellen tot bijstelling uit jaarplannen"))
        #expect(page.contains("Jaarplan 2024-2025 · "))
        #expect(page.contains("Status van het jaarplan: Goedgekeurd."))
        #expect(page.contains(Self.proposal))
        #expect(page.contains("href=\"/plans/\(plan)\""))
        #expect(page.contains("action=\"/agreements/1/proposals/\(plan)\""))
        #expect(page.contains(">Bijstelling starten</button>"))

        let lock = Page.value(of: "lock_version", in: page.text) ?? ""
        let started = try browser.post("/agreements/1/proposals/\(plan)", [("lock_version", lock)])
        #expect(started.status == 303)
        #expect(started.location == "/agreements/1?saved=amended")
        let after = try Self.versions(app, 1)
        #expect(after.count == before.count + 1)
        let draft = try #require(after.last)
        #expect(draft.number == fixed.number + 1)
        #expect(draft.status == "concept")
        #expect(draft.reason == "Voorstel uit jaarplan 2024-2025: \(Self.proposal)")
        // A copy of the version in force: the same results and amounts.
        let copied = try app.database.read { c in
            try c.rows("""
                SELECT v.number, (SELECT COUNT(*) FROM agreement_results r WHERE r.version_id = v.id),
                       (SELECT COALESCE(SUM(amount_cents), 0) FROM contributions x WHERE x.version_id = v.id)
                FROM agreement_versions v WHERE v.agreement_id = 1 AND v.number >= \(fixed.number) ORDER BY v.number
                """).map { [try $0.int64(1), try $0.int64(2)] }
        }
        #expect(copied.count == 2 && copied[0] == copied[1])
        let audit = try app.database.read { c in
            try c.row("SELECT summary, new_values FROM audit_log WHERE action = 'amend' AND record_type = 'agreement' AND record_id = 1 ORDER BY id DESC")
        }
        #expect(try audit?.string(0).hasPrefix("Bijstelling gestart uit het jaarplan 2024-2025") == true)
        #expect(try audit?.optionalString(1)?.contains("\"plan\":\"\(plan)\"") == true)

        // Now a concept is under way: the button gives way to a link to it, and a second post writes nothing.
        let again = try browser.get("/agreements/1")
        #expect(again.contains(Self.proposal))
        #expect(!again.contains("action=\"/agreements/1/proposals/"))
        #expect(again.contains("Versie \(draft.number) is nog in concept"))
        #expect(again.contains("href=\"/agreements/1?version=\(draft.number)\""))
        #expect(again.contains("Eerder gebruikt als reden van versie \(draft.number)."))
        let auditBefore = try Self.auditCount(app)
        let twice = try browser.post("/agreements/1/proposals/\(plan)", [("lock_version", lock)])
        #expect(twice.status == 409)
        #expect(try Self.versions(app, 1).count == after.count)
        #expect(try Self.auditCount(app) == auditBefore)
    }

    @Test("a director and the Ontwikkelgroep see no button and cannot start an amendment from a proposal")
    func onlyProjectLeaders() throws {
        let app = try TestApp()
        let plan = try Self.planWithProposal(app)
        for role in [Role.directeur, .ontwikkelgroep] {
            let browser = try app.browser(loggedInAs: role)
            let page = try browser.get("/agreements/1")
            #expect(page.status == 200)
            #expect(!page.contains("/agreements/1/proposals/"), "\(role)")
            let before = try Self.versions(app, 1).count
            let audit = try Self.auditCount(app)
            let refused = try browser.post("/agreements/1/proposals/\(plan)", [("lock_version", "1")])
            #expect(refused.status == 403, "\(role)")
            #expect(try Self.versions(app, 1).count == before, "\(role)")
            #expect(try Self.auditCount(app) == audit, "\(role)")
        }
    }

    @Test("a proposal from another IKC's plan does not start an amendment of this agreement")
    func otherIKCsPlan() throws {
        let app = try TestApp()
        let plan = try Self.planWithProposal(app)
        let browser = try app.browser(loggedInAs: .projectleider)
        let page = try browser.get("/agreements/2")
        #expect(!page.contains("Voorstellen tot bijstelling uit jaarplannen"))
        let lock = Page.value(of: "lock_version", in: try browser.get("/agreements/2/amend").text) ?? ""
        let before = try Self.versions(app, 2).count
        #expect(try browser.post("/agreements/2/proposals/\(plan)", [("lock_version", lock)]).status == 404)
        #expect(try Self.versions(app, 2).count == before)
    }
}
