import Domain

/// URLs of the indicator library and the programme view per indicator.
public enum IndicatorRoute: Sendable, Equatable, Hashable {
    /// GET /indicators: the library, each indicator with its use.
    case index
    /// GET/POST /indicators/new
    case new
    /// GET /indicators/4: the programme view (`?jaar=2024` picks the year of the IKC table).
    case show(Int64)
    /// GET/POST /indicators/4/edit
    case edit(Int64)
    /// POST /indicators/4/retire: retire it (`retired=1`) or take it back (`retired=0`).
    case retire(Int64)
    /// GET /indicators/4/csv: the programme view's figures, per year and IKC.
    case csv(Int64)

    init?(_ s: [Substring]) {
        guard s.first == "indicators" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            if s[1] == "new" { self = .new; return }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            self = .show(id)
        case 3:
            guard let id = RouteParsing.id(s[1]) else { return nil }
            switch s[2] {
            case "edit": self = .edit(id)
            case "retire": self = .retire(id)
            case "csv": self = .csv(id)
            default: return nil
            }
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/indicators"
        case .new: "/indicators/new"
        case .show(let id): "/indicators/\(id)"
        case .edit(let id): "/indicators/\(id)/edit"
        case .retire(let id): "/indicators/\(id)/retire"
        case .csv(let id): "/indicators/\(id)/csv"
        }
    }

    public var methods: [String] {
        switch self {
        case .index, .show, .csv: RouteParsing.read
        case .new, .edit: RouteParsing.readWrite
        case .retire: RouteParsing.postOnly
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index, .show, .csv: return (.read, .indicator)
        case .new, .edit, .retire: return (.write, .indicator)
        }
    }
}

extension IndicatorRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, show, edit, retire, csv
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .show: .show
        case .edit: .edit
        case .retire: .retire
        case .csv: .csv
        }
    }

    public static func example(_ name: CaseName) -> IndicatorRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .show: .show(1)
        case .edit: .edit(1)
        case .retire: .retire(1)
        case .csv: .csv(1)
        }
    }
}
