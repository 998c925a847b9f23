import Domain

/// URLs of the audit log.
public enum AuditRoute: Sendable, Equatable, Hashable {
    /// GET /audit (?soort=&id=): the log, newest first.
    case index

    init?(_ s: [Substring]) {
        guard s.count == 1, s[0] == "audit" else { return nil }
        self = .index
    }

    public var path: String { "/audit" }

    public var methods: [String] { RouteParsing.read }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? { (.read, .auditLog) }
}
