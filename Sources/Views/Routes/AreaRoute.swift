import Domain

/// URLs of the areas (gebieden) and their indicators.
public enum AreaRoute: Sendable, Equatable, Hashable {
    /// GET /areas
    case index
    /// GET/POST /areas/new
    case new
    /// GET/POST /areas/4: shown and edited on one page.
    case area(Int64)
    /// POST /areas/4/indicators: adding or correcting one area indicator by hand.
    case indicators(Int64)
    /// GET/POST /areas/import: importing area indicators from a CSV file.
    case importCSV

    init?(_ s: [Substring]) {
        guard s.first == "areas" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            if s[1] == "new" { self = .new; return }
            if s[1] == "import" { self = .importCSV; return }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            self = .area(id)
        case 3:
            guard let id = RouteParsing.id(s[1]), s[2] == "indicators" else { return nil }
            self = .indicators(id)
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/areas"
        case .new: "/areas/new"
        case .area(let id): "/areas/\(id)"
        case .indicators(let id): "/areas/\(id)/indicators"
        case .importCSV: "/areas/import"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        case .new, .area, .importCSV: RouteParsing.readWrite
        case .indicators: RouteParsing.postOnly
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index, .area: return (isPost ? .write : .read, .area)
        case .new, .indicators, .importCSV: return (.write, .area)
        }
    }
}
