import Domain

/// URLs of Funding sources and commitments (issue 8). Only the index exists so far.
public enum FundingRoute: Sendable, Equatable, Hashable {
    case index

    init?(_ s: [Substring]) {
        guard s.count == 1, s[0] == "funding" else { return nil }
        self = .index
    }

    public var path: String {
        switch self {
        case .index: "/funding"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index: return (isPost ? .write : .read, .fundingSource)
        }
    }
}
