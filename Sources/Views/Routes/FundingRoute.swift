import Domain

/// URLs of funding sources, budgets and commitments (issue 8).
///
/// - `/funding` the overview (sources × years), `/funding/export.csv` its table
/// - `/funding/new` a new source; `/funding/:id` a source, `/funding/:id/edit` its form,
///   `/funding/:id/export.csv` its table of IKCs per year
/// - `/funding/years/:year` one year across sources, `/funding/years/:year/export.csv`
/// - `/funding/scenario` the what-if page (a GET form, writes nothing), `/funding/scenario/export.csv`
/// - `/funding/personeel` staffing capacity (issue 19), `/funding/personeel/export.csv`,
///   `/funding/personeel/:rol` the staff pool of one role (a form); `/funding/instellingen` the split setting
public enum FundingRoute: Sendable, Equatable, Hashable {
    case index
    case indexCSV
    case new
    case source(Int64)
    case sourceEdit(Int64)
    case sourceCSV(Int64)
    case year(Int)
    case yearCSV(Int)
    case scenario
    case scenarioCSV
    case staffing
    case staffingCSV
    case staffingRole(String)
    case settings

    static let staffingName: Substring = "personeel"

    /// A role code as a path segment: lowercase letters, digits and underscores.
    static func roleCode(_ s: Substring) -> String? {
        guard !s.isEmpty, s.count <= 40, s.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }) else { return nil }
        return String(s)
    }

    static let csvName: Substring = "export.csv"

    init?(_ s: [Substring]) {
        guard s.first == "funding" else { return nil }
        switch s.count {
        case 1:
            self = .index
        case 2:
            switch s[1] {
            case FundingRoute.csvName: self = .indexCSV
            case "new": self = .new
            case "scenario": self = .scenario
            case FundingRoute.staffingName: self = .staffing
            case "instellingen": self = .settings
            default:
                guard let id = RouteParsing.id(s[1]) else { return nil }
                self = .source(id)
            }
        case 3:
            if s[1] == "years", let year = RouteParsing.year(s[2]) {
                self = .year(year)
            } else if s[1] == "scenario", s[2] == FundingRoute.csvName {
                self = .scenarioCSV
            } else if s[1] == FundingRoute.staffingName {
                if s[2] == FundingRoute.csvName {
                    self = .staffingCSV
                } else if let code = FundingRoute.roleCode(s[2]) {
                    self = .staffingRole(code)
                } else {
                    return nil
                }
            } else if let id = RouteParsing.id(s[1]) {
                switch s[2] {
                case "edit": self = .sourceEdit(id)
                case FundingRoute.csvName: self = .sourceCSV(id)
                default: return nil
                }
            } else {
                return nil
            }
        case 4:
            guard s[1] == "years", let year = RouteParsing.year(s[2]), s[3] == FundingRoute.csvName else { return nil }
            self = .yearCSV(year)
        default:
            return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/funding"
        case .indexCSV: "/funding/export.csv"
        case .new: "/funding/new"
        case .source(let id): "/funding/\(id)"
        case .sourceEdit(let id): "/funding/\(id)/edit"
        case .sourceCSV(let id): "/funding/\(id)/export.csv"
        case .year(let year): "/funding/years/\(year)"
        case .yearCSV(let year): "/funding/years/\(year)/export.csv"
        case .scenario: "/funding/scenario"
        case .scenarioCSV: "/funding/scenario/export.csv"
        case .staffing: "/funding/personeel"
        case .staffingCSV: "/funding/personeel/export.csv"
        case .staffingRole(let code): "/funding/personeel/\(code)"
        case .settings: "/funding/instellingen"
        }
    }

    public var methods: [String] {
        switch self {
        case .new, .sourceEdit, .staffingRole, .settings: RouteParsing.readWrite
        case .index, .indexCSV, .source, .sourceCSV, .year, .yearCSV, .scenario, .scenarioCSV, .staffing, .staffingCSV: RouteParsing.read
        }
    }

    /// Reading is for project leaders and the Ontwikkelgroep (directors are denied by
    /// `Authorization` for `.fundingSource`); the forms that write, even shown, for project leaders.
    /// The scenario writes nothing, so reading it is enough.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .new, .sourceEdit, .staffingRole, .settings: return (.write, .fundingSource)
        case .index, .indexCSV, .source, .sourceCSV, .year, .yearCSV, .scenario, .scenarioCSV, .staffing, .staffingCSV:
            return (isPost ? .write : .read, .fundingSource)
        }
    }
}
