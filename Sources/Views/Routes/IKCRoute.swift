import Domain

/// URLs of the IKCs: the overview, one IKC, its form, its Plus predicate and conditions.
public enum IKCRoute: Sendable, Equatable, Hashable {
    /// GET /ikcs (?koepel=&gebied=&soort=): the overview.
    case index
    /// GET/POST /ikcs/new
    case new
    /// GET /ikcs/3
    case ikc(Int64)
    /// GET/POST /ikcs/3/edit
    case edit(Int64)
    /// GET/POST /ikcs/3/plus: the Plus predicate of one IKC.
    case plus(Int64)
    /// POST /ikcs/3/conditions: the conditions checklist.
    case conditions(Int64)

    init?(_ s: [Substring]) {
        guard s.first == "ikcs" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            if s[1] == "new" { self = .new; return }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            self = .ikc(id)
        case 3:
            guard let id = RouteParsing.id(s[1]) else { return nil }
            switch s[2] {
            case "edit": self = .edit(id)
            case "plus": self = .plus(id)
            case "conditions": self = .conditions(id)
            default: return nil
            }
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/ikcs"
        case .new: "/ikcs/new"
        case .ikc(let id): "/ikcs/\(id)"
        case .edit(let id): "/ikcs/\(id)/edit"
        case .plus(let id): "/ikcs/\(id)/plus"
        case .conditions(let id): "/ikcs/\(id)/conditions"
        }
    }

    public var methods: [String] {
        switch self {
        case .index, .ikc: RouteParsing.read
        case .new, .edit, .plus: RouteParsing.readWrite
        case .conditions: RouteParsing.postOnly
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index, .ikc, .plus: return (isPost ? .write : .read, .ikc)
        case .new, .edit, .conditions: return (.write, .ikc)
        }
    }
}
