import Domain
import SQLite
import Synchronization

/// The application's data: one database, reached from App only through Store's reads and verbs.
///
/// Reads run in one read transaction (`read`), so a page that needs several queries sees one
/// consistent snapshot. Writes are Store verbs: each opens the immediate transaction, claims the
/// record's version (`claim`), applies the change and writes the audit row, so App never opens a
/// transaction itself.
public final class DataStore: Sendable {
    let database: Database
    /// The programme settings with the `settings_version` they were read at (see `programme(_:)`).
    let programmeCache = Mutex<(version: Int64, programme: Programme)?>(nil)
    /// Values many requests read and few write, kept per database state: any commit empties them.
    /// What the IKC overview reads, per filter.
    let ikcOverviewCache = SnapshotCache<IKCs.Filter, IKCOverviewData>(limit: 32)
    /// The report draft's figures per (year, today): the draft and its per-IKC pages read them.
    let reportFiguresCache = SnapshotCache<Reports.FiguresKey, ReportFigures>(limit: 8)

    public init(database: Database) {
        self.database = database
    }

    /// The database file.
    public var path: String { database.path }

    /// One read snapshot: every query inside `body` sees the same committed state.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.read(body)
    }

    /// One unit of work in an immediate transaction that rolls back on a throw: Store's verbs
    /// use it, App never does (it calls the verbs).
    func write<T>(_ body: (Connection) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch let error as SQLiteError where error.isStorageFailure {
            throw StorageFailure(error)
        }
    }

    /// The last write that failed for lack of storage, until a write succeeds again.
    public var storageFailure: StorageFailure? { database.storageFailure.map(StorageFailure.init) }

    /// The programme settings, read again only when they changed. `settings_version` (migration
    /// 0012) counts every change to the tables they come from, by any process, and is read in the
    /// caller's transaction, so the value answered is the one of that snapshot. A transaction
    /// that writes does not fill the cache: it could change the settings and roll back, leaving
    /// a value under a count another change will reach.
    public func programme(_ c: Connection) throws -> Programme {
        let version = try c.row("SELECT n FROM settings_version")?.int64(0) ?? -1
        if let hit = programmeCache.withLock({ $0?.version == version ? $0?.programme : nil }) { return hit }
        let programme = try ProgrammeSettings.programme(c)
        if !c.isWriting { programmeCache.withLock { $0 = (version, programme) } }
        return programme
    }

    /// The programme settings in a snapshot of their own.
    public func programme() throws -> Programme {
        try read { try programme($0) }
    }
}

/// A write that failed because the database cannot be written: disk full, an I/O error, a
/// read-only file. Nothing was stored; reads still work.
public struct StorageFailure: Error, Sendable, CustomStringConvertible {
    /// SQLite's (extended) result code and message.
    public var code: Int32
    public var message: String

    init(_ error: SQLiteError) {
        code = error.code
        message = error.message
    }

    public var description: String { "SQLite \(code): \(message)" }
}

/// The tables whose rows carry a `lock_version` for optimistic concurrency.
public enum VersionedTable: Sendable {
    case agreementVersions, fundingSources, ikcs, plusPredicates, organisations, areas, reports, yearPlans, users, indicators

    /// The record name that errors and the audit log use.
    public var record: String {
        switch self {
        case .agreementVersions: "agreement_version"
        case .fundingSources: "funding_source"
        case .ikcs: "ikc"
        case .plusPredicates: "plus_predicate"
        case .organisations: "organisation"
        case .areas: "area"
        case .reports: "report"
        case .yearPlans: "year_plan"
        case .users: "user"
        case .indicators: "indicator"
        }
    }

    // Table names cannot be bound parameters: each is a static SQL text here.
    fileprivate var bump: SQL {
        switch self {
        case .agreementVersions: "UPDATE agreement_versions SET lock_version = lock_version + 1 WHERE id = "
        case .fundingSources: "UPDATE funding_sources SET lock_version = lock_version + 1 WHERE id = "
        case .ikcs: "UPDATE ikcs SET lock_version = lock_version + 1 WHERE id = "
        case .plusPredicates: "UPDATE plus_predicates SET lock_version = lock_version + 1 WHERE ikc_id = "
        case .organisations: "UPDATE organisations SET lock_version = lock_version + 1 WHERE id = "
        case .areas: "UPDATE areas SET lock_version = lock_version + 1 WHERE id = "
        case .reports: "UPDATE reports SET lock_version = lock_version + 1 WHERE id = "
        case .yearPlans: "UPDATE year_plans SET lock_version = lock_version + 1 WHERE id = "
        case .users: "UPDATE users SET lock_version = lock_version + 1 WHERE id = "
        case .indicators: "UPDATE indicators SET lock_version = lock_version + 1 WHERE id = "
        }
    }

    fileprivate var current: SQL {
        switch self {
        case .agreementVersions: "SELECT lock_version FROM agreement_versions WHERE id = "
        case .fundingSources: "SELECT lock_version FROM funding_sources WHERE id = "
        case .ikcs: "SELECT lock_version FROM ikcs WHERE id = "
        case .plusPredicates: "SELECT lock_version FROM plus_predicates WHERE ikc_id = "
        case .organisations: "SELECT lock_version FROM organisations WHERE id = "
        case .areas: "SELECT lock_version FROM areas WHERE id = "
        case .reports: "SELECT lock_version FROM reports WHERE id = "
        case .yearPlans: "SELECT lock_version FROM year_plans WHERE id = "
        case .users: "SELECT lock_version FROM users WHERE id = "
        case .indicators: "SELECT lock_version FROM indicators WHERE id = "
        }
    }
}

/// Optimistic locking, one way for every record: inside the write transaction, move the
/// record's version from `expected` to the next one, or throw without writing anything.
/// - Throws: `StoreError.notFound` when the row is gone, `StoreError.staleVersion` when someone
///   saved it since the form was loaded.
public func claim(_ table: VersionedTable, id: Int64, expected: Int64, _ c: Connection) throws {
    try c.execute(table.bump + "\(id) AND lock_version = \(expected)")
    guard c.changes == 0 else { return }
    guard let actual = try c.row(table.current + "\(id)")?.int64(0) else {
        throw StoreError.notFound(record: table.record, id: id)
    }
    throw StoreError.staleVersion(record: table.record, id: id, expected: expected, actual: actual)
}
