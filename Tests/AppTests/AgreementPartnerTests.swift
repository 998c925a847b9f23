import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Partners beyond the three core parties, over real HTTP. Demo: agreement 5 is in concept,
/// agreement 8 out for signing; the GGD is in the registry but party to no agreement.
@Suite("Agreements: partners")
struct AgreementPartnerTests {
    static func ggd(_ app: TestApp) throws -> Int64 {
        try app.database.read { try $0.row("SELECT id FROM organisations WHERE name = 'GGD Fryslân'")?.int64(0) } ?? 0
    }

    static func latest(_ app: TestApp, _ agreement: Int64) throws -> (id: Int64, status: String) {
        try app.database.read { c in
            let row = try c.row("SELECT id, status FROM agreement_versions WHERE agreement_id = \(agreement) ORDER BY number DESC LIMIT 1")
            return (try row?.int64(0) ?? 0, try row?.string(1) ?? "")
        }
    }

    static func parties(_ app: TestApp, version: Int64) throws -> [(org: Int64, role: String, signer: String)] {
        try app.database.read { c in
            try c.rows("SELECT organisation_id, role, signatory_name FROM agreement_parties WHERE version_id = \(version) ORDER BY organisation_id")
                .map { (try $0.int64(0), try $0.string(1), try $0.string(2)) }
        }
    }

    static func addPartner(_ browser: Browser, _ agreement: Int64, _ org: Int64, name: String = "") throws -> Page {
        let form = try browser.get("/agreements/\(agreement)/parties")
        #expect(form.status == 200)
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        return try browser.post("/agreements/\(agreement)/parties", [("lock_version", lock), ("organisation", String(org)),
                                                                      ("signatory_name", name), ("signatory_title", "")])
    }

    static func lock(_ browser: Browser, _ path: String) throws -> String {
        Page.value(of: "lock_version", in: try browser.get(path).text) ?? ""
    }

    @Test("a partner added in concept must sign too: three signatures leave it out for signing, the fourth fixes it")
    func partnerSigns() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let agreement: Int64 = 8
        let ggd = try Self.ggd(app)
        // Back to concept to add the GGD; adding is refused while out for signing.
        #expect(try browser.get("/agreements/\(agreement)/parties").status == 409)
        let back = try browser.post("/agreements/\(agreement)/status", [("lock_version", try Self.lock(browser, "/agreements/\(agreement)")), ("to", "concept")])
        #expect(back.status == 303)
        let added = try Self.addPartner(browser, agreement, ggd)
        #expect(added.status == 303)
        #expect(added.location == "/agreements/\(agreement)?saved=partner")
        let version = try Self.latest(app, agreement).id
        let parties = try Self.parties(app, version: version)
        #expect(parties.count == 4)
        // Who signs defaults to the organisation's signatory from the registry.
        #expect(parties.first { $0.org == ggd }.map { "\($0.role) \($0.signer)" } == "partner Directeur publieke gezondheid")
        let page = try browser.get("/agreements/\(agreement)")
        #expect(page.contains("<th scope=\"row\">GGD Fryslân</th><td>Partner</td>"))
        // The same organisation twice is refused.
        let twice = try Self.addPartner(browser, agreement, ggd)
        #expect(twice.status == 422)
        #expect(twice.contains("al partij"))
        #expect(try Self.parties(app, version: version).count == 4)

        let toSigning = try browser.post("/agreements/\(agreement)/status", [("lock_version", try Self.lock(browser, "/agreements/\(agreement)")), ("to", "ter_ondertekening")])
        #expect(toSigning.status == 303)
        var fields: [(String, String)] = []
        for party in parties where party.org != ggd {
            fields += [("p\(party.org)_name", "Ondertekenaar \(party.org)"), ("p\(party.org)_title", "bestuurder"), ("p\(party.org)_signed_on", "10-03-2025")]
        }
        let signForm = try browser.get("/agreements/\(agreement)/sign")
        #expect(signForm.contains("GGD Fryslân (Partner)"))
        let three = try browser.post("/agreements/\(agreement)/sign", [("lock_version", Page.value(of: "lock_version", in: signForm.text) ?? "")] + fields)
        #expect(three.status == 303)
        #expect(three.location == "/agreements/\(agreement)?saved=signatures")
        #expect(try Self.latest(app, agreement).status == "ter_ondertekening")

        fields += [("p\(ggd)_name", "Directeur publieke gezondheid"), ("p\(ggd)_title", "directeur"), ("p\(ggd)_signed_on", "11-03-2025")]
        let four = try browser.post("/agreements/\(agreement)/sign", [("lock_version", try Self.lock(browser, "/agreements/\(agreement)/sign"))] + fields)
        #expect(four.status == 303)
        #expect(four.location == "/agreements/\(agreement)?saved=fixed")
        #expect(try Self.latest(app, agreement).status == "vastgesteld")
        let signed = try app.database.read { try $0.row("SELECT COUNT(*) FROM agreement_parties WHERE version_id = \(version) AND signed_on IS NOT NULL")?.int(0) }
        #expect(signed == 4)
    }

    @Test("a partner is removed after a confirmation step, with its contributions; a core party cannot be removed")
    func removePartner() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let agreement: Int64 = 5
        let ggd = try Self.ggd(app)
        #expect(try Self.addPartner(browser, agreement, ggd, name: "J. de Vries").status == 303)
        let version = try Self.latest(app, agreement).id
        let grid = "/agreements/\(agreement)/contributions"
        let amount = try browser.post(grid, [("lock_version", try Self.lock(browser, grid)), ("c_\(ggd)_1_2024", "5.000"), ("c_1_1_2024", "1.000")])
        #expect(amount.status == 303)

        let parties = try browser.get("/agreements/\(agreement)/parties")
        #expect(parties.contains("href=\"/agreements/\(agreement)/parties/\(ggd)/remove\""))
        #expect(!parties.contains("href=\"/agreements/\(agreement)/parties/1/remove\""))
        let confirm = try browser.get("/agreements/\(agreement)/parties/\(ggd)/remove")
        #expect(confirm.status == 200)
        #expect(confirm.contains("Weet u zeker dat u <strong>GGD Fryslân</strong>"))
        #expect(confirm.contains("samen € 5.000"))
        #expect(try Self.parties(app, version: version).count == 4, "the confirmation page removes nothing")

        let removed = try browser.post("/agreements/\(agreement)/parties/\(ggd)/remove", [("lock_version", Page.value(of: "lock_version", in: confirm.text) ?? "")])
        #expect(removed.status == 303)
        #expect(removed.location == "/agreements/\(agreement)?saved=partner-removed")
        #expect(try Self.parties(app, version: version).map(\.org).contains(ggd) == false)
        let left = try app.database.read { try $0.row("SELECT COUNT(*), SUM(amount_cents) FROM contributions WHERE version_id = \(version)") }
        #expect(try left?.int(0) == 1 && left?.int64(1) == 100_000)
        let audit = try app.database.read { try $0.row("SELECT old_values FROM audit_log WHERE summary LIKE 'Partner GGD Fryslân verwijderd%'")?.optionalString(0) } ?? nil
        #expect(audit?.contains("€ 5.000") == true)

        // The gemeente is a core party: no confirmation page, no removal.
        #expect(try browser.get("/agreements/\(agreement)/parties/1/remove").status == 409)
        let refused = try browser.post("/agreements/\(agreement)/parties/1/remove", [("lock_version", try Self.lock(browser, "/agreements/\(agreement)/parties"))])
        #expect(refused.status == 409)
        #expect(try Self.parties(app, version: version).count == 3)
    }
}
