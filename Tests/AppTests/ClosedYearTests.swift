import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Closed years stay closed (issue 17). Demo: agreement 1 (IKC 1) is vastgesteld for 2022–2028
/// and IKC 1's verantwoordingen 2022, 2023 and 2024 are approved; an amendment (version 2)
/// may change only 2025 and later, until a project leader opens a year again with a reason.
@Suite("Agreements: closed years stay closed")
struct ClosedYearTests {
    /// Every grid input of a page (name, value), as a browser would send them.
    static func gridFields(_ page: Page, prefix: String) -> [(String, String)] {
        let pattern = "name=\"(\(prefix)[^\"]*)\" value=\"([^\"]*)\""
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let text = page.text
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let name = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: text) else { return nil }
            return (String(text[name]), String(text[value]))
        }
    }

    static func amend(_ app: TestApp) throws -> (Browser, Int64) {
        let leader = try app.browser(loggedInAs: .projectleider)
        let amended = try AgreementLifecycleTests.submit(leader, "/agreements/1/amend", [("reason", "Evaluatie")])
        #expect(amended.status == 303)
        let version = try app.database.read {
            try $0.row("SELECT id FROM agreement_versions WHERE agreement_id = 1 AND number = 2")?.int64(0)
        } ?? 0
        return (leader, version)
    }

    static func contributions(_ app: TestApp, _ version: Int64) throws -> [String] {
        try app.database.read { c in
            try c.rows("SELECT organisation_id || '/' || funding_source_id || '/' || year || '=' || amount_cents FROM contributions WHERE version_id = \(version) ORDER BY 1")
                .map { try $0.string(0) }
        }
    }

    /// Posts the contributions grid with `change` applied to the cells.
    static func post(_ browser: Browser, change: (String, String) -> String) throws -> Page {
        let form = try browser.get("/agreements/1/contributions")
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        let fields = gridFields(form, prefix: "c_").map { ($0.0, change($0.0, $0.1)) }
        #expect(!fields.isEmpty)
        return try browser.post("/agreements/1/contributions", [("lock_version", lock)] + fields)
    }

    @Test("closed years' cells are read-only with the reason; a forged change is refused and nothing changes")
    func forgedChange() throws {
        let app = try TestApp()
        let (leader, version) = try Self.amend(app)
        let grid = try leader.get("/agreements/1/contributions")
        #expect(grid.contains("De verantwoording 2022-2023 is goedgekeurd"))
        #expect(grid.contains("readonly"))
        let before = try Self.contributions(app, version)
        let audit = try AgreementPartnerRoleTests.auditCount(app)

        // A forged POST: a 2022 cell changed although the page shows it read-only.
        let forged = try Self.post(leader) { name, value in name.hasSuffix("_2022") && !value.isEmpty ? "1,00" : value }
        #expect(forged.status == 409)
        #expect(forged.contains("De verantwoording 2022-2023 is goedgekeurd"))
        #expect(forged.contains("Er is niets opgeslagen"))
        #expect(try Self.contributions(app, version) == before)
        #expect(try AgreementPartnerRoleTests.auditCount(app) == audit)

        // An open year may change.
        let open = try Self.post(leader) { name, value in name.hasSuffix("_2027") && !value.isEmpty ? "1,00" : value }
        #expect(open.status == 303)
        #expect(try Self.contributions(app, version) != before)
    }

    @Test("a project leader opens a year again with a required reason, shown in the audit log and on the compare page")
    func unlock() throws {
        let app = try TestApp()
        let (leader, version) = try Self.amend(app)
        _ = try leader.get("/agreements/1/contributions")
        let empty = try leader.post("/agreements/1/unlock", [("jaar", "2022"), ("reason", "  ")])
        #expect(empty.status == 422)
        #expect(empty.contains("Geef een reden"))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM agreement_year_unlocks")?.int(0) } == 0)

        _ = try leader.get("/agreements/1/contributions")
        let unlocked = try leader.post("/agreements/1/unlock", [("jaar", "2022"), ("reason", "Rekenfout in de OAB-bijdrage")])
        #expect(unlocked.status == 303)
        let audit = try leader.get("/audit")
        #expect(audit.contains("Jaar 2022-2023 weer geopend voor bijstelling"))
        let compare = try leader.get("/agreements/1/compare?from=1&to=2")
        #expect(compare.contains("Weer geopende jaren"))
        #expect(compare.contains("Rekenfout in de OAB-bijdrage"))

        let before = try Self.contributions(app, version)
        let changed = try Self.post(leader) { name, value in name.hasSuffix("_2022") && !value.isEmpty ? "1,00" : value }
        #expect(changed.status == 303)
        #expect(try Self.contributions(app, version) != before)
        // 2023 stays closed.
        #expect(try Self.post(leader) { name, value in name.hasSuffix("_2023") && !value.isEmpty ? "1,00" : value }.status == 409)
        // A partner cannot open a year.
        let partner = try AgreementPartnerRoleTests.partner(app, "partner.proloog@demo.plusikc.nl")
        _ = try partner.get("/account")
        #expect(try partner.post("/agreements/1/unlock", [("jaar", "2023"), ("reason", "x")]).status == 403)
    }
}
