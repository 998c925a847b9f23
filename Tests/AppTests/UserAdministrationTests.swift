import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Users page for project leaders")
struct UserAdministrationTests {
    @Test("a project leader invites a director with a one-time set-password link that works exactly once")
    func inviteWithLink() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/users/new")
        let created = try leader.post("/users/new", [("name", "Sjoukje Bakker"), ("email", "s.bakker@example.org"), ("role", "directeur"), ("ikcs", "3")])
        #expect(created.status == 200)
        let link = try #require(created.text.range(of: "/wachtwoord/").map { range -> String in
            let rest = created.text[range.lowerBound...]
            return String(rest.prefix { $0 != "<" && $0 != "\"" })
        })
        let invited = app.browser()
        #expect(try invited.get(link).contains("Welkom, Sjoukje Bakker"))
        let mismatch = try invited.post(link, [("password", "een goed lang wachtwoord"), ("confirm", "iets anders hier")])
        #expect(mismatch.status == 422)
        let set = try invited.post(link, [("password", "een goed lang wachtwoord"), ("confirm", "een goed lang wachtwoord")])
        #expect(set.status == 303)
        #expect(set.location == "/login?saved=wachtwoord")
        #expect(try invited.get(set.location ?? "").contains("<div class=\"notice\" role=\"status\">Wachtwoord ingesteld. U kunt nu inloggen.</div>"))
        #expect(try invited.post(link, [("password", "nog een ander wachtwoord"), ("confirm", "nog een ander wachtwoord")]).status == 404)
        try invited.logIn(email: "s.bakker@example.org", password: "een goed lang wachtwoord")
        #expect(try invited.get("/ikcs/3").status == 200)
        #expect(try invited.get("/ikcs/1").status == 403)
        let audit = try app.database.read { try $0.rows("SELECT action FROM audit_log WHERE record_type = 'user' ORDER BY id").map { try $0.string(0) } }
        #expect(audit.contains("create"))
        #expect(audit.contains("password"))
    }

    @Test("the new-user form keeps what was typed and explains each error in Dutch")
    func validationKeepsInput() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/users/new")
        let page = try leader.post("/users/new", [("name", "Jan <b>de</b> Boer"), ("email", "geen-adres"), ("role", "directeur")])
        #expect(page.status == 422)
        #expect(page.contains("value=\"Jan &lt;b&gt;de&lt;/b&gt; Boer\""))
        #expect(page.contains("value=\"geen-adres\""))
        #expect(page.contains("Vul een geldig e-mailadres in"))
        #expect(page.contains("Kies het IKC"))
        let duplicate = try leader.post("/users/new", [("name", "Dubbel"), ("email", "PL@demo.plusikc.nl"), ("role", "ontwikkelgroep")])
        #expect(duplicate.status == 422)
        #expect(duplicate.contains("Er is al een account met dit e-mailadres"))
    }

    @Test("deactivating a user is logged with old and new values, and a stale form is a 409 that changes nothing")
    func deactivateAndStaleEdit() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/users/2")
        let version = try #require(Page.value(of: "lock_version", in: form.text))
        let saved = try leader.post("/users/2", [("lock_version", version), ("role", "ontwikkelgroep")])
        #expect(saved.status == 303)
        let active = try app.database.read { try $0.row("SELECT active FROM users WHERE id = 2")?.bool(0) }
        #expect(active == false)
        let entry = try app.database.read { try $0.row("SELECT old_values, new_values FROM audit_log WHERE action = 'update' AND record_id = 2") }
        #expect(try entry?.string(0) == "{\"active\":\"1\"}")
        #expect(try entry?.string(1) == "{\"active\":\"0\"}")
        let stale = try leader.post("/users/2", [("lock_version", version), ("role", "projectleider"), ("active", "1")])
        #expect(stale.status == 409)
        let role = try app.database.read { try $0.row("SELECT role FROM users WHERE id = 2")?.string(0) }
        #expect(role == "ontwikkelgroep")
    }

    @Test("a forgotten password: the project leader makes a new one-time link; it replaces older links and works once")
    func newPasswordLink() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let directorID = try #require(try app.database.read { try $0.row("SELECT id FROM users WHERE role = 'directeur'")?.int64(0) })
        func link(_ page: Page) -> String? {
            page.text.range(of: "/wachtwoord/").map { String(page.text[$0.lowerBound...].prefix { $0 != "<" }) }
        }
        _ = try leader.get("/users/\(directorID)")
        let first = try #require(link(try leader.post("/users/\(directorID)/password-link", [])))
        _ = try leader.get("/users/\(directorID)")
        let second = try #require(link(try leader.post("/users/\(directorID)/password-link", [])))
        #expect(first != second)
        let director = app.browser()
        #expect(try director.get(first).status == 404)
        _ = try director.get(second)
        #expect(try director.post(second, [("password", "een vers nieuw wachtwoord"), ("confirm", "een vers nieuw wachtwoord")]).status == 303)
        try director.logIn(email: app.account(.directeur).email, password: "een vers nieuw wachtwoord")
        let actions = try app.database.read { try $0.rows("SELECT action FROM audit_log WHERE record_id = \(directorID) AND record_type = 'user'").map { try $0.string(0) } }
        #expect(actions.filter { $0 == "password-link" }.count == 2)
        // Only a project leader may do this.
        let other = try app.browser(loggedInAs: .ontwikkelgroep)
        _ = try other.get("/account")
        #expect(try other.post("/users/\(directorID)/password-link", []).status == 403)
    }
}
