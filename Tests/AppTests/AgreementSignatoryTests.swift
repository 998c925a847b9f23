import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Who signs for each party, and goal coverage as a warning, over real HTTP. Demo: agreement 5
/// is in concept, agreement 8 out for signing, agreement 1 fixed.
@Suite("Agreements: signatories and goal coverage")
struct AgreementSignatoryTests {
    static func signers(_ app: TestApp, agreement: Int64) throws -> [Int64: String] {
        try app.database.read { c in
            var out: [Int64: String] = [:]
            for row in try c.rows("""
                SELECT p.organisation_id, p.signatory_name || '|' || p.signatory_title FROM agreement_parties p
                WHERE p.version_id = (SELECT id FROM agreement_versions WHERE agreement_id = \(agreement) ORDER BY number DESC LIMIT 1)
                """) {
                out[try row.int64(0)] = try row.string(1)
            }
            return out
        }
    }

    static func fields(_ page: Page, _ parties: [Int64], name: (Int64) -> String) -> [(String, String)] {
        var fields = [("lock_version", Page.value(of: "lock_version", in: page.text) ?? "")]
        for org in parties { fields += [("p\(org)_name", name(org)), ("p\(org)_title", "bestuurder")] }
        return fields
    }

    @Test("signatories are edited in concept and ter ondertekening and printed on the print view")
    func edit() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        for agreement: Int64 in [5, 8] {
            let parties = Array(try Self.signers(app, agreement: agreement).keys).sorted()
            let form = try browser.get("/agreements/\(agreement)/signatories")
            #expect(form.status == 200)
            let saved = try browser.post("/agreements/\(agreement)/signatories", Self.fields(form, parties) { "Mevr. Tekenaar \($0)" })
            #expect(saved.status == 303)
            #expect(saved.location == "/agreements/\(agreement)?saved=signatories")
            let signers = try Self.signers(app, agreement: agreement)
            #expect(parties.allSatisfy { signers[$0] == "Mevr. Tekenaar \($0)|bestuurder" })
            let print = try browser.get("/agreements/\(agreement)/print")
            #expect(print.contains("Naam: Mevr. Tekenaar \(parties[0]), bestuurder"))
        }
        // A fixed version is read-only.
        #expect(try browser.get("/agreements/1/signatories").status == 409)
    }

    @Test("a name of 0 or 500 characters is refused at its field with 422 and nothing changes")
    func badNames() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let before = try Self.signers(app, agreement: 5)
        let parties = Array(before.keys).sorted()
        for bad in ["", String(repeating: "x", count: 500)] {
            let form = try browser.get("/agreements/5/signatories")
            let page = try browser.post("/agreements/5/signatories", Self.fields(form, parties) { $0 == parties[0] ? bad : "Naam" })
            #expect(page.status == 422)
            #expect(page.contains("id=\"p\(parties[0])_name-error\"") || page.contains("p\(parties[0])_name"))
            #expect(page.contains(bad.isEmpty ? "Vul wie tekent namens" : "mag hoogstens 200 tekens lang zijn"))
            #expect(try Self.signers(app, agreement: 5) == before)
        }
    }

    @Test("a concept with results under one goal only warns on its page and print view and can still go to signing")
    func oneGoal() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let goal = try app.database.read { try $0.row("SELECT name FROM programme_goals WHERE position = 3")?.string(0) } ?? ""
        try app.database.write { c in
            try c.execute("""
                DELETE FROM agreement_results WHERE goal_id = 3
                AND version_id = (SELECT id FROM agreement_versions WHERE agreement_id = 5 ORDER BY number DESC LIMIT 1)
                """)
        }
        let page = try browser.get("/agreements/5")
        #expect(page.contains("Geen resultaat onder doel ‘\(goal)’."))
        #expect(!page.contains("Voeg minstens één resultaat toe onder het doel"))
        #expect(try browser.get("/agreements/5/print").contains("Geen resultaat onder doel ‘\(goal)’."))
        // With the programme setting on, it is a problem before signing.
        try app.database.write { try $0.execute("UPDATE programme SET require_every_goal = 1") }
        #expect(try browser.get("/agreements/5").contains("Voeg minstens één resultaat toe onder het doel ‘\(goal)’."))
    }
}
