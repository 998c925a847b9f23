import Domain

/// URLs of the organisations: gemeente, koepels, childcare organisations and other partners.
public enum OrganisationRoute: Sendable, Equatable, Hashable {
    /// GET /organisations
    case index
    /// GET/POST /organisations/new
    case new
    /// GET/POST /organisations/2: shown and edited on one page.
    case organisation(Int64)

    init?(_ s: [Substring]) {
        guard s.first == "organisations" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            if s[1] == "new" { self = .new; return }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            self = .organisation(id)
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/organisations"
        case .new: "/organisations/new"
        case .organisation(let id): "/organisations/\(id)"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        case .new, .organisation: RouteParsing.readWrite
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index, .organisation: return (isPost ? .write : .read, .organisation)
        case .new: return (.write, .organisation)
        }
    }
}
