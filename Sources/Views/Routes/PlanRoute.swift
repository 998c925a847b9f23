import Domain

/// URLs of Yearly plans, the PDCA cycle (issue 9). Only the index exists so far.
public enum PlanRoute: Sendable, Equatable, Hashable {
    case index

    init?(_ s: [Substring]) {
        guard s.count == 1, s[0] == "plans" else { return nil }
        self = .index
    }

    public var path: String {
        switch self {
        case .index: "/plans"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index: return (isPost ? .write : .read, .yearPlan)
        }
    }
}
