/// The site map: every URL of the application is a case here, parsed from and printed to a path
/// by the one definition below, and dispatched by an exhaustive `switch` in App.
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

    case auditLog

    case organisations
    case organisationNew
    case organisation(Int64)

    case areas
    case areaNew
    case area(Int64)

    case ikcs
    case ikcNew
    case ikc(Int64)
    case ikcEdit(Int64)

    /// The methods a route answers; anything else on a known path is 405 with `Allow`.
    public var methods: [String] {
        switch self {
        case .health, .home, .accessibility, .auditLog, .ikcs, .areas, .organisations, .users, .ikc:
            return ["GET", "HEAD"]
        case .logout:
            return ["POST"]
        case .login, .account, .setPassword, .userNew, .user, .organisationNew, .organisation, .areaNew, .area,
             .ikcNew, .ikcEdit:
            return ["GET", "HEAD", "POST"]
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
        case .auditLog: "/audit"
        case .organisations: "/organisations"
        case .organisationNew: "/organisations/new"
        case .organisation(let id): "/organisations/\(id)"
        case .areas: "/areas"
        case .areaNew: "/areas/new"
        case .area(let id): "/areas/\(id)"
        case .ikcs: "/ikcs"
        case .ikcNew: "/ikcs/new"
        case .ikc(let id): "/ikcs/\(id)"
        case .ikcEdit(let id): "/ikcs/\(id)/edit"
        }
    }

    /// The route of a (percent-decoded) path, or nil for a path that is not ours (404).
    public init?(path: String) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" && segments.count > 1 { segments = segments.dropLast() }
        let parts = Array(segments)
        switch parts.count {
        case 1:
            switch parts[0] {
            case "": self = .home
            case "login": self = .login
            case "logout": self = .logout
            case "health": self = .health
            case "account": self = .account
            case "toegankelijkheid": self = .accessibility
            case "users": self = .users
            case "audit": self = .auditLog
            case "organisations": self = .organisations
            case "areas": self = .areas
            case "ikcs": self = .ikcs
            default: return nil
            }
        case 2:
            let (head, tail) = (parts[0], parts[1])
            if head == "wachtwoord" {
                guard Route.isToken(tail) else { return nil }
                self = .setPassword(token: String(tail))
                return
            }
            if tail == "new" {
                switch head {
                case "users": self = .userNew
                case "organisations": self = .organisationNew
                case "areas": self = .areaNew
                case "ikcs": self = .ikcNew
                default: return nil
                }
                return
            }
            guard let id = Route.id(tail) else { return nil }
            switch head {
            case "users": self = .user(id)
            case "organisations": self = .organisation(id)
            case "areas": self = .area(id)
            case "ikcs": self = .ikc(id)
            default: return nil
            }
        case 3:
            guard let id = Route.id(parts[1]) else { return nil }
            switch (parts[0], parts[2]) {
            case ("ikcs", "edit"): self = .ikcEdit(id)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A positive decimal id without sign or leading zeros.
    static func id(_ text: Substring) -> Int64? {
        guard let first = text.first, first != "0", text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int64(text), value > 0 else { return nil }
        return value
    }

    static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 128 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
