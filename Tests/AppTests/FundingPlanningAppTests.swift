import App
import Domain
import Foundation
import Markup
import SQLite
import Store
import Testing
import TestSupport

/// Issue 19 over HTTP against the demo: Steunstructuur (source 3) onder voorbehoud from 2023,
/// VVE (2) a part of OAB (1), a pool of 3 × 22 h jeugdondersteuners 0-12 that IKC 4's agreement
/// exceeds in 2026-2027 (88 h promised), and 9 × 16 h VVE phased in.
@Suite("Money and people as the municipality plans them")
struct FundingPlanningAppTests {
    /// What the agreements in force commit to a source in the given years (plain SQL).
    static func committed(_ app: TestApp, source: Int64, years: ClosedRange<Int>) throws -> Int64 {
        try app.database.read { c in
            try c.row("""
                SELECT COALESCE(SUM(c.amount_cents), 0) FROM contributions c JOIN agreement_versions v ON v.id = c.version_id
                WHERE c.funding_source_id = \(source) AND c.year BETWEEN \(years.lowerBound) AND \(years.upperBound) AND v.status = 'vastgesteld'
                """)?.int64(0) ?? -1
        }
    }

    static func sourceFields(_ app: TestApp, _ browser: Browser, source id: Int64, changes: [String: String] = [:],
                             extra: [(String, String)] = []) throws -> [(String, String)] {
        let form = try browser.get("/funding/\(id)/edit")
        let version = Page.value(of: "lock_version", in: form.text) ?? ""
        let statuses = try app.database.read { try FundingSources.budgetStatuses(sourceID: id, $0) }
        let parent = try app.database.read { try FundingSources.find(id: id, $0) }?.parentID
        var fields = try FundingTests.editFields(app, source: id, lockVersion: version)
        for year in 2021...2028 { fields.append(("status_\(year)", statuses[year]?.rawValue ?? "geen_budget")) }
        fields.append(("parent", parent.map { String($0) } ?? ""))
        fields = fields.map { name, value in (name, changes[name] ?? value) }
        return fields + extra
    }

    @Test("the overview, the home page and the report say which Steunstructuur years are onder voorbehoud and what is committed against them")
    func undecidedEverywhere() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let provisional = try Self.committed(app, source: 3, years: 2023...2028)
        #expect(provisional > 0)
        let sentence = "Collegeprogramma Steunstructuur 12-: budget onder voorbehoud in 2023-2024 t/m 2028-2029; \(DutchFormat.euros(cents: provisional)) toegezegd onder voorbehoud."
        let overview = try leader.get("/funding")
        #expect(overview.contains("Budget nog niet vastgesteld"))
        #expect(overview.contains(sentence))
        #expect(try leader.get("/").contains(sentence))
        #expect(try leader.get("/funding/3").contains("budget onder voorbehoud"))
        let report = try leader.get("/reports/2024")
        let inYear = try Self.committed(app, source: 3, years: 2024...2024)
        #expect(report.contains("Collegeprogramma Steunstructuur 12-: budget onder voorbehoud in 2024-2025; \(DutchFormat.euros(cents: inYear)) toegezegd onder voorbehoud."))
        #expect(report.contains("Budgetstatus en personeel"))
        #expect(try leader.get("/reports/2022").contains("Alle budgetten van 2022-2023 zijn vastgesteld."))
    }

    @Test("a project leader sets a year's budget onder voorbehoud on the source's form; it is stored and in the audit log")
    func statusIsSaved() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let saved = try leader.post("/funding/4/edit", try Self.sourceFields(app, leader, source: 4, changes: ["status_2027": "onder_voorbehoud"]))
        #expect(saved.status == 303)
        let statuses = try app.database.read { try FundingSources.budgetStatuses(sourceID: 4, $0) }
        #expect(statuses[2027] == .onderVoorbehoud)
        #expect(statuses[2026] == .vastgesteld)
        let audit = try app.database.read { try $0.row("SELECT new_values FROM audit_log WHERE record_type = 'funding_source' AND record_id = 4")?.string(0) }
        #expect(audit?.contains("\"status_2027\":\"onder_voorbehoud\"") == true)
        #expect(try leader.get("/funding").contains("Koepels PO (OAB en lumpsum): budget onder voorbehoud in 2027-2028"))
    }

    @Test("an earmark loop and a part's budget above its parent's are refused with 422 and the reason; nothing is saved")
    func earmarkRefusals() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try FundingTests.fingerprint(app)
        // OAB within VVE while VVE is within OAB: a loop.
        let loop = try leader.post("/funding/1/edit", try Self.sourceFields(app, leader, source: 1, changes: ["parent": "2"]))
        #expect(loop.status == 422)
        #expect(loop.contains("dat zou een kring maken"))
        // VVE's 2024 budget above OAB's 900.000.
        let tooLarge = try leader.post("/funding/2/edit", try Self.sourceFields(app, leader, source: 2, changes: ["budget_2024": "900.000,01"]))
        #expect(tooLarge.status == 422)
        #expect(tooLarge.contains("Het budget in 2024-2025 is groter dan dat van OAB-middelen gemeente, waar deze bron een deel van is."))
        #expect(tooLarge.contains("value=\"900.000,01\""))
        // OAB's 2025 budget below VVE's 450.000.
        let tooSmall = try leader.post("/funding/1/edit", try Self.sourceFields(app, leader, source: 1, changes: ["budget_2025": "449.999"]))
        #expect(tooSmall.status == 422)
        #expect(tooSmall.contains("kleiner dan dat van VVE-middelen (jeugdondersteuners VVE)"))
        #expect(try FundingTests.fingerprint(app) == before)
        // Exactly the parent's budget is allowed.
        let equal = try leader.post("/funding/2/edit", try Self.sourceFields(app, leader, source: 2, changes: ["budget_2024": "900.000"]))
        #expect(equal.status == 303)
    }

    @Test("'Alle bronnen' adds each euro once: the grand total is the sum of the top-level sources")
    func grandTotal() throws {
        let app = try TestApp()
        let (sources, ledger) = try app.database.read { c in
            let sources = try FundingSources.all(c)
            return (sources, try FundingSources.ledger(sources: sources, years: 2021...2028, c))
        }
        let top = sources.filter { $0.parentID == nil }.map(\.id)
        #expect(top.count == 5)
        #expect(ledger.total == top.reduce(Funding.Balance()) { $0 + ledger.sourceTotal($1) })
        let everything = try app.database.read { c in
            try c.row("""
                SELECT SUM(c.amount_cents) FROM contributions c JOIN agreement_versions v ON v.id = c.version_id
                WHERE v.status = 'vastgesteld' AND c.year BETWEEN 2021 AND 2028
                """)?.int64(0) ?? -1
        }
        #expect(ledger.total.committed == everything)
        let page = try app.browser(loggedInAs: .projectleider).get("/funding")
        #expect(page.contains("onderdeel van OAB-middelen gemeente"))
        #expect(page.contains("telt elke euro één keer"))
    }

    @Test("the split setting must add up to 12 months (422), and a calendar-year source says how it is compared")
    func splitSetting() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/funding/instellingen")
        #expect(form.status == 200)
        let version = Page.value(of: "lock_version", in: form.text) ?? ""
        let wrong = try leader.post("/funding/instellingen", [("lock_version", version), ("split_first", "6"), ("split_second", "7"), ("weeks", "40")])
        #expect(wrong.status == 422)
        #expect(wrong.contains("De verdeling moet samen 12 maanden zijn; 6 en 7 is samen 13."))
        #expect(try app.database.read { try FundingSources.settings($0) }.split == Funding.CalendarSplit(first: 5, second: 7))
        let right = try leader.post("/funding/instellingen", [("lock_version", version), ("split_first", "4"), ("split_second", "8"), ("weeks", "40")])
        #expect(right.status == 303)
        #expect(try app.database.read { try FundingSources.settings($0) }.split == Funding.CalendarSplit(first: 4, second: 8))

        let saved = try leader.post("/funding/4/edit", try Self.sourceFields(app, leader, source: 4, extra: [("calendar_budget", "1")]))
        #expect(saved.status == 303)
        let page = try leader.get("/funding/4")
        #expect(page.contains("een schooljaar telt voor 4/12 mee in het kalenderjaar waarin het begint en voor 8/12 in het volgende"))
        #expect(try leader.get("/funding").contains("begroting per kalenderjaar"))
        // The 2025 calendar year holds 8/12 of school year 2024 and 4/12 of school year 2025, in whole cents.
        let ledger = try app.database.read { c in try FundingSources.ledger(sources: try FundingSources.all(c), years: 2021...2028, c) }
        let y2024 = try Self.committed(app, source: 4, years: 2024...2024), y2025 = try Self.committed(app, source: 4, years: 2025...2025)
        let split = Funding.CalendarSplit(first: 4, second: 8)
        #expect(ledger.balance(4, 2025).committed == split.parts(y2024).second + split.parts(y2025).first)
    }

    @Test("the staffing page flags the deliberate over-promise, not the year exactly at capacity; chart, CSV and the pool form")
    func staffingPage() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let page = try leader.get("/funding/personeel")
        #expect(page.status == 200)
        #expect(page.contains("Jeugdondersteuner 0-12, 2026-2027: 88 uur toegezegd, 66 uur beschikbaar, 22 uur tekort"))
        #expect(!page.contains("Jeugdondersteuner 0-12, 2025-2026: 66 uur toegezegd"))  // exactly at capacity: no flag
        #expect(page.contains("Jeugdexpertteam"))
        #expect(page.contains("Kosten van de uren tegen de bijdragen"))
        for svg in FundingTests.svgs(in: page.text) {
            let document = try SVGCheck.parse(svg)
            #expect(document.root == "svg")
            #expect(document.attributes["role"] == "img")
        }
        #expect(!FundingTests.svgs(in: page.text).isEmpty)
        let csv = FundingCSVReader.parse(try leader.get("/funding/personeel/export.csv").body)
        #expect(csv.first?.first == "Functie")
        #expect(csv.contains { $0[0] == "Jeugdondersteuner 0-12" && $0[1] == "2026-2027" && $0[5] == "88" && $0[6] == "22" })

        // Negative hours: 422, nothing saved.
        let form = try leader.get("/funding/personeel/jo_0_12")
        let version = Page.value(of: "lock_version", in: form.text) ?? ""
        var fields = [("lock_version", version), ("people_2026", "4"), ("hours_2026", "-22"), ("employer_2026", "Jeugdexpertteam"), ("cost_2026", "58")]
        let refused = try leader.post("/funding/personeel/jo_0_12", fields)
        #expect(refused.status == 422)
        #expect(refused.contains("De uren per week bij 2026-2027 kunnen niet negatief zijn."))
        #expect(try app.database.read { try StaffingCapacity.pools($0) }.first { $0.roleCode == "jo_0_12" && $0.year == 2026 }?.people == 3)
        // Four people of 22 hours hold exactly the 88 promised: the flag goes (the other years keep their pool).
        var pools = try app.database.read { try StaffingCapacity.pools($0) }.filter { $0.roleCode == "jo_0_12" }
        fields = [("lock_version", version)]
        for pool in pools {
            fields += [("people_\(pool.year)", pool.year == 2026 ? "4" : String(pool.people)), ("hours_\(pool.year)", "22"),
                       ("employer_\(pool.year)", pool.employer), ("cost_\(pool.year)", "58")]
        }
        let saved = try leader.post("/funding/personeel/jo_0_12", fields)
        #expect(saved.status == 303)
        pools = try app.database.read { try StaffingCapacity.pools($0) }.filter { $0.roleCode == "jo_0_12" }
        #expect(pools.count == 8)
        #expect(try app.database.read { try StaffingCapacity.overCapacity($0) }.isEmpty)
        #expect(try leader.get("/funding/personeel").contains("Geen tekorten"))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log WHERE record_type = 'staff_pool'")?.int(0) } == 1)
        // The same form again, now older than the pool: 409, nothing saved.
        #expect(try leader.post("/funding/personeel/jo_0_12", fields).status == 409)
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log WHERE record_type = 'staff_pool'")?.int(0) } == 1)
    }

    @Test("the project leader's home page shows the over-capacity flag linking to the staffing page; others do not see it")
    func homeFlag() throws {
        let app = try TestApp()
        let home = try app.browser(loggedInAs: .projectleider).get("/")
        #expect(home.contains("<a href=\"/funding/personeel\">Jeugdondersteuner 0-12, 2026-2027: 88 uur toegezegd, 66 uur beschikbaar, 22 uur tekort</a>"))
        #expect(!(try app.browser(loggedInAs: .ontwikkelgroep).get("/").contains("uur tekort")))
        #expect(!(try app.browser(loggedInAs: .directeur).get("/").contains("uur tekort")))
        let report = try app.browser(loggedInAs: .ontwikkelgroep).get("/reports/2026")
        if report.status == 200 { #expect(report.contains("22 uur tekort")) }
    }
}
