import App
import Domain
import Foundation
import HTTP
import SQLite
import Store
import Synchronization

/// The whole application over a copy of a database that went through the real migrations and
/// holds the demo data (the nine Plus IKCs and one account per role). Browsers call
/// `Application.respond(to:)` in process by default; `socketBrowser()` talks to a real server on
/// an ephemeral port, started on first use, for the tests that are about the wire.
public final class TestApp: @unchecked Sendable {
    public let temporary: TemporaryDatabase
    public let application: Application
    public let accounts: [DemoData.Account]
    public var database: Database { temporary.database }
    private let serverConfiguration: ServerConfiguration
    private let started = Mutex<HTTPServer?>(nil)

    /// The server over real sockets, started the first time it is asked for.
    public var server: HTTPServer {
        get throws {
            try started.withLock { server in
                if let server { return server }
                let new = HTTPServer(configuration: serverConfiguration, responder: application)
                try new.start()
                server = new
                return new
            }
        }
    }

    /// The server's port (starts the server).
    public var port: Int {
        get throws { try server.port }
    }

    /// The date every test app lives on: the demo's history is placed relative to it (plans
    /// 2022-2026: 2024 and before complete, 2025's verantwoording partly waiting for review,
    /// 2026's jaarplan approved for most), so date rules do not drift with the real clock.
    public static let today = Day(year: 2026, month: 11, day: 23) ?? Day(ordinal: 0)

    public static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// - Parameters:
    ///   - seed: start from the demo data (else from the empty, migrated schema).
    ///   - ikcs: how many Plus IKCs the demo has; each count is seeded once per test process.
    public convenience init(seed: Bool = true, ikcs: Int = 9, configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        try self.init(template: seed ? try DatabaseTemplate.seeded(ikcs: ikcs) : try DatabaseTemplate.migrated(), configure: configure)
    }

    /// Over a copy of `template` (e.g. `DatabaseTemplate.amsterdamWest()`, the second programme's demo).
    public init(template: DatabaseTemplate, configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        temporary = try template.copy()
        accounts = template.accounts
        var configuration = AppConfiguration()
        configuration.publicDirectory = TestApp.repositoryRoot + "/Public"
        configuration.today = { TestApp.today }
        configure(&configuration)
        application = Application(store: DataStore(database: temporary.database), configuration: configuration)
        var serverConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0)
        serverConfiguration.accessLog = false
        serverConfiguration.workerCount = 4
        self.serverConfiguration = serverConfiguration
    }

    deinit { started.withLock { $0?.shutdown() } }

    /// The demo account of a role.
    public func account(_ role: Role) -> DemoData.Account {
        accounts.first { $0.role == role } ?? DemoData.Account(role: role, email: "", password: "")
    }

    /// A new browser (own cookie jar) calling the application in process.
    public func browser() -> Browser { Browser(application: application) }

    /// A new browser (own cookie jar) talking to the server over real sockets (starts it).
    public func socketBrowser() throws -> Browser { Browser(port: try port) }

    /// A browser logged in as the demo account of `role`, in process or over real sockets.
    ///
    /// The session is minted straight into the database, as a successful log-in would leave it:
    /// checking the password would cost a yescrypt hash (~0.1 s) per browser, and the log-in
    /// itself is tested through the real form (`Browser.logIn`) in the authentication tests.
    public func browser(loggedInAs role: Role, overSockets: Bool = false) throws -> Browser {
        let browser = overSockets ? try socketBrowser() : browser()
        let email = account(role).email
        let token = Self.randomToken(), csrf = Self.randomToken()
        try database.write { c in
            guard let userID = try c.row("SELECT id FROM users WHERE email = \(email) AND active = 1")?.int64(0) else {
                throw RawHTTPClient.Failure("no active demo account for \(role)")
            }
            try Sessions.create(tokenHash: Digest.sha256Hex(token), userID: userID, csrfToken: csrf,
                                remoteAddress: "127.0.0.1", now: Int64(Date().timeIntervalSince1970), c)
        }
        browser.cookies["plusikc_session"] = token
        try browser.get("/")
        return browser
    }

    /// 32 random bytes as 64 hex digits, like the application's tokens.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}

/// One answer as a test sees it.
public struct Page: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    public var location: String? { header("Location") }

    /// The CSRF token in the page's first form, if any.
    public var csrfToken: String? { Page.value(of: "csrf", in: body) }

    /// The value attribute of the first input named `name`.
    public static func value(of name: String, in html: String) -> String? {
        value(of: name, in: Array(html.utf8))
    }

    /// The value attribute of the first input named `name`, found in the page's bytes.
    public static func value(of name: String, in html: [UInt8]) -> String? {
        let prefix = Array("name=\"\(name)\" value=\"".utf8)
        guard let start = TextSearch.offset(of: prefix, in: html) else { return nil }
        let valueStart = start + prefix.count
        guard let end = html[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: html[valueStart..<end], as: UTF8.self)
    }

    public func contains(_ text: String) -> Bool { TextSearch.contains(text, in: body) }
}

/// A minimal browser: a cookie jar and form posts with the page's CSRF token. It either calls
/// the application in process (a `Request` built as the server would build it) or talks over
/// real sockets (a new connection per request, `Connection: close`).
public final class Browser: @unchecked Sendable {
    public enum Transport {
        /// `Application` called directly: what the event loop and a worker would do, no socket.
        case inProcess(Application)
        /// A real TCP connection to a server on this port.
        case socket(port: Int)
    }

    public let transport: Transport
    public var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had a form.
    public var csrfToken: String?
    /// The Host header to send (the server's own address unless a test says otherwise).
    public var host: String?

    public init(port: Int) { transport = .socket(port: port) }
    public init(application: Application) { transport = .inProcess(application) }

    public enum CSRF {
        case fromLastPage
        case none
        case value(String)
    }

    @discardableResult
    public func get(_ path: String, headers extra: [(String, String)] = []) throws -> Page {
        try request("GET", path, body: [], headers: extra)
    }

    @discardableResult
    public func post(_ path: String, _ fields: [(String, String)], csrf: CSRF = .fromLastPage) throws -> Page {
        var all = fields
        switch csrf {
        case .fromLastPage: if let token = csrfToken { all.insert(("csrf", token), at: 0) }
        case .none: break
        case .value(let token): all.insert(("csrf", token), at: 0)
        }
        let body = Browser.formEncode(all)
        return try request("POST", path, body: Array(body.utf8), headers: [("Content-Type", "application/x-www-form-urlencoded")])
    }

    /// Sends a request with any body and content type (multipart uploads, CSV files).
    @discardableResult
    public func request(_ method: String, _ path: String, body: [UInt8], headers extra: [(String, String)]) throws -> Page {
        var fields: [(String, String)] = []
        if !cookies.isEmpty {
            fields.append(("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")))
        }
        fields += extra
        if method == "POST" || !body.isEmpty { fields.append(("Content-Length", "\(body.count)")) }
        let page: Page
        switch transport {
        case .inProcess(let application):
            page = Browser.respond(application, method: method, target: path, host: host ?? "127.0.0.1", fields: fields, body: body)
        case .socket(let port):
            var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
            for (name, value) in fields { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            let client = try RawHTTPClient(port: port, timeout: 10)
            try client.send(Array(head.utf8) + body)
            let raw = try client.readResponse(head: method == "HEAD")
            page = Page(status: raw.status, headers: raw.headers, body: raw.body)
        }
        for cookie in page.headers("Set-Cookie") { remember(cookie) }
        if let token = page.csrfToken { csrfToken = token }
        return page
    }

    /// What the server does with a parsed request, minus the socket: the body limit (413), the
    /// event-loop fast path (health, static files), else `respond(to:)`; no body for HEAD.
    static func respond(_ application: Application, method: String, target: String, host: String, fields: [(String, String)], body: [UInt8]) -> Page {
        let httpMethod = HTTPMethod(rawValue: method) ?? .GET
        let request = Request(method: httpMethod, target: target, headers: HTTPHeaders([("Host", host)] + fields),
                              body: body, remoteAddress: "127.0.0.1")
        let response: Response
        let limit = application.bodyLimit(method: httpMethod, path: request.path)
        if limit >= 0, body.count > limit {
            response = .error(413)
        } else {
            response = application.respondOnEventLoop(to: request) ?? application.respond(to: request)
        }
        return Page(status: response.status, headers: response.headers.fields, body: httpMethod == .HEAD ? [] : response.body)
    }

    func remember(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let equals = first.firstIndex(of: "=") else { return }
        let name = String(first[..<equals]), value = String(first[first.index(after: equals)...])
        let expired = parts.contains { $0.lowercased() == "max-age=0" }
        if expired || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
    }

    /// Logs in through the real form; throws when it does not end in a redirect.
    public func logIn(email: String, password: String) throws {
        try get("/login")
        let page = try post("/login", [("email", email), ("password", password), ("next", "/")])
        guard page.status == 303 else { throw RawHTTPClient.Failure("log-in failed with status \(page.status)") }
        try get("/")
    }

    public static func formEncode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }
}

extension Page: CustomStringConvertible {
    /// Short, so that a failed expectation does not print the whole body as bytes.
    public var description: String {
        "Page(\(status), location: \(location ?? "-"), body: \(text.count) chars: \(text.prefix(120))…)"
    }
}
