import App
import Domain
import Foundation
import OTP
import SQLite
import Store
import Testing
import TestSupport

/// A clock the test moves: the two-factor log-in reads it through `AppConfiguration.now`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64
    init() { value = Timestamp.unixNow() / 30 * 30 + 5 }  // 5 s into a step: no step boundary mid-test
    var now: Int64 { lock.withLock { value } }
    func advance(_ seconds: Int64) { lock.withLock { value += seconds } }
}

/// What a test keeps of an enrolment: the secret as the page showed it and the recovery codes.
struct Enrolment {
    var totp: TOTP
    var secret: String
    var recoveryCodes: [String]
}

@Suite("Two-factor log-in")
struct TwoFactorTests {
    static func app(_ clock: TestClock) throws -> TestApp {
        try TestApp { $0.now = { clock.now } }
    }

    /// Enrols the browser's user through the pages, computing the first code from the shown secret.
    static func enrol(_ browser: Browser, clock: TestClock) throws -> Enrolment {
        let form = try browser.get("/account/tweestaps")
        #expect(form.status == 200)
        #expect(form.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="))
        let secret = try #require(Page.value(of: "secret", in: form.text))
        let totp = TOTP(secret: try #require(Base32.decode(secret)))
        let done = try browser.post("/account/tweestaps", [("secret", secret), ("code", totp.code(at: clock.now))])
        #expect(done.status == 200)
        let codes = done.text.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
        #expect(codes.count == 10)
        return Enrolment(totp: totp, secret: secret, recoveryCodes: codes)
    }

    /// The password step; returns its answer.
    static func password(_ browser: Browser, _ account: DemoData.Account) throws -> Page {
        try browser.get("/login")
        return try browser.post("/login", [("email", account.email), ("password", account.password), ("next", "/ikcs")])
    }

    static func count(_ app: TestApp, _ table: String) throws -> Int {
        switch table {
        case "sessions": return try app.database.read { try $0.row("SELECT COUNT(*) FROM sessions")?.int(0) ?? 0 }
        case "pending_logins": return try app.database.read { try $0.row("SELECT COUNT(*) FROM pending_logins")?.int(0) ?? 0 }
        default: return try app.database.read { try $0.row("SELECT COUNT(*) FROM login_attempts")?.int(0) ?? 0 }
        }
    }

    @Test("enrol, log out, and log in again with the password and a code computed from the shown secret")
    func enrolAndLogIn() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let account = app.account(.projectleider)
        let browser = try app.browser(loggedInAs: .projectleider)
        let enrolment = try Self.enrol(browser, clock: clock)
        try browser.get("/account")
        try browser.post("/logout", [])

        let first = try Self.password(browser, account)
        #expect(first.status == 303)
        #expect(first.location == "/login/code")
        #expect(browser.cookies["plusikc_session"] == nil)
        #expect(try browser.get("/ikcs").status == 303)  // a password alone opens nothing
        #expect(try browser.get("/login/code").status == 200)

        clock.advance(30)  // the enrolment used this step's code
        let done = try browser.post("/login/code", [("code", enrolment.totp.code(at: clock.now))])
        #expect(done.status == 303)
        #expect(done.location == "/ikcs")
        #expect(browser.cookies["plusikc_session"] != nil)
        #expect(browser.cookies["plusikc_pending"] == nil)
        #expect(try browser.get("/ikcs").status == 200)
        #expect(try Self.count(app, "pending_logins") == 0)
    }

    @Test("the code of the enrolment, or one used at log-in, is refused a second time; the previous step's code is accepted")
    func replayAndDrift() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let account = app.account(.directeur)
        let browser = try app.browser(loggedInAs: .directeur)
        let enrolment = try Self.enrol(browser, clock: clock)
        try browser.get("/account")
        try browser.post("/logout", [])

        _ = try Self.password(browser, account)
        let reused = try browser.post("/login/code", [("code", enrolment.totp.code(at: clock.now))])
        #expect(reused.status == 401)
        #expect(reused.contains("klopt niet of is al gebruikt"))
        clock.advance(60)
        // One step behind the server's clock (a slow phone) is accepted.
        let late = try browser.post("/login/code", [("code", enrolment.totp.code(at: clock.now - 30))])
        #expect(late.status == 303)
        try browser.get("/account")
        try browser.post("/logout", [])

        _ = try Self.password(browser, account)
        let again = try browser.post("/login/code", [("code", enrolment.totp.code(at: clock.now - 30))])
        #expect(again.status == 401)
        #expect(browser.cookies["plusikc_session"] == nil)
        // Two steps off is refused.
        let far = try browser.post("/login/code", [("code", enrolment.totp.code(at: clock.now + 60))])
        #expect(far.status == 401)
    }

    @Test("a recovery code logs in once")
    func recoveryCodeOnce() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let account = app.account(.projectleider)
        let browser = try app.browser(loggedInAs: .projectleider)
        let enrolment = try Self.enrol(browser, clock: clock)
        let code = try #require(enrolment.recoveryCodes.first)
        try browser.get("/account")
        try browser.post("/logout", [])

        _ = try Self.password(browser, account)
        let first = try browser.post("/login/code", [("code", ""), ("recovery", code.uppercased())])
        #expect(first.status == 303)
        try browser.get("/account")
        try browser.post("/logout", [])

        _ = try Self.password(browser, account)
        let second = try browser.post("/login/code", [("code", ""), ("recovery", code)])
        #expect(second.status == 401)
        #expect(second.contains("herstelcode klopt niet of is al gebruikt"))
        let stored = try app.database.read { try $0.rows("SELECT code_hash FROM two_factor_recovery_codes").map { try $0.string(0) } }
        #expect(stored.count == 10)
        #expect(!stored.contains { enrolment.recoveryCodes.contains($0) || $0.contains(RecoveryCode.normalised(code)) })
    }

    @Test("codes of 5 or 7 digits and letters are refused, and nothing is created")
    func badInput() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let account = app.account(.projectleider)
        let browser = try app.browser(loggedInAs: .projectleider)
        let enrolment = try Self.enrol(browser, clock: clock)
        try browser.get("/account")
        try browser.post("/logout", [])
        let sessions = try Self.count(app, "sessions")

        _ = try Self.password(browser, account)
        clock.advance(30)
        let right = enrolment.totp.code(at: clock.now)
        for bad in [String(right.prefix(5)), right + "1", "abcdef", "12345a"] {
            let page = try browser.post("/login/code", [("code", bad)])
            #expect(page.status == 422, "\(bad)")
            #expect(page.contains("zes cijfers"))
        }
        #expect(browser.cookies["plusikc_session"] == nil)
        #expect(try Self.count(app, "sessions") == sessions)
    }

    @Test("the code step expires five minutes after the password step")
    func expiry() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let account = app.account(.projectleider)
        let browser = try app.browser(loggedInAs: .projectleider)
        let enrolment = try Self.enrol(browser, clock: clock)
        try browser.get("/account")
        try browser.post("/logout", [])

        _ = try Self.password(browser, account)
        clock.advance(5 * 60)
        let late = try browser.post("/login/code", [("code", enrolment.totp.code(at: clock.now))])
        #expect(late.status == 401)
        #expect(late.contains("Uw inlogpoging is verlopen"))
        #expect(browser.cookies["plusikc_session"] == nil)
        #expect(try browser.get("/login/code").location == "/login")
    }

    @Test("a forged post to the code step without the password step is refused and creates nothing")
    func forgedCodeStep() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let browser = app.browser()
        try browser.get("/login")
        let before = (try Self.count(app, "sessions"), try Self.count(app, "login_attempts"))
        let forged = try browser.post("/login/code", [("code", "123456")])
        #expect(forged.status == 401)
        browser.cookies["plusikc_pending"] = "made-up-pending-id"
        let guessed = try browser.post("/login/code", [("code", "123456")])
        #expect(guessed.status == 401)
        #expect(browser.cookies["plusikc_session"] == nil)
        #expect(try Self.count(app, "sessions") == before.0)
        #expect(try Self.count(app, "login_attempts") == before.1)
        #expect(try Self.count(app, "pending_logins") == 0)
        // Without the CSRF cookie's token the post does not even reach the step.
        #expect(try app.browser().post("/login/code", [("code", "123456")], csrf: .value("x")).status == 403)
    }

    @Test("five wrong codes throttle the code step and the password step")
    func throttle() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let account = app.account(.projectleider)
        let browser = try app.browser(loggedInAs: .projectleider)
        let enrolment = try Self.enrol(browser, clock: clock)
        try browser.get("/account")
        try browser.post("/logout", [])

        _ = try Self.password(browser, account)
        clock.advance(30)
        let right = enrolment.totp.code(at: clock.now)
        let wrong = right == "000000" ? "111111" : "000000"
        for _ in 0..<5 { #expect(try browser.post("/login/code", [("code", wrong)]).status == 401) }
        let blocked = try browser.post("/login/code", [("code", right)])
        #expect(blocked.status == 429)
        #expect(blocked.header("Retry-After") != nil)
        #expect(browser.cookies["plusikc_session"] == nil)
        let password = try Self.password(app.browser(), account)
        #expect(password.status == 429)
    }

    @Test("a role that requires a second factor reaches only the enrolment page until it has one")
    func requiredRoleEnrolsFirst() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        try TwoFactor.setRequired(role: "projectleider", required: true, by: nil, in: app.application.store)
        let browser = try app.browser(loggedInAs: .projectleider)
        for row in AuthorizationMatrixTests.rows where row.path != "/account/tweestaps" && !row.path.hasPrefix("/login") && row.path != "/toegankelijkheid" {
            let before = try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) ?? 0 }
            if row.method == "GET" {
                let page = try browser.get(row.path)
                #expect(page.status == 303 && page.location == "/account/tweestaps", "\(row): \(page.status) \(page.location ?? "-")")
            } else {
                try browser.get("/account/tweestaps")
                let page = try browser.post(row.path, [])
                #expect(page.status == 303 && page.location == "/account/tweestaps", "\(row): \(page.status)")
                #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) ?? 0 } == before, "\(row)")
            }
        }
        let page = try browser.get("/account/tweestaps")
        #expect(page.contains("Voor uw rol is tweestapsverificatie verplicht"))
        _ = try Self.enrol(browser, clock: clock)
        #expect(try browser.get("/ikcs").status == 200)
        // The other roles are not held up.
        #expect(try app.browser(loggedInAs: .directeur).get("/").status == 200)
    }

    @Test("a project leader resets another user's second factor: audited, sessions ended, and no page shows a secret")
    func resetByProjectLeader() throws {
        let clock = TestClock()
        let app = try Self.app(clock)
        let director = app.account(.directeur)
        let directorBrowser = try app.browser(loggedInAs: .directeur)
        let enrolment = try Self.enrol(directorBrowser, clock: clock)
        #expect(!(try directorBrowser.get("/account/tweestaps")).contains(enrolment.secret))
        let directorID = try #require(try app.database.read { try $0.row("SELECT id FROM users WHERE email = \(director.email)")?.int64(0) })

        let leader = try app.browser(loggedInAs: .projectleider)
        for path in ["/users/\(directorID)", "/audit", "/users"] {
            #expect(!(try leader.get(path)).contains(enrolment.secret), "\(path)")
        }
        try leader.get("/users/\(directorID)")
        let reset = try leader.post("/users/\(directorID)/tweestaps", [])
        #expect(reset.status == 303)
        let audit = try app.database.read { try $0.row("SELECT summary FROM audit_log WHERE action = 'two-factor-reset' AND record_id = \(directorID)")?.string(0) }
        #expect(audit == "Tweestapsverificatie van Dieuwke Postma opnieuw ingesteld")
        #expect(try directorBrowser.get("/").status == 303)  // the director's session ended
        let again = try Self.password(app.browser(), director)
        #expect(again.location == "/ikcs")  // no second step any more
        // Nobody resets their own factor from a session.
        let leaderID = try #require(try app.database.read { try $0.row("SELECT id FROM users WHERE role = 'projectleider'")?.int64(0) })
        #expect(try leader.post("/users/\(leaderID)/tweestaps", []).status == 409)
    }
}
