import Domain

/// URLs of the annual reports for the Ontwikkelgroep (issue 10).
public enum ReportRoute: Sendable, Equatable, Hashable {
    /// All years and editions.
    case index
    /// The live draft of a year; POST saves foreword and conclusions.
    case year(Int)
    case publish(Int)
    case yearCSV(Int, table: ReportTable)
    /// A published (or withdrawn) edition, frozen.
    case edition(Int64)
    case editionCSV(Int64, table: ReportTable)
    /// The first, English CSV paths (`/reports/2024/csv/goals`): redirected to the Dutch ones.
    case oldYearCSV(Int, table: ReportTable)
    case oldEditionCSV(Int64, table: ReportTable)
    case withdraw(Int64)
    case share(Int64)
    case unshare(Int64)
    /// The read-only view behind a share link; no log-in.
    case shared(token: String)
    /// A CSV of the edition behind a share link, with the same token; no log-in.
    case sharedCSV(token: String, table: ReportTable)
    /// One IKC's detail of the live draft of a year (/reports/2024/ikcs/7).
    case ikc(Int, Int64)

    init?(_ s: [Substring]) {
        if s.count == 2, s[0] == "share", RouteParsing.isToken(s[1]) {
            self = .shared(token: String(s[1]))
            return
        }
        if s.count == 4, s[0] == "share", RouteParsing.isToken(s[1]), s[2] == "csv" {
            guard let table = ReportTable(rawValue: String(s[3])) ?? ReportTable.allCases.first(where: { $0.oldWord == s[3] }) else { return nil }
            self = .sharedCSV(token: String(s[1]), table: table)
            return
        }
        guard s.first == "reports" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            guard let year = RouteParsing.year(s[1]) else { return nil }
            self = .year(year)
        case 3:
            if s[1] == "editions", let id = RouteParsing.id(s[2]) {
                self = .edition(id)
            } else if let year = RouteParsing.year(s[1]), s[2] == "publish" {
                self = .publish(year)
            } else {
                return nil
            }
        case 4:
            if let year = RouteParsing.year(s[1]), s[2] == "ikcs", let id = RouteParsing.id(s[3]) {
                self = .ikc(year, id)
                return
            }
            if let year = RouteParsing.year(s[1]), s[2] == "csv" {
                if let table = ReportTable(rawValue: String(s[3])) {
                    self = .yearCSV(year, table: table)
                } else if let table = ReportTable.allCases.first(where: { $0.oldWord == s[3] }) {
                    self = .oldYearCSV(year, table: table)
                } else {
                    return nil
                }
                return
            }
            guard s[1] == "editions", let id = RouteParsing.id(s[2]) else { return nil }
            switch s[3] {
            case "withdraw": self = .withdraw(id)
            case "share": self = .share(id)
            case "unshare": self = .unshare(id)
            default: return nil
            }
        case 5:
            guard s[1] == "editions", let id = RouteParsing.id(s[2]), s[3] == "csv" else { return nil }
            if let table = ReportTable(rawValue: String(s[4])) {
                self = .editionCSV(id, table: table)
            } else if let table = ReportTable.allCases.first(where: { $0.oldWord == s[4] }) {
                self = .oldEditionCSV(id, table: table)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/reports"
        case .year(let year): "/reports/\(year)"
        case .publish(let year): "/reports/\(year)/publish"
        case .yearCSV(let year, let table): "/reports/\(year)/csv/\(table.rawValue)"
        case .edition(let id): "/reports/editions/\(id)"
        case .editionCSV(let id, let table): "/reports/editions/\(id)/csv/\(table.rawValue)"
        case .oldYearCSV(let year, let table): "/reports/\(year)/csv/\(table.oldWord)"
        case .oldEditionCSV(let id, let table): "/reports/editions/\(id)/csv/\(table.oldWord)"
        case .withdraw(let id): "/reports/editions/\(id)/withdraw"
        case .share(let id): "/reports/editions/\(id)/share"
        case .unshare(let id): "/reports/editions/\(id)/unshare"
        case .shared(let token): "/share/\(token)"
        case .sharedCSV(let token, let table): "/share/\(token)/csv/\(table.rawValue)"
        case .ikc(let year, let id): "/reports/\(year)/ikcs/\(id)"
        }
    }

    public var methods: [String] {
        switch self {
        case .index, .yearCSV, .edition, .editionCSV, .shared, .sharedCSV, .oldYearCSV, .oldEditionCSV, .ikc: RouteParsing.read
        case .year: RouteParsing.readWrite
        case .publish, .withdraw, .share, .unshare: RouteParsing.postOnly
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .shared, .sharedCSV: return nil
        case .index, .yearCSV, .edition, .editionCSV, .oldYearCSV, .oldEditionCSV, .ikc: return (.read, .report)
        case .year: return (isPost ? .write : .read, .report)
        case .publish, .withdraw, .share, .unshare: return (.review, .report)
        }
    }
}

/// The tables of a report that can be exported as CSV.
public enum ReportTable: String, Sendable, CaseIterable {
    case goals = "doelen", results = "resultaten", money = "geld", staffing = "formatie", sources = "bronnen", plans = "jaarplannen"

    /// The English word the first URLs used (`/csv/goals`): those links, also inside published
    /// editions' frozen HTML, are redirected to the Dutch ones.
    public var oldWord: String {
        switch self {
        case .goals: "goals"
        case .results: "results"
        case .money: "money"
        case .staffing: "staffing"
        case .sources: "sources"
        case .plans: "plans"
        }
    }

    /// The file name of this table of year `yearLabel`: `resultaten-2024-2025.csv`.
    public func filename(yearLabel: String, edition: Int? = nil) -> String {
        "\(rawValue)-\(yearLabel)\(edition.map { "-editie-\($0)" } ?? "").csv"
    }

    public var label: String {
        switch self {
        case .goals: "Resultaten per doel"
        case .results: "Resultaten per IKC"
        case .money: "Geld per IKC"
        case .staffing: "Formatie per IKC"
        case .sources: "Programmageld per bron"
        case .plans: "Jaarplannen"
        }
    }
}
