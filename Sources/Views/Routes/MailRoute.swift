import Domain

/// URLs of the outgoing e-mail (issue 20).
public enum MailRoute: Sendable, Equatable, Hashable {
    /// GET /mail: the messages with state, attempts and last error (project leaders).
    case index
    /// POST /mail/5/resend: a failed message back in the queue.
    case resend(Int64)
    /// GET/POST /account/mail: the user's own deadline reminders on or off.
    case preferences

    init?(_ s: [Substring]) {
        if s.count == 2, s[0] == "account", s[1] == "mail" { self = .preferences; return }
        guard s.first == "mail" else { return nil }
        switch s.count {
        case 1: self = .index
        case 3:
            guard let id = RouteParsing.id(s[1]), s[2] == "resend" else { return nil }
            self = .resend(id)
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/mail"
        case .resend(let id): "/mail/\(id)/resend"
        case .preferences: "/account/mail"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        case .resend: RouteParsing.postOnly
        case .preferences: RouteParsing.readWrite
        }
    }

    /// The messages are the user administration's business (project leaders only: they hold
    /// no body, but addresses and errors); one's own settings are every user's.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index, .resend: (isPost ? .write : .read, .user)
        case .preferences: (isPost ? .write : .read, .ownAccount)
        }
    }
}
