import Domain
import SQLite
import Store

/// Values read on many requests and rarely written, kept per database state (`SnapshotCache`:
/// any commit empties them, so a page never shows data older than its own read transaction).
final class AppCaches: Sendable {
    /// The programme settings, which every logged-in page needs.
    let programme = SnapshotCache<Int, Programme>(limit: 1)
    /// What the IKC overview (`/ikcs`) reads, per filter.
    let ikcList = SnapshotCache<IKCs.Filter, IKCListData>(limit: 32)
}

/// The database part of the IKC overview: the same for every user until something is written.
struct IKCListData: Sendable {
    var rows: [IKCs.OverviewRow]
    var progress: [Int64: (onTrack: Int, measured: Int)]
    var koepels: [(id: Int64, name: String)]
    var areas: [(id: Int64, name: String)]
}
