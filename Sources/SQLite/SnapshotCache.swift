import Synchronization

/// Counts the commits the reader connections of one `Database` have noticed (see
/// `Connection.snapshotTag`).
final class CommitGeneration: Sendable {
    private let value = Atomic<UInt64>(0)
    func load() -> UInt64 { value.load(ordering: .acquiring) }
    func bump() { value.add(1, ordering: .acquiringAndReleasing) }
}

/// Values computed from the database and kept while nothing has been committed since: each
/// lookup is made inside a `Database.read` and answers only from values computed from the same
/// database state (`Connection.snapshotTag`), so a cached value is never older than the
/// snapshot of the transaction asking for it. Any commit, by this process or by another one
/// (the command-line tool), empties the cache. Inside a `write`, or when a commit raced with
/// the start of the transaction, it computes without caching.
///
/// Use it for values that depend only on the database (not on the clock or the user) and are
/// read far more often than written: the programme settings, the IKC overview's rows.
public final class SnapshotCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline
    struct State {
        @usableFromInline var tag: UInt64 = 0
        @usableFromInline var entries: [Key: Value] = [:]
        @usableFromInline init(tag: UInt64 = 0, entries: [Key: Value] = [:]) {
            self.tag = tag
            self.entries = entries
        }
    }
    // Inlinable, so that callers in other modules get a specialized copy (no generic metadata
    // lookups on every request).
    @usableFromInline let state = Mutex<State>(State())
    @usableFromInline let limit: Int

    /// - Parameter limit: entries kept per database state (a filter combination, say); when
    ///   full, the cache starts over.
    public init(limit: Int = 64) {
        self.limit = limit
    }

    /// The value for `key` in the state `connection` sees, computed by `compute` when missing.
    @inlinable
    public func value(_ key: Key, _ connection: Connection, _ compute: (Connection) throws -> Value) throws -> Value {
        guard let tag = connection.snapshotTag else { return try compute(connection) }
        if let hit = state.withLock({ $0.tag == tag ? $0.entries[key] : nil }) { return hit }
        let value = try compute(connection)
        state.withLock { state in
            if state.tag != tag {
                // Tags only grow: an older transaction must not evict a newer state's values.
                guard tag > state.tag else { return }
                state = State(tag: tag, entries: [:])
            }
            if state.entries.count >= limit { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = value
        }
        return value
    }
}

extension SnapshotCache where Key == Int {
    /// For a single value (no key).
    @inlinable
    public func value(_ connection: Connection, _ compute: (Connection) throws -> Value) throws -> Value {
        try value(0, connection, compute)
    }
}
