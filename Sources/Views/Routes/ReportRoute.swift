import Domain

/// URLs of Annual reports for the Ontwikkelgroep (issue 10). Only the index exists so far.
public enum ReportRoute: Sendable, Equatable, Hashable {
    case index

    init?(_ s: [Substring]) {
        guard s.count == 1, s[0] == "reports" else { return nil }
        self = .index
    }

    public var path: String {
        switch self {
        case .index: "/reports"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index: return (isPost ? .write : .read, .report)
        }
    }
}
