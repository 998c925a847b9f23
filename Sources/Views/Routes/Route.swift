import Domain

/// The site map: every URL of the application is a case here, parsed from and printed to a path
/// by one definition, and dispatched by an exhaustive `switch` in App. Each feature has its own
/// route enum (Routes/) so that its URLs, methods and permissions sit together.
public enum Route: Sendable, Equatable, Hashable {
    case home
    case health
    case accessibility

    case session(SessionRoute)
    case users(UserRoute)
    case audit(AuditRoute)
    case mail(MailRoute)
    case ikcs(IKCRoute)
    case organisations(OrganisationRoute)
    case areas(AreaRoute)
    case agreements(AgreementRoute)
    case funding(FundingRoute)
    case plans(PlanRoute)
    case reports(ReportRoute)
    case twoFactor(TwoFactorRoute)
    case programme(ProgrammeRoute)
    case indicators(IndicatorRoute)

    /// Shorthands for the routes that many pages link to.
    public static let login = Route.session(.login)
    public static let logout = Route.session(.logout)
    public static let account = Route.session(.account)

    /// The methods a route answers; anything else on a known path is 405 with `Allow`.
    public var methods: [String] {
        switch self {
        case .health, .home, .accessibility: return RouteParsing.read
        case .session(let r): return r.methods
        case .users(let r): return r.methods
        case .audit(let r): return r.methods
        case .mail(let r): return r.methods
        case .ikcs(let r): return r.methods
        case .organisations(let r): return r.methods
        case .areas(let r): return r.methods
        case .agreements(let r): return r.methods
        case .funding(let r): return r.methods
        case .plans(let r): return r.methods
        case .reports(let r): return r.methods
        case .twoFactor(let r): return r.methods
        case .programme(let r): return r.methods
        case .indicators(let r): return r.methods
        }
    }

    /// The (action, record kind) a request on this route needs, asked of `Authorization` before
    /// any handler runs; nil for public routes. Handlers check ownership of loaded records.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .health, .accessibility: return nil
        case .home: return (.read, .home)
        case .session(let r): return r.requirement(isPost: isPost)
        case .users(let r): return r.requirement(isPost: isPost)
        case .audit(let r): return r.requirement(isPost: isPost)
        case .mail(let r): return r.requirement(isPost: isPost)
        case .ikcs(let r): return r.requirement(isPost: isPost)
        case .organisations(let r): return r.requirement(isPost: isPost)
        case .areas(let r): return r.requirement(isPost: isPost)
        case .agreements(let r): return r.requirement(isPost: isPost)
        case .funding(let r): return r.requirement(isPost: isPost)
        case .plans(let r): return r.requirement(isPost: isPost)
        case .reports(let r): return r.requirement(isPost: isPost)
        case .twoFactor(let r): return r.requirement(isPost: isPost)
        case .programme(let r): return r.requirement(isPost: isPost)
        case .indicators(let r): return r.requirement(isPost: isPost)
        }
    }

    /// The path of this route (query strings are added by the caller).
    public var path: String {
        switch self {
        case .home: "/"
        case .health: "/health"
        case .accessibility: "/toegankelijkheid"
        case .session(let r): r.path
        case .users(let r): r.path
        case .audit(let r): r.path
        case .mail(let r): r.path
        case .ikcs(let r): r.path
        case .organisations(let r): r.path
        case .areas(let r): r.path
        case .agreements(let r): r.path
        case .funding(let r): r.path
        case .plans(let r): r.path
        case .reports(let r): r.path
        case .twoFactor(let r): r.path
        case .programme(let r): r.path
        case .indicators(let r): r.path
        }
    }

    /// The route of a (percent-decoded) path, or nil for a path that is not ours (404).
    public init?(path: String) {
        guard path.hasPrefix("/") else { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        // One trailing slash is tolerated ("/ikcs/"); empty segments elsewhere are not ours.
        if parts.count > 1 && parts.last == "" { parts = parts.dropLast() }
        let s = Array(parts)
        if s.count > 1 && s.contains("") { return nil }
        if s.count == 1 {
            switch s[0] {
            case "": self = .home; return
            case "health": self = .health; return
            case "toegankelijkheid": self = .accessibility; return
            default: break
            }
        }
        if let r = SessionRoute(s) { self = .session(r) }
        else if let r = UserRoute(s) { self = .users(r) }
        else if let r = AuditRoute(s) { self = .audit(r) }
        else if let r = MailRoute(s) { self = .mail(r) }
        else if let r = IKCRoute(s) { self = .ikcs(r) }
        else if let r = OrganisationRoute(s) { self = .organisations(r) }
        else if let r = AreaRoute(s) { self = .areas(r) }
        else if let r = AgreementRoute(s) { self = .agreements(r) }
        else if let r = FundingRoute(s) { self = .funding(r) }
        else if let r = PlanRoute(s) { self = .plans(r) }
        else if let r = ReportRoute(s) { self = .reports(r) }
        else if let r = TwoFactorRoute(s) { self = .twoFactor(r) }
        else if let r = ProgrammeRoute(s) { self = .programme(r) }
        else if let r = IndicatorRoute(s) { self = .indicators(r) }
        else { return nil }
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
