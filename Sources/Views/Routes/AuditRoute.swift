import Domain

/// URLs of the audit log.
public enum AuditRoute: Sendable, Equatable, Hashable {
    /// GET /audit (?wie=&soort=&nummer=&van=&tot=): the log, newest first.
    case index
    /// GET /audit/csv (same filter): the filtered log as a CSV file.
    case csv

    init?(_ s: [Substring]) {
        guard s.first == "audit" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2 where s[1] == "csv": self = .csv
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/audit"
        case .csv: "/audit/csv"
        }
    }

    public var methods: [String] { RouteParsing.read }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? { (.read, .auditLog) }
}
