import Domain

/// URLs of Result agreements (issue 7). Only the index exists so far.
public enum AgreementRoute: Sendable, Equatable, Hashable {
    case index

    init?(_ s: [Substring]) {
        guard s.count == 1, s[0] == "agreements" else { return nil }
        self = .index
    }

    public var path: String {
        switch self {
        case .index: "/agreements"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        }
    }

    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index: return (isPost ? .write : .read, .agreement)
        }
    }
}
