import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// The partner role over real HTTP. Demo: Proloog is the koepel of IKCs 1–5 (agreements 1–5),
/// PCBO of 6–8, Bisschop Möller of 9 (IKC Franciscus); agreement 8 (PCBO, Sinne Kinderopvang) lies
/// ter ondertekening, agreement 5 (Proloog) is a concept.
@Suite("Agreements: partners sign in the application")
struct AgreementPartnerRoleTests {
    static func partner(_ app: TestApp, _ email: String) throws -> Browser {
        let browser = app.browser()
        let account = app.accounts.first { $0.email == email } ?? DemoData.Account(role: .partner, email: email, password: "")
        try browser.logIn(email: account.email, password: account.password)
        return browser
    }

    static func organisation(_ app: TestApp, _ name: String) throws -> Int64 {
        try app.database.read { try $0.row("SELECT id FROM organisations WHERE name = \(name)")?.int64(0) } ?? 0
    }

    static func state(_ app: TestApp, _ agreement: Int64) throws -> String {
        try app.database.read { c -> String in
            let status = try c.row("""
                SELECT status || ' ' || lock_version FROM agreement_versions WHERE agreement_id = \(agreement) ORDER BY number DESC LIMIT 1
                """)?.string(0) ?? ""
            let signed = try c.rows("""
                SELECT organisation_id || ':' || COALESCE(signed_on, '-') || ':' || COALESCE(signed_by, '-') || ':' || signatory_name
                FROM agreement_parties WHERE version_id = (SELECT id FROM agreement_versions WHERE agreement_id = \(agreement) ORDER BY number DESC LIMIT 1)
                ORDER BY organisation_id
                """).map { try $0.string(0) }
            return status + " " + signed.joined(separator: ",")
        }
    }

    static func auditCount(_ app: TestApp) throws -> Int {
        try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) ?? 0 }
    }

    static func sign(_ browser: Browser, _ agreement: Int64, name: String, organisation: Int64? = nil) throws -> Page {
        let form = try browser.get("/agreements/\(agreement)/signature")
        var fields = [("lock_version", Page.value(of: "lock_version", in: form.text) ?? ""), ("name", name), ("title", "bestuurder")]
        if let organisation { fields.append(("organisation", String(organisation))) }
        return try browser.post("/agreements/\(agreement)/signature", fields)
    }

    @Test("a partner of another koepel gets 403 on that agreement, its print view and CSVs, and sees its names nowhere")
    func otherKoepel() throws {
        let app = try TestApp()
        let proloog = try Self.partner(app, "partner.proloog@demo.plusikc.nl")
        for path in ["/agreements/9", "/agreements/9?version=1", "/agreements/9/print", "/agreements/9/targets.csv",
                     "/agreements/9/contributions.csv", "/agreements/9/compare?from=1&to=1", "/agreements/8/signature"] {
            #expect(try proloog.get(path).status == 403, "\(path)")
        }
        for path in ["/", "/agreements", "/agreements/1", "/agreements/1/print", "/agreements/5"] {
            let page = try proloog.get(path)
            #expect(page.status == 200, "\(path)")
            for name in ["IKC Franciscus", "Bisschop Möller", "PCBO", "IKC Prins Maurits"] { #expect(!page.contains(name), "\(path) shows \(name)") }
        }
        // Its own koepel's agreements are all there.
        let list = try proloog.get("/agreements")
        for name in ["Aventurijn", "IKC Plataan", "OBS Potmarge"] { #expect(list.contains(name)) }
    }

    @Test("a partner's POST to any form but its own signature is 403 and changes nothing")
    func writesNothing() throws {
        let app = try TestApp()
        let proloog = try Self.partner(app, "partner.proloog@demo.plusikc.nl")
        let before = try Self.auditCount(app)
        let agreements: [Int64] = [1, 5, 8]
        let states = try agreements.map { try Self.state(app, $0) }
        for path in ["/agreements/new", "/agreements/5/results", "/agreements/5/targets", "/agreements/5/contributions", "/agreements/5/staffing",
                     "/agreements/5/texts", "/agreements/5/status", "/agreements/5/parties", "/agreements/5/signatories", "/agreements/8/sign",
                     "/agreements/1/amend", "/agreements/1/upload", "/users/new", "/organisations/new"] {
            _ = try proloog.get("/account")
            let page = try proloog.post(path, [("lock_version", "1"), ("to", "ter_ondertekening"), ("name", "X")])
            #expect(page.status == 403, "\(path)")
        }
        #expect(try Self.auditCount(app) == before)
        #expect(try agreements.map { try Self.state(app, $0) } == states)
    }

    @Test("a signature on a concept is 409 with the state explained, and nothing changes")
    func conceptSignature() throws {
        let app = try TestApp()
        let proloog = try Self.partner(app, "partner.proloog@demo.plusikc.nl")
        let before = try Self.state(app, 5)
        let page = try proloog.post("/agreements/5/signature", [("lock_version", "1"), ("name", "Paul"), ("title", "bestuurder")])
        #expect(page.status == 409)
        #expect(page.contains("is nog een concept en ligt niet ter ondertekening"))
        #expect(try Self.state(app, 5) == before)
    }

    @Test("the koepel's and childcare organisation's partners sign, not for another organisation nor twice; the municipality's signature fixes it")
    func signing() throws {
        let app = try TestApp()
        let pcbo = try Self.partner(app, "partner.pcbo@demo.plusikc.nl")
        let sinne = try Self.partner(app, "partner.sinne@demo.plusikc.nl")
        let leader = try app.browser(loggedInAs: .projectleider)
        let sinneID = try Self.organisation(app, "Sinne Kinderopvang")
        let pcboID = try Self.organisation(app, "PCBO e.o.")
        #expect(try pcbo.get("/agreements/8").contains("Ondertekenen namens PCBO e.o."))

        // Not for another organisation.
        let before = try Self.state(app, 8)
        let forged = try Self.sign(pcbo, 8, name: "Pieter", organisation: sinneID)
        #expect(forged.status == 403)
        #expect(try Self.state(app, 8) == before)

        let first = try Self.sign(pcbo, 8, name: "Pieter PCBO")
        #expect(first.status == 303)
        #expect(first.location == "/agreements/8?saved=signed")
        #expect(try Self.state(app, 8).contains("\(pcboID):"))
        let recorded = try app.database.read { c -> String? in
            try c.row("""
                SELECT signatory_name || ' ' || signatory_title || ' ' || (signed_at IS NOT NULL) || ' ' || signed_by FROM agreement_parties
                WHERE organisation_id = \(pcboID) AND version_id = (SELECT id FROM agreement_versions WHERE agreement_id = 8 ORDER BY number DESC LIMIT 1)
                """)?.string(0)
        }
        let pcboUser = try app.database.read { try $0.row("SELECT id FROM users WHERE email = 'partner.pcbo@demo.plusikc.nl'")?.int64(0) } ?? 0
        #expect(recorded == "Pieter PCBO bestuurder 1 \(pcboUser)")

        // Not twice.
        let afterFirst = try Self.state(app, 8)
        let twice = try pcbo.post("/agreements/8/signature", [("lock_version", "99"), ("name", "Pieter"), ("title", "")])
        #expect(twice.status == 409)
        #expect(twice.contains("al getekend"))
        #expect(try Self.state(app, 8) == afterFirst)

        // Bad input re-renders at the field.
        let empty = try Self.sign(sinne, 8, name: "")
        #expect(empty.status == 422)
        #expect(try Self.sign(sinne, 8, name: "Sietske Sinne").status == 303)
        #expect(try Self.state(app, 8).hasPrefix("ter_ondertekening"))

        let last = try Self.sign(leader, 8, name: "Wethouder Onderwijs")
        #expect(last.status == 303)
        #expect(last.location == "/agreements/8?saved=fixed")
        #expect(try Self.state(app, 8).hasPrefix("vastgesteld"))
        #expect(try pcbo.get("/agreements/8/signature").status == 409)
    }
}
