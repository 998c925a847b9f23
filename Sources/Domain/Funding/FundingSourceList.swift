/// What every funding page knows about the sources: the sources, the kinds a source can have
/// and the names of the organisations behind them.
public struct FundingSourceList: Sendable {
    public var list: [FundingSource]
    /// The kinds of `funding_source_kinds`, in their order.
    public var kinds: [CodeLabel]
    public var organisationNames: [Int64: String]

    public init(list: [FundingSource], kinds: [CodeLabel], organisationNames: [Int64: String]) {
        self.list = list
        self.kinds = kinds
        self.organisationNames = organisationNames
    }

    public var kindCodes: [String] { kinds.map(\.code) }

    public func name(_ id: Int64) -> String { list.first { $0.id == id }?.name ?? "Bron \(id)" }
    public func kindLabel(_ source: FundingSource) -> String { kinds.first { $0.code == source.kind }?.label ?? source.kind }
}
