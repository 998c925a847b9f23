import Domain

/// URLs of the IKC registry: IKCs, organisations, areas (issue 6).
public enum RegistryRoute: Sendable, Equatable, Hashable {
    case ikcs
    case ikcNew
    case ikc(Int64)
    case ikcEdit(Int64)
    case organisations
    case organisationNew
    case organisation(Int64)
    case areas
    case areaNew
    case area(Int64)

    init?(_ s: [Substring]) {
        switch s.count {
        case 1:
            switch s[0] {
            case "ikcs": self = .ikcs
            case "organisations": self = .organisations
            case "areas": self = .areas
            default: return nil
            }
        case 2:
            if s[1] == "new" {
                switch s[0] {
                case "ikcs": self = .ikcNew
                case "organisations": self = .organisationNew
                case "areas": self = .areaNew
                default: return nil
                }
                return
            }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            switch s[0] {
            case "ikcs": self = .ikc(id)
            case "organisations": self = .organisation(id)
            case "areas": self = .area(id)
            default: return nil
            }
        case 3:
            guard s[0] == "ikcs", let id = RouteParsing.id(s[1]), s[2] == "edit" else { return nil }
            self = .ikcEdit(id)
        default:
            return nil
        }
    }

    public var path: String {
        switch self {
        case .ikcs: "/ikcs"
        case .ikcNew: "/ikcs/new"
        case .ikc(let id): "/ikcs/\(id)"
        case .ikcEdit(let id): "/ikcs/\(id)/edit"
        case .organisations: "/organisations"
        case .organisationNew: "/organisations/new"
        case .organisation(let id): "/organisations/\(id)"
        case .areas: "/areas"
        case .areaNew: "/areas/new"
        case .area(let id): "/areas/\(id)"
        }
    }

    public var methods: [String] {
        switch self {
        case .ikcs, .ikc, .organisations, .areas: RouteParsing.read
        case .ikcNew, .ikcEdit, .organisationNew, .organisation, .areaNew, .area: RouteParsing.readWrite
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        let action: Action = isPost ? .write : .read
        switch self {
        case .ikcs, .ikc: return (action, .ikc)
        case .ikcNew, .ikcEdit: return (.write, .ikc)
        case .organisations, .organisationNew, .organisation: return (action, .organisation)
        case .areas, .areaNew, .area: return (action, .area)
        }
    }
}
