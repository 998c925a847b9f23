import Domain
import Foundation
import Testing
import TestSupport

/// Every successful POST is confirmed on the next page by a status message that screen readers
/// announce (`role="status"`).
@Suite("A confirmation for every action")
struct ConfirmationTests {
    /// The texts of the page's status messages, after following a redirect.
    static func status(_ page: Page, _ browser: Browser) throws -> [String] {
        let shown = page.status == 303 ? try browser.get(page.location ?? "/") : page
        return shown.text.components(separatedBy: "role=\"status\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    func lock(_ page: Page) -> String { Page.value(of: "lock_version", in: page.text) ?? "" }

    @Test("the saves of the registry, users, account and mail say what happened")
    func registryAndAccount() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/ikcs/3/plus")
        let plus = try leader.post("/ikcs/3/plus", [("lock_version", lock(form)), ("grantedOn", Page.value(of: "grantedOn", in: form.text) ?? ""),
                                                    ("notes", "Besproken")])
        #expect(try Self.status(plus, leader).contains("De wijzigingen zijn opgeslagen."))
        _ = try leader.get("/users/new")
        let created = try leader.post("/users/new", [("name", "Jan Jansen"), ("email", "jan@example.org"), ("role", "ontwikkelgroep")])
        #expect(try Self.status(created, leader).contains("De gebruiker is toegevoegd."))
        let id = try #require(try app.database.read { try $0.row("SELECT id FROM users WHERE email = 'jan@example.org'")?.int64(0) })
        _ = try leader.get("/users/\(id)")
        #expect(try Self.status(try leader.post("/users/\(id)/password-link", []), leader).contains("Er is een nieuwe wachtwoordlink gemaakt."))
        _ = try leader.get("/account/mail")
        #expect(try Self.status(try leader.post("/account/mail", [("reminders", "1")]), leader).contains("Uw keuze is opgeslagen."))
        _ = try leader.get("/account")
        let account = app.account(.projectleider)
        let changed = try leader.post("/account", [("current", account.password), ("password", "een nieuw lang wachtwoord"),
                                                   ("confirm", "een nieuw lang wachtwoord")])
        #expect(try Self.status(changed, leader).contains("Uw wachtwoord is gewijzigd."))
        _ = try leader.get("/")
        #expect(try Self.status(try leader.post("/logout", []), leader).contains("U bent uitgelogd."))
    }

    @Test("setting a password from a link says so on the log-in page")
    func setPassword() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/users/new")
        let created = try leader.post("/users/new", [("name", "Piet Pieters"), ("email", "piet@example.org"), ("role", "ontwikkelgroep")])
        let link = try #require(created.text.range(of: "/wachtwoord/").map { range -> String in
            String(created.text[range.lowerBound...].prefix { $0 != "<" && $0 != "\"" })
        })
        let invited = app.browser()
        _ = try invited.get(link)
        let set = try invited.post(link, [("password", "een goed lang wachtwoord"), ("confirm", "een goed lang wachtwoord")])
        #expect(try Self.status(set, invited).contains("Wachtwoord ingesteld. U kunt nu inloggen."))
    }

    @Test("sharing and revoking a report's share link, and opening a plan, are confirmed")
    func reportsAndPlans() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        // The demo published edition 1 of every completed year: this is edition 2 of 2024.
        _ = try leader.get("/reports/2024")
        let edition = try #require(try leader.post("/reports/2024/publish", []).location)
        #expect(try leader.get(edition).contains("<p class=\"edition-meta\" role=\"status\">Editie 2, gepubliceerd op "))
        #expect(try Self.status(try leader.post(edition + "/share", []), leader).contains("De deellink is gemaakt."))
        _ = try leader.get(edition)
        #expect(try Self.status(try leader.post(edition + "/unshare", []), leader).contains("Deellink ingetrokken."))
        _ = try leader.get("/plans/new?ikc=4&jaar=2027")
        let opened = try leader.post("/plans/new", [("ikc", "4"), ("year", "2027")])
        #expect(try Self.status(opened, leader).contains("Het jaarplan is geopend. Vul het in en dien het in bij de projectleider."))
    }
}
