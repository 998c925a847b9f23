import Domain
import SQLite

/// What the IKC overview (`/ikcs`) reads: the same for every user until something is written.
public struct IKCOverviewData: Sendable {
    public var rows: [IKCs.OverviewRow]
    public var progress: [Int64: (onTrack: Int, measured: Int)]
    public var koepels: [(id: Int64, name: String)]
    public var areas: [(id: Int64, name: String)]
}

extension IKCs {
    /// The overview's data for `filter` in one snapshot, kept per database state: any commit
    /// empties the cache, so the page is never older than its own read transaction.
    public static func overviewData(_ filter: Filter, in store: DataStore) throws -> IKCOverviewData {
        try store.read { c in
            try store.ikcOverviewCache.value(filter, c) { c in
                IKCOverviewData(rows: try overview(filter, c), progress: try progress(c),
                                koepels: try Organisations.named(kind: Organisation.koepel, c), areas: try Areas.names(c))
            }
        }
    }
}
