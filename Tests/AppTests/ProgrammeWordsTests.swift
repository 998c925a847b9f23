import App
import Domain
import Foundation
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
}
