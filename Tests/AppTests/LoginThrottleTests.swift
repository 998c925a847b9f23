import App
import Foundation
import SQLite
import Store
import Synchronization
import Testing
import TestSupport

@Suite("Log-in throttling, behind a reverse proxy and under a burst")
struct LoginThrottleTests {
    /// Posts the log-in form with extra headers (a proxy's X-Forwarded-For).
    static func logIn(_ browser: Browser, email: String, password: String, headers: [(String, String)]) throws -> Page {
        let body = Browser.formEncode([("csrf", browser.csrfToken ?? ""), ("email", email), ("password", password), ("next", "/")])
        return try browser.request("POST", "/login", body: Array(body.utf8),
                                   headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers)
    }

    @Test("20 wrong log-ins at once: exactly 5 have their password checked, 15 are throttled")
    func burst() throws {
        let app = try TestApp()
        let first = app.browser()
        _ = try first.get("/login")
        let email = app.account(.projectleider).email
        let statuses = Mutex<[Int]>([])
        // One thread per request, all released at once (not a pool the size of the machine).
        let group = DispatchGroup(), start = DispatchSemaphore(value: 0)
        let cookies = first.cookies, token = first.csrfToken
        for index in 0..<20 {
            group.enter()
            Thread {
                let browser = app.browser()
                browser.cookies = cookies
                browser.csrfToken = token
                start.wait()
                let status = (try? Self.logIn(browser, email: email, password: "wrong password \(index)", headers: []).status) ?? 0
                statuses.withLock { $0.append(status) }
                group.leave()
            }.start()
        }
        for _ in 0..<20 { start.signal() }
        group.wait()
        let all = statuses.withLock { $0 }
        #expect(all.filter { $0 == 401 }.count == 5)
        #expect(all.filter { $0 == 429 }.count == 15)
        let recorded = try app.database.read { try $0.row("SELECT COUNT(*) FROM login_attempts")?.int(0) }
        #expect(recorded == 5)
    }

    @Test("behind a trusted proxy two clients with different X-Forwarded-For do not throttle each other")
    func trustedProxySeparatesClients() throws {
        let app = try TestApp { $0.trustedProxies = ["127.0.0.1"] }
        let attacker = app.browser(), colleague = app.browser()
        _ = try attacker.get("/login")
        _ = try colleague.get("/login")
        let target = app.account(.projectleider)
        for _ in 0..<5 {
            // A forged entry on the left is the client's own text; the proxy's entry on the right counts.
            let page = try Self.logIn(attacker, email: target.email, password: "wrong password 123",
                                      headers: [("X-Forwarded-For", "198.51.100.9, 203.0.113.7")])
            #expect(page.status == 401)
        }
        #expect(try Self.logIn(attacker, email: "other@example.org", password: "x", headers: [("X-Forwarded-For", "203.0.113.7")]).status == 429)
        // The locked account stays locked for everyone, but trying it does not lock the colleague's address.
        #expect(try Self.logIn(colleague, email: target.email, password: "x", headers: [("X-Forwarded-For", "198.51.100.9")]).status == 429)
        let own = app.account(.ontwikkelgroep)
        let page = try Self.logIn(colleague, email: own.email, password: own.password,
                                  headers: [("X-Forwarded-For", "10.1.2.3, 198.51.100.9, 127.0.0.1")])
        #expect(page.status == 303)
        let addresses = try app.database.read { try $0.rows("SELECT DISTINCT remote_address FROM login_attempts ORDER BY 1").map { try $0.string(0) } }
        #expect(addresses == ["198.51.100.9", "203.0.113.7"])
    }

    @Test("an untrusted peer's X-Forwarded-For is ignored: a new header per attempt does not escape the limit")
    func untrustedForwardedForIgnored() throws {
        let app = try TestApp()
        let browser = app.browser()
        _ = try browser.get("/login")
        for index in 0..<5 {
            let page = try Self.logIn(browser, email: "guess\(index)@example.org", password: "wrong password 123",
                                      headers: [("X-Forwarded-For", "192.0.2.\(index)")])
            #expect(page.status == 401)
        }
        let own = app.account(.ontwikkelgroep)
        #expect(try Self.logIn(browser, email: own.email, password: own.password, headers: [("X-Forwarded-For", "192.0.2.99")]).status == 429)
        let addresses = try app.database.read { try $0.rows("SELECT DISTINCT remote_address FROM login_attempts").map { try $0.string(0) } }
        #expect(addresses == ["127.0.0.1"])
    }
}
