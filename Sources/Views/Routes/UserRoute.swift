import Domain

/// URLs of the user administration.
public enum UserRoute: Sendable, Equatable, Hashable {
    /// GET /users
    case index
    /// GET/POST /users/new: an invitation.
    case new
    /// GET/POST /users/5: role, IKC, active.
    case user(Int64)
    /// POST /users/5/password-link: a new one-time set-password link (a forgotten password).
    case passwordLink(Int64)

    init?(_ s: [Substring]) {
        guard s.first == "users" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            if s[1] == "new" { self = .new; return }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            self = .user(id)
        case 3:
            guard let id = RouteParsing.id(s[1]), s[2] == "password-link" else { return nil }
            self = .passwordLink(id)
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/users"
        case .new: "/users/new"
        case .user(let id): "/users/\(id)"
        case .passwordLink(let id): "/users/\(id)/password-link"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        case .new, .user: RouteParsing.readWrite
        case .passwordLink: RouteParsing.postOnly
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        (isPost ? .write : .read, .user)
    }
}
