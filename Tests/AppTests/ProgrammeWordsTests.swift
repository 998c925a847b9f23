import App
import Domain
import Foundation
import SQLite
import Testing
import TestSupport
import Views

/// No programme words in code (issue 22): every page of the second programme's demo, as every
/// role, is free of the words only KvK2 configured.
@Suite("The second programme's pages carry its own words")
struct ProgrammeWordsTests {
    /// KvK2's words, and whether case matters ("koepel" also as "Koepel").
    static let kvk2Words: [(word: String, anyCase: Bool)] = [
        ("Plus IKC", false), ("Plus-IKC", false), ("Kansen voor Kinderen", false), ("KvK2", false), ("Leeuwarden", false),
        ("Ontwikkelgroep", true), ("koepel", true), ("in drievoud", false), ("Doel 1 t/m 3", false),
        ("Plus-predicaat", false), ("aandachtsgebied", true), ("jeugdondersteuner", true),
    ]

    /// The text a reader sees: tags removed (field names such as koepelID are not words on the page).
    static func visibleText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" { inTag = false; out.append(" "); continue }
            if !inTag { out.append(character) }
        }
        return out
    }

    static func offenders(_ text: String) -> [String] {
        let visible = visibleText(text)
        return kvk2Words.filter { word in
            word.anyCase ? visible.range(of: word.word, options: .caseInsensitive) != nil : visible.contains(word.word)
        }.map(\.word)
    }

    @Test("every GET route example, as every role, shows no KvK2-only word on the Amsterdam West demo",
          arguments: [Role.projectleider, .ontwikkelgroep, .directeur, .partner])
    func noKvK2Words(role: Role) throws {
        let app = try TestApp(template: try DatabaseTemplate.amsterdamWest())
        let browser = try app.browser(loggedInAs: role)
        var found: [String] = []
        for route in Route.examples where route.methods.contains("GET") && route != .logout {
            let page = try browser.get(route.path)
            let words = Self.offenders(page.text)
            if !words.isEmpty { found.append("\(route.path) (\(page.status)): \(words.joined(separator: ", "))") }
        }
        #expect(found.isEmpty, "\(role.rawValue):\n\(found.joined(separator: "\n"))")
    }

    @Test("the same check finds KvK2's words on KvK2's own demo, so it is not blind")
    func seesKvK2() throws {
        let app = try TestApp()
        let page = try app.browser(loggedInAs: .projectleider).get("/ikcs")
        #expect(!Self.offenders(page.text).isEmpty)
    }

    @Test("the predicate's headings and audit summaries take its name from the settings; without a predicate the home page has no herijking section")
    func predicateName() throws {
        let app = try TestApp()
        try app.database.write { try $0.execute("UPDATE ikc_kinds SET label = 'Ster IKC' WHERE carries_predicate = 1") }
        let leader = try app.browser(loggedInAs: .projectleider)
        let home = try leader.get("/")
        #expect(home.contains("Herijking Ster-predicaat binnen drie maanden"))
        let ikc = try app.database.read { try $0.row("SELECT ikc_id FROM plus_predicates ORDER BY ikc_id LIMIT 1")?.int64(0) } ?? 1
        #expect(try leader.get("/ikcs/\(ikc)").contains("<h2>Ster-predicaat</h2>"))
        let page = try leader.get("/ikcs/\(ikc)/plus")
        #expect(page.contains("<h1>Ster-predicaat van "))
        #expect(!Self.visibleText(page.text).contains("Plus-predicaat"))
        let west = try TestApp(template: try DatabaseTemplate.amsterdamWest())
        let westLeader = try west.browser(loggedInAs: .projectleider)
        let westHome = try westLeader.get("/")
        #expect(!westHome.contains("Herijking") && !westHome.contains("predicaat"))
        // No predicate: no predicate page to open or save, and no predicate kinds to filter the log on.
        #expect(try westLeader.get("/ikcs/1/plus").status == 404)
        let form = try westLeader.get("/ikcs/1/edit")
        #expect(try westLeader.post("/ikcs/1/plus", [("grantedOn", "01-08-2025")], csrf: .value(form.csrfToken ?? "")).status == 404)
        let log = try westLeader.get("/audit")
        #expect(log.status == 200 && !log.contains("predicaat") && !log.contains("pluspredicaat"))
    }

    @Test("a plan's read-only reason names the programme's steering group")
    func steeringGroupReason() throws {
        let kvk2App = try TestApp()
        let concept: SQL = "SELECT id FROM year_plans WHERE status = 'concept' ORDER BY id LIMIT 1"
        let kvk2Plan = try kvk2App.database.read { try $0.row(concept)?.int64(0) } ?? 0
        let kvk2 = try kvk2App.browser(loggedInAs: .ontwikkelgroep).get("/plans/\(kvk2Plan)")
        #expect(kvk2.contains("Als lid van de Ontwikkelgroep kunt u"))
        let westApp = try TestApp(template: try DatabaseTemplate.amsterdamWest())
        let westPlan = try westApp.database.read { try $0.row(concept)?.int64(0) } ?? 0
        let west = try westApp.browser(loggedInAs: .ontwikkelgroep).get("/plans/\(westPlan)")
        #expect(west.contains("Als lid van de Stuurgroep IKC 2026 kunt u"))
    }
}
