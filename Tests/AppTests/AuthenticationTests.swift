import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Logging in and out")
struct AuthenticationTests {
    /// Over real sockets: log-in end to end through the server (cookies on the wire).
    @Test("a page that needs a user redirects to the log-in page and back after log-in (over sockets)")
    func redirectsToLoginAndBack() throws {
        let app = try TestApp()
        let browser = try app.socketBrowser()
        let first = try browser.get("/ikcs")
        #expect(first.status == 303)
        #expect(first.location == "/login?next=/ikcs")
        let form = try browser.get(first.location ?? "")
        #expect(form.status == 200)
        #expect(form.contains("name=\"next\" value=\"/ikcs\""))
        let account = app.account(.projectleider)
        let done = try browser.post("/login", [("email", account.email), ("password", account.password), ("next", "/ikcs")])
        #expect(done.status == 303)
        #expect(done.location == "/ikcs")
        let list = try browser.get("/ikcs")
        #expect(list.status == 200)
        #expect(list.contains("IKC Franciscus"))
    }

    @Test("the session cookie is HttpOnly and SameSite, and the database keeps only its hash")
    func sessionCookieIsProtected() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let token = try #require(browser.cookies["plusikc_session"])
        #expect(token.count >= 43)
        let stored = try app.database.read { try $0.rows("SELECT token_hash FROM sessions").map { try $0.string(0) } }
        #expect(stored.count == 1)
        #expect(stored.first == SHA256.hex(Array(token.utf8)))
        #expect(!stored.contains(token))

        let fresh = app.browser()
        _ = try fresh.get("/login")
        let account = app.account(.projectleider)
        let page = try fresh.post("/login", [("email", account.email), ("password", account.password)])
        let cookie = try #require(page.headers("Set-Cookie").first { $0.hasPrefix("plusikc_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        #expect(cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"))
    }

    @Test("cookies are Secure when the server is configured for HTTPS behind a proxy")
    func secureCookies() throws {
        let app = try TestApp { $0.secureCookies = true }
        let browser = app.browser()
        _ = try browser.get("/login")
        let account = app.account(.directeur)
        let page = try browser.post("/login", [("email", account.email), ("password", account.password)])
        let cookie = try #require(page.headers("Set-Cookie").first { $0.hasPrefix("plusikc_session=") })
        #expect(cookie.contains("; Secure"))
    }

    @Test("a wrong password and an unknown e-mail get the same answer, and nothing reveals which e-mails exist")
    func wrongPasswordAndUnknownEmailLookAlike() throws {
        let app = try TestApp()
        let browser = app.browser()
        _ = try browser.get("/login")
        let wrong = try browser.post("/login", [("email", app.account(.projectleider).email), ("password", "not the password at all")])
        let unknown = try browser.post("/login", [("email", "nobody@example.org"), ("password", "not the password at all")])
        #expect(wrong.status == 401)
        #expect(unknown.status == 401)
        let message = "Deze combinatie van e-mailadres en wachtwoord is niet bekend"
        #expect(wrong.contains(message))
        #expect(unknown.contains(message))
        #expect(browser.cookies["plusikc_session"] == nil)
    }

    @Test("the session id changes at log-in: a session cookie planted before log-in is not the one used after")
    func sessionFixation() throws {
        let app = try TestApp()
        let browser = app.browser()
        browser.cookies["plusikc_session"] = "planted-by-an-attacker-0123456789abcdefghijklmnop"
        _ = try browser.get("/login")
        let account = app.account(.projectleider)
        _ = try browser.post("/login", [("email", account.email), ("password", account.password)])
        let after = try #require(browser.cookies["plusikc_session"])
        #expect(after != "planted-by-an-attacker-0123456789abcdefghijklmnop")

        // Logging in again from a logged-in browser replaces the session too.
        let other = try app.browser(loggedInAs: .ontwikkelgroep)
        let before = try #require(other.cookies["plusikc_session"])
        _ = try other.get("/login")
        let relogin = try other.post("/login", [("email", app.account(.ontwikkelgroep).email), ("password", app.account(.ontwikkelgroep).password)])
        #expect(relogin.status == 303)
        let renewed = try #require(other.cookies["plusikc_session"])
        #expect(renewed != before)
        let sessions = try app.database.read { try $0.row("SELECT COUNT(*) FROM sessions WHERE token_hash = \(SHA256.hex(Array(before.utf8)))")?.int(0) }
        #expect(sessions == 0)
    }

    @Test("log-out deletes the session on the server, so the old cookie no longer works")
    func logoutDeletesSession() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let token = try #require(browser.cookies["plusikc_session"])
        let out = try browser.post("/logout", [])
        #expect(out.status == 303)
        #expect(out.location == "/login?saved=uitgelogd")
        let replay = app.browser()
        replay.cookies["plusikc_session"] = token
        #expect(try replay.get("/ikcs").status == 303)
        let count = try app.database.read { try $0.row("SELECT COUNT(*) FROM sessions")?.int(0) }
        #expect(count == 0)
    }

    @Test("an idle session and a session past its absolute lifetime have expired")
    func expiredSessions() throws {
        let app = try TestApp()
        let idle = try app.browser(loggedInAs: .projectleider)
        try app.database.write { try $0.execute("UPDATE sessions SET last_seen_at = last_seen_at - \(9 * 3600)") }
        #expect(try idle.get("/ikcs").status == 303)

        let old = try app.browser(loggedInAs: .ontwikkelgroep)
        try app.database.write { try $0.execute("UPDATE sessions SET created_at = created_at - \(13 * 3600)") }
        #expect(try old.get("/ikcs").status == 303)
    }

    @Test("after five failed log-ins for one e-mail further attempts wait, even with the right password")
    func throttlingByEmail() throws {
        let app = try TestApp()
        let browser = app.browser()
        _ = try browser.get("/login")
        let account = app.account(.projectleider)
        for _ in 0..<5 {
            #expect(try browser.post("/login", [("email", account.email), ("password", "wrong password 123")]).status == 401)
        }
        let blocked = try browser.post("/login", [("email", account.email), ("password", account.password)])
        #expect(blocked.status == 429)
        #expect(blocked.contains("te vaak een verkeerd wachtwoord"))
        #expect(blocked.header("Retry-After") != nil)
        #expect(browser.cookies["plusikc_session"] == nil)
        // The same for an e-mail that does not exist: no difference to tell them apart.
        for _ in 0..<5 { _ = try browser.post("/login", [("email", "ghost@example.org"), ("password", "wrong password 123")]) }
        #expect(try browser.post("/login", [("email", "ghost@example.org"), ("password", "x")]).status == 429)
    }

    @Test("after five failed log-ins from one client address, attempts for any e-mail wait")
    func throttlingByAddress() throws {
        let app = try TestApp()
        let browser = app.browser()
        _ = try browser.get("/login")
        for index in 0..<5 {
            #expect(try browser.post("/login", [("email", "guess\(index)@example.org"), ("password", "wrong password 123")]).status == 401)
        }
        let account = app.account(.ontwikkelgroep)
        let blocked = try browser.post("/login", [("email", account.email), ("password", account.password)])
        #expect(blocked.status == 429)
        #expect(browser.cookies["plusikc_session"] == nil)
        // Attempts older than the 15-minute window no longer count.
        try app.database.write { try $0.execute("UPDATE login_attempts SET attempted_at = attempted_at - 16 * 60") }
        #expect(try browser.post("/login", [("email", account.email), ("password", account.password)]).status == 303)
    }

    @Test("a deactivated user cannot log in, and their open sessions end")
    func deactivatedUser() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        try app.database.write { try $0.execute("UPDATE users SET active = 0 WHERE role = 'directeur'") }
        #expect(try director.get("/").status == 303)
        let browser = app.browser()
        _ = try browser.get("/login")
        let account = app.account(.directeur)
        #expect(try browser.post("/login", [("email", account.email), ("password", account.password)]).status == 401)
    }

    @Test("after log-in the user lands only on a path of this site, never on another host")
    func noOpenRedirect() throws {
        let app = try TestApp()
        let account = app.account(.projectleider)
        for next in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "http:/x"] {
            let browser = app.browser()
            _ = try browser.get("/login")
            let page = try browser.post("/login", [("email", account.email), ("password", account.password), ("next", next)])
            #expect(page.status == 303)
            #expect(page.location == "/", "next=\(next)")
        }
    }

    @Test("password hashes are yescrypt and no password is stored in plain text anywhere in the database file")
    func passwordsAreHashed() throws {
        let app = try TestApp()
        let hashes = try app.database.read { try $0.rows("SELECT password_hash FROM users").map { try $0.string(0) } }
        #expect(hashes.count == app.accounts.count)
        for hash in hashes { #expect(hash.hasPrefix("$y$")) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: app.temporary.path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: app.temporary.path + "-wal")) { bytes.append(wal) }
        for account in app.accounts {
            #expect(bytes.range(of: Data(account.password.utf8)) == nil)
        }
    }

    @Test("a user changes the own password: the old one stops working, the new one works")
    func changeOwnPassword() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .directeur)
        let account = app.account(.directeur)
        _ = try browser.get("/account")
        let short = try browser.post("/account", [("current", account.password), ("password", "kort"), ("confirm", "kort")])
        #expect(short.status == 422)
        #expect(short.contains("minstens 12 tekens"))
        let ok = try browser.post("/account", [("current", account.password), ("password", "een nieuw lang wachtwoord"), ("confirm", "een nieuw lang wachtwoord")])
        #expect(ok.status == 303)
        let again = app.browser()
        _ = try again.get("/login")
        #expect(try again.post("/login", [("email", account.email), ("password", account.password)]).status == 401)
        #expect(try again.post("/login", [("email", account.email), ("password", "een nieuw lang wachtwoord")]).status == 303)
    }

    @Test("changing the own password ends every other session of that user, and this browser stays logged in")
    func passwordChangeEndsOtherSessions() throws {
        let app = try TestApp()
        let account = app.account(.directeur)
        let here = try app.browser(loggedInAs: .directeur)
        let elsewhere = try app.browser(loggedInAs: .directeur)
        let someoneElse = try app.browser(loggedInAs: .projectleider)
        #expect(try elsewhere.get("/").status == 200)
        _ = try here.get("/account")
        let ok = try here.post("/account", [("current", account.password), ("password", "een nieuw lang wachtwoord"), ("confirm", "een nieuw lang wachtwoord")])
        #expect(ok.status == 303)
        #expect(try here.get("/").status == 200)
        #expect(try elsewhere.get("/").status == 303)
        #expect(try someoneElse.get("/").status == 200)
    }

    @Test("setting a password through a link ends every session of that user")
    func passwordLinkEndsAllSessions() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        let directorID = try #require(try app.database.read { try $0.row("SELECT id FROM users WHERE role = 'directeur'")?.int64(0) })
        _ = try leader.get("/users/\(directorID)")
        let page = try leader.post("/users/\(directorID)/password-link", [])
        let link = try #require(page.text.range(of: "/wachtwoord/").map { String(page.text[$0.lowerBound...].prefix { $0 != "<" && $0 != "\"" }) })
        let stranger = app.browser()
        _ = try stranger.get(link)
        #expect(try stranger.post(link, [("password", "een vers nieuw wachtwoord"), ("confirm", "een vers nieuw wachtwoord")]).status == 303)
        #expect(try director.get("/").status == 303)
        #expect(try leader.get("/").status == 200)
    }
}
