import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Cross-site request forgery")
struct CSRFTests {
    func userCount(_ app: TestApp) throws -> Int {
        try app.database.read { try $0.row("SELECT COUNT(*) FROM users")?.int(0) ?? -1 }
    }

    /// Over real sockets: a CSRF failure as the server sends it.
    @Test("a POST without a CSRF token is 403 and writes nothing (over sockets)")
    func missingToken() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider, overSockets: true)
        let page = try browser.post("/users/new", [("name", "Nieuwe Collega"), ("email", "nieuw@example.org"), ("role", "ontwikkelgroep")], csrf: .none)
        #expect(page.status == 403)
        #expect(page.contains("Geen toegang"))
        #expect(try userCount(app) == app.accounts.count)
    }

    @Test("a POST with another session's CSRF token is 403 and writes nothing")
    func otherSessionsToken() throws {
        let app = try TestApp()
        let victim = try app.browser(loggedInAs: .projectleider)
        let attacker = try app.browser(loggedInAs: .ontwikkelgroep)
        let foreign = try #require(attacker.csrfToken)
        let page = try victim.post("/users/new", [("name", "Nieuwe Collega"), ("email", "nieuw@example.org"), ("role", "ontwikkelgroep")], csrf: .value(foreign))
        #expect(page.status == 403)
        #expect(try userCount(app) == app.accounts.count)
    }

    @Test("the log-in form needs its own token: a cross-site log-in post is refused")
    func loginNeedsToken() throws {
        let app = try TestApp()
        let browser = app.browser()
        let account = app.account(.projectleider)
        let page = try browser.post("/login", [("email", account.email), ("password", account.password)], csrf: .none)
        #expect(page.status == 403)
        #expect(browser.cookies["plusikc_session"] == nil)
    }

    @Test("log-out is a POST with a token; a GET on it is 405")
    func logoutIsPost() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let get = try browser.get("/logout")
        #expect(get.status == 405)
        #expect(get.header("Allow") == "POST")
        #expect(try browser.post("/logout", [], csrf: .none).status == 403)
        #expect(try browser.get("/ikcs").status == 200)
    }
}
