import Domain

/// The site map: every URL of the application is a case here, parsed from and printed to a path
/// by one definition, and dispatched by an exhaustive `switch` in App. Each feature has its own
/// route enum (Routes/) so that its URLs, methods and permissions sit together.
public enum Route: Sendable, Equatable, Hashable {
    case home
    case login
    case logout
    case health
    case account
    case setPassword(token: String)
    case accessibility
    case users
    case userNew
    case user(Int64)
    /// A new one-time set-password link for an existing account (a forgotten password).
    case userPasswordLink(Int64)
    case auditLog

    case registry(RegistryRoute)
    case agreements(AgreementRoute)
    case funding(FundingRoute)
    case plans(PlanRoute)
    case reports(ReportRoute)

    /// The methods a route answers; anything else on a known path is 405 with `Allow`.
    public var methods: [String] {
        switch self {
        case .health, .home, .accessibility, .auditLog, .users:
            return ["GET", "HEAD"]
        case .logout, .userPasswordLink:
            return ["POST"]
        case .login, .account, .setPassword, .userNew, .user:
            return ["GET", "HEAD", "POST"]
        case .registry(let r): return r.methods
        case .agreements(let r): return r.methods
        case .funding(let r): return r.methods
        case .plans(let r): return r.methods
        case .reports(let r): return r.methods
        }
    }

    /// The (action, record kind) a request on this route needs, asked of `Authorization` before
    /// any handler runs; nil for public routes. Handlers check ownership of loaded records.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        let action: Action = isPost ? .write : .read
        switch self {
        case .health, .login, .logout, .setPassword, .accessibility: return nil
        case .home: return (.read, .home)
        case .account: return (action, .ownAccount)
        case .users, .userNew, .user, .userPasswordLink: return (action, .user)
        case .auditLog: return (.read, .auditLog)
        case .registry(let r): return r.requirement(isPost: isPost)
        case .agreements(let r): return r.requirement(isPost: isPost)
        case .funding(let r): return r.requirement(isPost: isPost)
        case .plans(let r): return r.requirement(isPost: isPost)
        case .reports(let r): return r.requirement(isPost: isPost)
        }
    }

    /// The path of this route (query strings are added by the caller).
    public var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .health: "/health"
        case .account: "/account"
        case .setPassword(let token): "/wachtwoord/" + token
        case .accessibility: "/toegankelijkheid"
        case .users: "/users"
        case .userNew: "/users/new"
        case .user(let id): "/users/\(id)"
        case .userPasswordLink(let id): "/users/\(id)/password-link"
        case .auditLog: "/audit"
        case .registry(let r): r.path
        case .agreements(let r): r.path
        case .funding(let r): r.path
        case .plans(let r): r.path
        case .reports(let r): r.path
        }
    }

    /// The route of a (percent-decoded) path, or nil for a path that is not ours (404).
    public init?(path: String) {
        guard path.hasPrefix("/") else { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // One trailing slash is tolerated ("/ikcs/"); empty segments elsewhere are not ours.
        if parts.count > 1 && parts.last == "" { parts = parts.dropLast() }
        let segments = Array(parts)
        if segments.count > 1 && segments.contains("") { return nil }
        if let route = Route.core(segments) {
            self = route
        } else if let r = RegistryRoute(segments) {
            self = .registry(r)
        } else if let r = AgreementRoute(segments) {
            self = .agreements(r)
        } else if let r = FundingRoute(segments) {
            self = .funding(r)
        } else if let r = PlanRoute(segments) {
            self = .plans(r)
        } else if let r = ReportRoute(segments) {
            self = .reports(r)
        } else {
            return nil
        }
    }

    static func core(_ s: [Substring]) -> Route? {
        switch s.count {
        case 1:
            switch s[0] {
            case "": return .home
            case "login": return .login
            case "logout": return .logout
            case "health": return .health
            case "account": return .account
            case "toegankelijkheid": return .accessibility
            case "users": return .users
            case "audit": return .auditLog
            default: return nil
            }
        case 2:
            if s[0] == "wachtwoord", RouteParsing.isToken(s[1]) { return .setPassword(token: String(s[1])) }
            if s[0] == "users" {
                if s[1] == "new" { return .userNew }
                if let id = RouteParsing.id(s[1]) { return .user(id) }
            }
            return nil
        case 3:
            if s[0] == "users", let id = RouteParsing.id(s[1]), s[2] == "password-link" { return .userPasswordLink(id) }
            return nil
        default:
            return nil
        }
    }
}

/// Shared pieces of path parsing.
public enum RouteParsing {
    /// A positive decimal id without sign or leading zeros.
    public static func id(_ text: Substring) -> Int64? {
        guard let first = text.first, first != "0", text.count <= 18,
              text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(text), value > 0 else { return nil }
        return value
    }

    /// An unguessable token as it appears in a path: URL-safe base64 characters only.
    public static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 128 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// A year such as 2024.
    public static func year(_ text: Substring) -> Int? {
        guard text.count == 4, let value = Int(text), value >= 1900, value <= 2200 else { return nil }
        return value
    }

    public static let read: [String] = ["GET", "HEAD"]
    public static let readWrite: [String] = ["GET", "HEAD", "POST"]
    public static let postOnly: [String] = ["POST"]
}
