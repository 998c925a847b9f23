import App
import Domain
import Foundation
import HTTP
import SQLite
import Store

/// The whole application on an ephemeral port over a temporary database that went through the
/// real migrations and holds the demo data (the nine Plus IKCs and one account per role).
public final class TestApp: @unchecked Sendable {
    public let temporary: TemporaryDatabase
    public let application: Application
    public let server: HTTPServer
    public let accounts: [DemoData.Account]
    public var database: Database { temporary.database }
    public var port: Int { server.port }

    /// The date every test app lives on: the demo's data (plans 2022-2025, deadlines on 1 October
    /// after each school year) is written for it, so date rules do not drift with the real clock.
    public static let today = Day(year: 2026, month: 11, day: 23) ?? Day(ordinal: 0)

    public static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    public init(seed: Bool = true, ikcs: Int = 9, configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        temporary = try TemporaryDatabase()
        accounts = seed ? try DemoData.seed(temporary.database, ikcs: ikcs, hashPassword: PasswordHasher.hash) : []
        var configuration = AppConfiguration()
        configuration.publicDirectory = TestApp.repositoryRoot + "/Public"
        configuration.today = { TestApp.today }
        configure(&configuration)
        application = Application(store: DataStore(database: temporary.database), configuration: configuration)
        var serverConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0)
        serverConfiguration.accessLog = false
        serverConfiguration.workerCount = 4
        server = HTTPServer(configuration: serverConfiguration, responder: application)
        try server.start()
    }

    deinit { server.shutdown() }

    /// The demo account of a role.
    public func account(_ role: Role) -> DemoData.Account {
        accounts.first { $0.role == role } ?? DemoData.Account(role: role, email: "", password: "")
    }

    /// A new browser (own cookie jar) talking to this server over real sockets.
    public func browser() -> Browser { Browser(port: port) }

    /// A browser logged in as the demo account of `role`.
    public func browser(loggedInAs role: Role) throws -> Browser {
        let browser = browser()
        let account = account(role)
        try browser.logIn(email: account.email, password: account.password)
        return browser
    }
}

/// One answer as a test sees it.
public struct Page: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    public var location: String? { header("Location") }

    /// The CSRF token in the page's first form, if any.
    public var csrfToken: String? { Page.value(of: "csrf", in: text) }

    /// The value attribute of the first input named `name`.
    public static func value(of name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    public func contains(_ text: String) -> Bool { self.text.contains(text) }
}

/// A minimal browser: a cookie jar and form posts with the page's CSRF token, over real sockets
/// (a new connection per request, `Connection: close`).
public final class Browser: @unchecked Sendable {
    public let port: Int
    public var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had a form.
    public var csrfToken: String?
    /// The Host header to send (the server's own address unless a test says otherwise).
    public var host: String?

    public init(port: Int) { self.port = port }

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
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        if !cookies.isEmpty {
            head += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n"
        }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        if method == "POST" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let client = try RawHTTPClient(port: port, timeout: 10)
        try client.send(Array(head.utf8) + body)
        let raw = try client.readResponse(head: method == "HEAD")
        let page = Page(status: raw.status, headers: raw.headers, body: raw.body)
        for cookie in page.headers("Set-Cookie") { remember(cookie) }
        if let token = page.csrfToken { csrfToken = token }
        return page
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
