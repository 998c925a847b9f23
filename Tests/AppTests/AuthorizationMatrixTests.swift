import App
import Domain
import Foundation
import Store
import Testing
import TestSupport

/// The whole authorisation matrix over real HTTP: every role × every route × GET/POST.
/// `allowed` means 200 for a GET; for a POST (with a valid CSRF token but an empty or incomplete
/// form) anything but 403, and for a denied one exactly 403 with nothing written.
/// The demo director leads IKC 1; IKC 2 is somebody else's. Extend this table with every new route.
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    enum Expect: CustomStringConvertible {
        case ok          // GET: 200
        case allowed     // POST: not 403
        case denied      // 403
        case redirect    // 303

        var description: String {
            switch self {
            case .ok: "200"
            case .allowed: "not 403"
            case .denied: "403"
            case .redirect: "303"
            }
        }
    }

    struct Row: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var projectleider: Expect
        var ontwikkelgroep: Expect
        var directeur: Expect
        /// The demo partner of Proloog (the koepel of IKCs 1–5, agreements 1–5): denied unless a row says otherwise.
        var partner: Expect = .denied
        var description: String { "\(method) \(path)" }

        func expected(_ role: Role) -> Expect {
            switch role {
            case .projectleider: projectleider
            case .ontwikkelgroep: ontwikkelgroep
            case .directeur: directeur
            case .partner: partner
            }
        }
    }

    static let coreRows: [Row] = [
        Row(method: "GET", path: "/", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/account", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "POST", path: "/account", projectleider: .allowed, ontwikkelgroep: .allowed, directeur: .allowed, partner: .allowed),
        Row(method: "GET", path: "/toegankelijkheid", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/login", projectleider: .redirect, ontwikkelgroep: .redirect, directeur: .redirect, partner: .redirect),
        Row(method: "GET", path: "/users", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/users/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/users/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/users/2", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/users/2", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/users/2/password-link", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/audit", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/account/tweestaps", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "POST", path: "/account/tweestaps", projectleider: .allowed, ontwikkelgroep: .allowed, directeur: .allowed, partner: .allowed),
        Row(method: "GET", path: "/login/code", projectleider: .redirect, ontwikkelgroep: .redirect, directeur: .redirect, partner: .redirect),
        Row(method: "POST", path: "/users/2/tweestaps", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
    ]

    /// Each feature adds its rows in Matrix/<Feature>MatrixRows.swift.
    static var rows: [Row] { coreRows + registryRows + agreementRows + fundingRows + planRows + reportRows + programmeRows + indicatorRows }

    @Test("every role gets exactly what the rules allow on every route", arguments: [Role.projectleider, .ontwikkelgroep, .directeur, .partner])
    func matrix(role: Role) throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: role)
        for row in Self.rows {
            try check(row, role: role, app: app, browser: browser)
        }
    }

    /// Sends one row's request as `role` and checks the outcome.
    func check(_ row: Row, role: Role, app: TestApp, browser: Browser) throws {
        let before = try auditCount(app)
        let page: Page
        if row.method == "GET" {
            page = try browser.get(row.path)
        } else {
            _ = try browser.get("/account")  // a fresh page with this session's token
            page = try browser.post(row.path, [])
        }
        let expected = row.expected(role)
        switch expected {
        case .ok: #expect(page.status == 200, "\(role) \(row): got \(page.status), expected 200")
        case .allowed: #expect(page.status != 403, "\(role) \(row): got 403, expected \(expected)")
        case .redirect: #expect(page.status == 303, "\(role) \(row): got \(page.status), expected 303")
        case .denied:
            #expect(page.status == 403, "\(role) \(row): got \(page.status), expected 403")
            #expect(page.contains("Geen toegang"), "\(role) \(row): the 403 page is the Dutch one")
            #expect(try auditCount(app) == before, "\(role) \(row): a denied request wrote to the audit log")
        }
    }

    @Test("without a session every route but the public ones redirects a GET to log-in and refuses a POST")
    func anonymous() throws {
        let app = try TestApp()
        let browser = app.browser()
        for row in Self.rows where row.path != "/login" && row.path != "/login/code" && row.path != "/toegankelijkheid" {
            let page = row.method == "GET" ? try browser.get(row.path) : try browser.post(row.path, [], csrf: .value("x"))
            if row.method == "GET" {
                #expect(page.status == 303, "\(row)")
                #expect(page.location?.hasPrefix("/login?next=") == true, "\(row)")
            } else {
                #expect(page.status == 403, "\(row)")
            }
        }
        #expect(try browser.get("/login/code").location == "/login")  // the code step needs the password step
        #expect(try browser.get("/toegankelijkheid").status == 200)
        #expect(try browser.get("/health").text == "ok")
    }

    func auditCount(_ app: TestApp) throws -> Int {
        try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) ?? 0 }
    }
}
