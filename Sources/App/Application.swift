import Domain
import Foundation
import HTTP
import Markup
import Store
import Views

/// Settings of the application (the server's own are in `ServerConfiguration`).
public struct AppConfiguration: Sendable {
    /// The folder served under /static/.
    public var publicDirectory = "Public"
    /// Set `Secure` on cookies: when the site is served over HTTPS behind a reverse proxy.
    public var secureCookies = false
    /// A session ends after this long without a request ...
    public var sessionIdleSeconds: Int64 = 8 * 3600
    /// ... and in any case this long after log-in.
    public var sessionAbsoluteSeconds: Int64 = 12 * 3600
    /// Failed log-ins per e-mail or per client address within the window before attempts wait.
    public var loginFailureLimit = 5
    public var loginWindowSeconds: Int64 = 15 * 60
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client (see `ClientAddress`).
    public var trustedProxies: Set<String> = []
    /// The site's address for absolute links (`PublicURL.validated`), never taken from a request.
    public var publicURL = "http://127.0.0.1:8080"
    /// Today's date for due dates, deadlines and reminders: the system clock (UTC) unless a
    /// test fixes it, so that date rules are tested on the dates they are about.
    public var today: @Sendable () -> Day = { Day(ordinal: Int(Timestamp.unixNow() / 86_400)) }
    /// The clock of the two-factor log-in (unix seconds): code steps and the five-minute pending log-in.
    public var now: @Sendable () -> Int64 = { Timestamp.unixNow() }
    /// The From of every message (`--mail-from`): "Name <address>" or an address.
    public var mailFrom = "Plus IKC <plusikc@localhost>"

    public init() {}
}

/// The whole application above the socket: one function from a request to a response
/// (`respond(to:)`), so most tests need no network.
public final class Application: HTTPResponder {
    public let store: DataStore
    public let configuration: AppConfiguration
    let staticFiles: StaticFiles
    /// Wakes the mail sender when a verb has just written to the outbox.
    public let mailSignal = MailSignal()

    static let sessionCookie = "plusikc_session"
    static let loginCSRFCookie = "plusikc_csrf"

    public init(store: DataStore, configuration: AppConfiguration = AppConfiguration()) {
        self.store = store
        self.configuration = configuration
        self.staticFiles = StaticFiles(root: configuration.publicDirectory, urlPrefix: "/static/",
                                       headers: Application.securityHeaders)
    }

    // MARK: - The event-loop fast path: health and static files never wait for a worker.

    public func respondOnEventLoop(to request: Request) -> Response? {
        if request.path == "/health" {
            guard request.method == .GET || request.method == .HEAD else { return nil }
            // The healthy answer is built once: the busiest path of a load balancer's checks.
            if store.storageFailure == nil { return Application.healthy }
            var response = healthResponse()
            Application.addSecurityHeaders(&response)
            return response
        }
        // The files' answers carry the security headers already, serialized once.
        if request.path.hasPrefix("/static/"), let response = staticFiles.response(for: request) {
            return response
        }
        return nil
    }

    public func bodyLimit(method: HTTPMethod, path: String) -> Int {
        // The signed PDF of an agreement (up to 10 MB) plus the multipart framing.
        if method == .POST, path.hasPrefix("/agreements/"), path.hasSuffix("/upload") { return 11 * 1024 * 1024 }
        return 1024 * 1024
    }

    // MARK: - Everything else, on a worker thread.

    public func respond(to request: Request) -> Response {
        var context = Context(request: request)
        var response: Response
        do {
            response = try handle(request, &context)
        } catch {
            response = errorResponse(error, context: context)
        }
        Application.addSecurityHeaders(&response)
        if response.headers["Cache-Control"] == nil {
            response.headers.set("Cache-Control", "no-store")
        }
        return response
    }

    /// /health while writes succeed: 200 "ok" with its headers, made and serialized once.
    static let healthy: Response = {
        var response = Response.text("ok")
        response.headers.set("Cache-Control", "no-store")
        addSecurityHeaders(&response)
        response.prepare()
        return response
    }()

    /// The security headers of every response, in one place.
    static let securityHeaders: HTTPHeaders = [
        "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
    ]

    static func addSecurityHeaders(_ response: inout Response) {
        for field in securityHeaders {
            // A share-link page sets its own, stricter policy (no-referrer).
            if field.name == "Referrer-Policy" && response.headers["Referrer-Policy"] != nil { continue }
            response.headers.set(field.name, field.value)
        }
    }

    func handle(_ request: Request, _ context: inout Context) throws -> Response {
        guard let route = Route(path: request.path) else { throw AppError.notFound }
        guard route.methods.contains(request.method.rawValue) else { throw AppError.methodNotAllowed(allowed: route.methods) }
        let verb: Verb = request.method == .POST ? .save : .show

        try loadSession(request, &context)

        // Public pages: the log-in flow, health, the accessibility statement, a report's share link.
        switch route {
        case .health:
            return healthResponse()
        case .accessibility:
            return page(AccessibilityPage.render(context: context.page))
        case .session(.login):
            try checkAnonymousCSRF(request, &context, verb)
            switch verb {
            case .show: return showLogin(request, context)
            case .save: return try saveLogin(request, context)
            }
        case .session(.setPassword(let token)):
            try checkAnonymousCSRF(request, &context, verb)
            switch verb {
            case .show: return try showSetPassword(token: token, context)
            case .save: return try saveSetPassword(token: token, request, context)
            }
        case .twoFactor(.code):
            try checkAnonymousCSRF(request, &context, verb)
            return try TwoFactorLogin(app: self, context: context).respond(verb)
        case .reports(.shared(let token)):
            return try ReportsHandler.showShared(app: self, token: token)
        case .reports(.sharedCSV(let token, let table)):
            return try ReportsHandler.showSharedCSV(app: self, token: token, table: table)
        default:
            break
        }

        guard let principal = context.principal, let session = context.session else {
            if verb == .save { throw AppError.forbidden }
            return Response.redirect(to: Route.login.path + "?next=" + percentEncode(request.target))
        }
        var request = request
        if verb == .save {
            // Parsed once: the CSRF check and the handler read the same values.
            request.keepForm()
            // File uploads (multipart/form-data) carry the token as a part of their own.
            let sent = request.formValues()["csrf"] ?? request.multipartParts()?.first(where: { $0.name == "csrf" })?.text ?? ""
            guard Tokens.constantTimeEquals(sent, session.csrfToken) else { throw AppError.forbidden }
        }
        if route == .logout { return try saveLogout(context) }
        if context.mustChangePassword && route != .account {
            return Response.redirect(to: Route.account.path)
        }
        if let enrolFirst = twoFactorGate(route, context) { return enrolFirst }
        if let (action, record) = route.requirement(isPost: verb == .save) {
            guard Authorization.allows(principal, action, record) else { throw AppError.forbidden }
        }
        let user = SignedIn(request: request, principal: principal, page: context.page, session: session)

        switch route {
        case .home: return try HomeHandler(app: self, user: user).respond(verb)
        case .session(.account): return try AccountHandler(app: self, user: user).respond(verb)
        case .users(let r): return try UsersHandler(app: self, user: user).respond(r, verb)
        case .audit(let r): return try AuditHandler(app: self, user: user).respond(r, verb)
        case .ikcs(let r): return try IKCsHandler(app: self, user: user).respond(r, verb)
        case .organisations(let r): return try OrganisationsHandler(app: self, user: user).respond(r, verb)
        case .areas(let r): return try AreasHandler(app: self, user: user).respond(r, verb)
        case .agreements(let r): return try AgreementsHandler(app: self, user: user).respond(r, verb)
        case .funding(let r): return try FundingHandler(app: self, user: user).respond(r, verb)
        case .plans(let r): return try PlansHandler(app: self, user: user).respond(r, verb)
        case .reports(let r): return try ReportsHandler(app: self, user: user).respond(r, verb)
        case .twoFactor(let r): return try TwoFactorHandler(app: self, user: user).respond(r, verb)
        case .mail(let r): return try MailHandler(app: self, user: user).respond(r, verb)
        case .programme(let r): return try ProgrammeHandler(app: self, user: user).respond(r, verb)
        case .indicators(let r): return try IndicatorsHandler(app: self, user: user).respond(r, verb)
        case .health, .accessibility, .session(.login), .session(.logout), .session(.setPassword):
            throw AppError.notFound
        }
    }

    // MARK: - Responses

    func page(_ html: HTML, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: html.bytes)
    }

    func errorResponse(_ error: Error, context: Context) -> Response {
        switch error {
        case let error as AppError:
            switch error {
            case .notFound: return page(ErrorPages.page(status: 404, context: context.page), status: 404)
            case .forbidden: return page(ErrorPages.page(status: 403, context: context.page), status: 403)
            case .badRequest(let detail): return page(ErrorPages.page(status: 400, context: context.page, detail: detail), status: 400)
            case .conflict(let detail): return page(ErrorPages.page(status: 409, context: context.page, detail: detail), status: 409)
            case .notEditable(let detail):
                return page(ErrorPages.page(status: 409, context: context.page, detail: detail, title: "Alleen te lezen",
                                            text: "Dit gegeven kan in deze fase niet worden gewijzigd. Er is niets opgeslagen."), status: 409)
            case .methodNotAllowed(let allowed):
                var response = page(ErrorPages.page(status: 405, context: context.page), status: 405)
                response.headers.set("Allow", allowed.joined(separator: ", "))
                return response
            }
        case StoreError.notFound:
            return page(ErrorPages.page(status: 404, context: context.page), status: 404)
        case let error as StorageFailure:
            return storageFailureResponse(error, context)
        case let StoreError.staleVersion(record, id, _, _):
            return page(ErrorPages.page(status: 409, context: context.page, detail: "Open het gegeven (\(record) \(id)) opnieuw om de nieuwste versie te zien."), status: 409)
        default:
            Application.log("error: \(context.request.method.rawValue) \(context.request.path): \(error)")
            return page(ErrorPages.page(status: 500, context: context.page), status: 500)
        }
    }

    static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// An absolute link to `path` on this site, from the configured public URL.
    func absoluteURL(_ path: String) -> String {
        (configuration.publicURL.hasSuffix("/") ? String(configuration.publicURL.dropLast()) : configuration.publicURL) + path
    }

    func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }
}

/// What the handlers know about the request beyond the request itself.
struct Context {
    var request: Request
    var session: SessionInfo?
    var principal: Principal?
    var mustChangePassword = false
    /// The role requires a second factor the user has not set up (read with the session).
    var mustEnrolTwoFactor = false
    var page: PageContext

    struct SessionInfo {
        var tokenHash: String
        var csrfToken: String
    }

    init(request: Request) {
        self.request = request
        self.page = PageContext(principal: nil, csrfToken: "")
    }
}
