import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport
import Views

/// The audit page in words: after real actions over HTTP it shows no internal code, names the
/// records, shows euros and Amsterdam times, filters, and refuses a bad filter with 422.
@Suite("The audit log page")
struct AuditLogPageTests {
    /// What the log stores and the page must never show.
    static let internalCodes = ["login", "create", "update", "approve", "unshare", "year_plan", "funding_source", "user #",
                                "null", "budget_"]

    static func lock(_ page: Page) -> String { Page.value(of: "lock_version", in: page.text) ?? "" }

    /// The part of the page the log fills (the layout's menus are not the log's words).
    static func main(_ page: Page) -> String {
        guard let start = page.text.range(of: "<main"), let end = page.text.range(of: "</main>") else { return page.text }
        return String(page.text[start.lowerBound..<end.upperBound])
    }

    static func scriptedActions(_ app: TestApp) throws -> Browser {
        // Logged in through the real form, so that the log-in is in the log too.
        let leader = app.browser()
        let account = app.account(.projectleider)
        try leader.logIn(email: account.email, password: account.password)
        // A funding source with budgets (cents in the stored row).
        _ = try leader.get("/funding/new")
        var fields: [(String, String)] = [("name", "Fonds Kansrijk Opgroeien"), ("kind", "other"), ("organisation", ""), ("notes", "")]
        for year in 2021...2028 { fields.append(("budget_\(year)", year == 2025 ? "100.000" : "")) }
        #expect(try leader.post("/funding/new", fields).status == 303)
        // Targets of the concept agreement 5 (grid keys t_<result>_<year>).
        let targets = "/agreements/5/targets"
        let page = try leader.get(targets)
        let version = try app.database.read { try $0.row("SELECT MAX(id) FROM agreement_versions WHERE agreement_id = 5")?.int64(0) } ?? 0
        let ids = try app.database.read { c in
            try c.rows("SELECT id FROM agreement_results WHERE version_id = \(version) ORDER BY id").map { try $0.int64(0) }
        }
        var grid: [(String, String)] = [("lock_version", lock(page))]
        for id in ids { for year in 2022...2028 { grid.append(("t_\(id)_\(year)", "77")) } }
        #expect(try leader.post(targets, grid).status == 303)
        // A report published, shared and unshared.
        _ = try leader.get("/reports/2024")
        let edition = try #require(try leader.post("/reports/2024/publish", []).location)
        _ = try leader.get(edition)
        _ = try leader.post(edition + "/share", [])
        _ = try leader.get(edition)
        #expect(try leader.post(edition + "/unshare", []).status == 303)
        // A plan approved by the store verb the review form calls.
        try app.database.write { c in
            try c.execute("UPDATE year_plans SET status = 'ingediend' WHERE id = 1")
        }
        let plan = try #require(try app.database.read { try YearPlans.find(id: 1, $0) })
        let leaderID = try app.database.read { try $0.row("SELECT id FROM users WHERE role = 'projectleider'")?.int64(0) } ?? 0
        try YearPlans.approve(plan, expected: plan.lockVersion, by: leaderID, in: DataStore(database: app.database))
        return leader
    }

    @Test("after a scripted set of actions the audit page shows only Dutch words")
    func onlyDutch() throws {
        let app = try TestApp()
        let leader = try Self.scriptedActions(app)
        let page = try leader.get("/audit")
        #expect(page.status == 200)
        let html = Self.main(page)
        for code in Self.internalCodes {
            #expect(!html.contains(code), "the audit page shows the internal code ‘\(code)’")
        }
        #expect(html.range(of: #"t_[0-9]+_[0-9]+"#, options: .regularExpression) == nil, "a grid key is shown")
        #expect(html.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}T"#, options: .regularExpression) == nil, "an ISO time is shown")
        #expect(html.contains("Ingelogd"))
        #expect(html.contains("Aangemaakt"))
        #expect(html.contains("Goedgekeurd"))
        #expect(html.contains("Deellink ingetrokken"))
        #expect(html.contains("Financieringsbron: <a href=\"/funding/"))
        #expect(html.contains("Budget 2025-2026: € 100.000"))
        #expect(html.contains("Streefwaarde ‘"))
        #expect(html.range(of: #"[0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}"#, options: .regularExpression) != nil)
    }

    @Test("the filter narrows by person, kind, record and period, and the CSV holds the same rows in words")
    func filterAndCSV() throws {
        let app = try TestApp()
        let leader = try Self.scriptedActions(app)
        let name = try app.database.read { try $0.row("SELECT name FROM users WHERE role = 'projectleider'")?.string(0) } ?? ""
        let today = DateFormatter()
        today.dateFormat = "dd-MM-yyyy"
        today.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        let day = today.string(from: Date())
        let query = "?wie=\(name.replacingOccurrences(of: " ", with: "+"))&soort=financieringsbron&van=\(day)&tot=\(day)"
        let page = try leader.get("/audit" + query)
        #expect(page.status == 200)
        #expect(page.contains("Fonds Kansrijk Opgroeien"))
        #expect(!page.contains("Deellink ingetrokken"))
        let csv = try leader.get("/audit/csv" + query)
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.text.contains("Wanneer;Wie;Handeling;Soort gegeven;Gegeven;Omschrijving;Wijzigingen"))
        #expect(csv.text.contains("Financieringsbron;Fonds Kansrijk Opgroeien"))
        #expect(csv.text.contains("€ 100.000"))
        #expect(!csv.text.contains("budget_"))
        // Yesterday holds none of today's rows.
        let empty = try leader.get("/audit?tot=01-01-2020")
        #expect(empty.contains("Geen regels gevonden."))
    }

    @Test("a bad date or an unknown person is refused with 422 and the typed value kept")
    func badInput() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let badDate = try leader.get("/audit?van=31-02-2026")
        #expect(badDate.status == 422)
        #expect(badDate.contains("value=\"31-02-2026\""))
        #expect(badDate.contains("een datum in als dd-mm-jjjj"))
        let unknown = try leader.get("/audit?wie=Onbekende+Persoon")
        #expect(unknown.status == 422)
        #expect(unknown.contains("value=\"Onbekende Persoon\""))
        #expect(unknown.contains("Er is geen persoon met de naam"))
        #expect(try leader.get("/audit/csv?wie=Niemand").status == 422)
    }

    @Test("a time is shown in Amsterdam, summer and winter")
    func amsterdamTime() {
        #expect(AuditRowText.amsterdam("2026-12-03T13:31:17Z") == "03-12-2026 14:31")
        #expect(AuditRowText.amsterdam("2026-07-01T22:30:00Z") == "02-07-2026 00:30")
        #expect(AuditRowText.amsterdam("2026-03-29T00:59:00Z") == "29-03-2026 01:59")
        #expect(AuditRowText.amsterdam("2026-03-29T01:00:00Z") == "29-03-2026 03:00")
    }
}

/// The report's exports in Dutch: column values, file names, and the old English URLs redirected.
@Suite("Dutch exports")
struct DutchExportTests {
    @Test("the results CSV says percentage and aantal, is named resultaten-2024-2025.csv, and the old URL redirects")
    func resultsCSV() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .ontwikkelgroep)
        let csv = try browser.get("/reports/2024/csv/resultaten")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Disposition") == "attachment; filename=\"resultaten-2024-2025.csv\"")
        let units = Set(ReportTests.csvRows(csv.text).dropFirst().compactMap { $0.count > 3 ? $0[3] : nil })
        #expect(!units.isEmpty)
        #expect(units.isSubset(of: ["percentage", "aantal", "score", "euro", "ja/nee"]), "units: \(units)")
        let old = try browser.get("/reports/2024/csv/results")
        #expect(old.status == 301)
        #expect(old.location == "/reports/2024/csv/resultaten")
        #expect(try browser.get("/reports/2024/csv/money").location == "/reports/2024/csv/geld")
    }
}

/// A share-link page is not indexed and leaks no token through the Referer.
@Suite("Share-link pages")
struct ShareLinkHeaderTests {
    @Test("a share-link page carries noindex and Referrer-Policy: no-referrer; other pages keep same-origin")
    func headers() throws {
        let app = try TestApp()
        try app.database.write { try $0.execute("DELETE FROM reports") }  // without the demo's editions: this one is edition 1
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/reports/2024")
        let edition = try #require(try leader.post("/reports/2024/publish", []).location)
        _ = try leader.get(edition)
        let shared = try leader.post(edition + "/share", [])
        let link = try #require(shared.text.range(of: "/share/").map { range in
            String(shared.text[range.lowerBound...].prefix { $0 != "<" })
        })
        let page = try app.browser().get(link)
        #expect(page.status == 200)
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.header("Referrer-Policy") == "no-referrer")
        #expect(try leader.get("/").header("Referrer-Policy") == "same-origin")

        // The page's CSV links use the token; the CSV opens without log-in, under the same headers.
        let token = String(link.dropFirst("/share/".count))
        #expect(page.contains("/share/\(token)/csv/resultaten"))
        #expect(!page.contains("/reports/editions/"))
        let stranger = app.browser()
        let csv = try stranger.get("/share/\(token)/csv/resultaten")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.header("Referrer-Policy") == "no-referrer")
        #expect(csv.header("Content-Disposition") == "attachment; filename=\"resultaten-2024-2025-editie-1.csv\"")
        // The token opens nothing else.
        #expect(try stranger.get("/share/\(token)/agreements/1").status == 404)
        #expect(try stranger.get("/share/\(token)/editions/2").status == 404)
        #expect(try stranger.get("/share/not-a-real-token/csv/resultaten").status == 404)
        // Newer figures: the reader is told.
        try app.database.write { try $0.execute("UPDATE measurements SET value = value + 1") }
        #expect(try stranger.get(link).contains("Er zijn nieuwere cijfers"))
        // Revoked: the CSV is gone too.
        _ = try leader.get(edition)
        let unshared = try leader.post(edition + "/unshare", [])
        #expect(unshared.status == 303)
        let confirmed = try leader.get(try #require(unshared.location))
        #expect(confirmed.contains("<div class=\"notice\" role=\"status\">Deellink ingetrokken.</div>"))
        #expect(try stranger.get("/share/\(token)/csv/resultaten").status == 404)
    }
}

@Suite("Wording")
struct WordingTests {
    @Test("the municipality, party to all nine agreements, is involved in nine IKC's")
    func municipalityInvolvement() throws {
        let app = try TestApp()
        let id = try app.database.read { try $0.row("SELECT organisation_id FROM agreement_parties WHERE role = 'gemeente' LIMIT 1")?.int64(0) } ?? 0
        let page = try app.browser(loggedInAs: .projectleider).get("/organisations/\(id)")
        #expect(page.status == 200)
        #expect(page.contains("Betrokken bij 9 IKC"))
        #expect(page.contains("als koepel, kinderopvang of partij bij de resultaatafspraak."))
        #expect(!page.contains("IKC('s)"))
    }
}
