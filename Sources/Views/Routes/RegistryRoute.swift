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
    /// The Plus predicate and the conditions checklist of one IKC.
    case ikcPlus(Int64)
    case ikcConditions(Int64)
    /// Adding or correcting one area indicator by hand.
    case areaIndicators(Int64)
    /// Importing area indicators from a CSV file.
    case areaImport

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
            if s[0] == "areas" && s[1] == "import" { self = .areaImport; return }
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
            guard let id = RouteParsing.id(s[1]) else { return nil }
            switch (s[0], s[2]) {
            case ("ikcs", "edit"): self = .ikcEdit(id)
            case ("ikcs", "plus"): self = .ikcPlus(id)
            case ("ikcs", "conditions"): self = .ikcConditions(id)
            case ("areas", "indicators"): self = .areaIndicators(id)
            default: return nil
            }
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
        case .ikcPlus(let id): "/ikcs/\(id)/plus"
        case .ikcConditions(let id): "/ikcs/\(id)/conditions"
        case .areaIndicators(let id): "/areas/\(id)/indicators"
        case .areaImport: "/areas/import"
        }
    }

    public var methods: [String] {
        switch self {
        case .ikcs, .ikc, .organisations, .areas: RouteParsing.read
        case .ikcNew, .ikcEdit, .organisationNew, .organisation, .areaNew, .area, .ikcPlus, .areaImport: RouteParsing.readWrite
        case .ikcConditions, .areaIndicators: RouteParsing.postOnly
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        let action: Action = isPost ? .write : .read
        switch self {
        case .ikcs, .ikc, .ikcPlus: return (action, .ikc)
        case .ikcNew, .ikcEdit, .ikcConditions: return (.write, .ikc)
        case .organisations, .organisation: return (action, .organisation)
        case .organisationNew: return (.write, .organisation)
        case .areas, .area: return (action, .area)
        case .areaNew, .areaIndicators, .areaImport: return (.write, .area)
        }
    }
}
