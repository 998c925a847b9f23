import Domain

/// URLs of the second factor: the code step of log-in, the own enrolment, and a project
/// leader's reset of somebody else's factor.
public enum TwoFactorRoute: Sendable, Equatable, Hashable {
    /// GET/POST /login/code: the second step of log-in (after the password).
    case code
    /// GET/POST /account/tweestaps: enrol an authenticator app.
    case enrol
    /// POST /users/5/tweestaps: remove user 5's second factor (a lost phone).
    case reset(Int64)

    init?(_ s: [Substring]) {
        switch s.count {
        case 2:
            if s[0] == "login" && s[1] == "code" { self = .code; return }
            if s[0] == "account" && s[1] == "tweestaps" { self = .enrol; return }
            return nil
        case 3:
            guard s[0] == "users", let id = RouteParsing.id(s[1]), s[2] == "tweestaps" else { return nil }
            self = .reset(id)
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .code: "/login/code"
        case .enrol: "/account/tweestaps"
        case .reset(let id): "/users/\(id)/tweestaps"
        }
    }

    public var methods: [String] {
        switch self {
        case .code, .enrol: RouteParsing.readWrite
        case .reset: RouteParsing.postOnly
        }
    }

    /// The code step is public (it carries its own CSRF check and needs the pending log-in).
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .code: nil
        case .enrol: (isPost ? .write : .read, .ownAccount)
        case .reset: (.write, .user)
        }
    }
}
