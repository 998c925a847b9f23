import Domain

/// URLs of signing in and out and of the user's own account.
public enum SessionRoute: Sendable, Equatable, Hashable {
    /// GET/POST /login (?next=/path)
    case login
    /// POST /logout
    case logout
    /// GET/POST /account: the own name and password.
    case account
    /// GET/POST /wachtwoord/<token>: a one-time link to set a password.
    case setPassword(token: String)

    init?(_ s: [Substring]) {
        switch s.count {
        case 1:
            switch s[0] {
            case "login": self = .login
            case "logout": self = .logout
            case "account": self = .account
            default: return nil
            }
        case 2:
            guard s[0] == "wachtwoord", RouteParsing.isToken(s[1]) else { return nil }
            self = .setPassword(token: String(s[1]))
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .login: "/login"
        case .logout: "/logout"
        case .account: "/account"
        case .setPassword(let token): "/wachtwoord/" + token
        }
    }

    public var methods: [String] {
        switch self {
        case .logout: RouteParsing.postOnly
        case .login, .account, .setPassword: RouteParsing.readWrite
        }
    }

    /// Log-in, log-out and set-password are public (they carry their own CSRF checks).
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .login, .logout, .setPassword: return nil
        case .account: return (isPost ? .write : .read, .ownAccount)
        }
    }
}
