import CSQLite
import Foundation
import Synchronization

/// A SQLite database file shared by the whole process: one writer connection and a pool of
/// reader connections.
///
/// Locking model:
/// - Connections are opened with `SQLITE_OPEN_NOMUTEX`; this class guarantees that a connection
///   is used by one thread at a time, so SQLite's own per-connection mutex would only cost time.
/// - Writes queue on an in-process lock around the single writer connection (not on SQLite's
///   busy handler), then run in `BEGIN IMMEDIATE … COMMIT`. So writers in this process never
///   see "database is locked"; `busy_timeout` only matters for other processes (the CLI, a backup).
/// - Reads borrow a connection from the reader pool (waiting only when all are lent out) and
///   run in a read transaction: one consistent snapshot across several queries. With WAL
///   (https://sqlite.org/wal.html) readers never wait for the writer, nor the writer for them.
/// - Readers are opened read-write but with `PRAGMA query_only=ON`: a write in a read closure
///   fails, while the connection can still recover the WAL index after a crash, which a
///   `SQLITE_OPEN_READONLY` connection cannot always do.
/// - `read`/`write` inside a `read`/`write` closure on the same thread throws `SQLiteError`
///   instead of deadlocking or silently joining the outer transaction: use the `Connection`
///   you were given (and `savepoint` for a nested unit). Blocking on another thread that calls
///   `write` from inside a `write` closure cannot be detected and deadlocks: don't.
///
/// Durability: `journal_mode=WAL` with `synchronous=NORMAL` survives a crash or kill of the
/// process with every committed transaction intact; after a power loss or OS crash the last
/// transactions may be lost, but the database is never corrupted
/// (https://sqlite.org/pragma.html#pragma_synchronous).
public final class Database: Sendable {
    /// The database file.
    public let path: String

    private let writer: WriterSlot
    private let readers: ReaderPool
    /// Threads inside a `read`, `write` or `backup` of this database, to refuse nesting.
    private let activeThreads = Mutex<[UInt: String]>([:])
    /// Commits noticed by the readers, for `Connection.snapshotTag`.
    private let generation = CommitGeneration()
    private let lastStorageFailure = Mutex<SQLiteError?>(nil)

    /// The error of the last `write` that failed because the database could not be written
    /// (`SQLiteError.isStorageFailure`: disk full, I/O error, read-only), until a `write`
    /// commits again; nil while writes work. A health check reads it without touching the file.
    public var storageFailure: SQLiteError? { lastStorageFailure.withLock { $0 } }

    /// Opens (creating if needed) the database at `path`, a file path (not `:memory:`: every
    /// connection must see the same database). Sets `journal_mode=WAL`, `foreign_keys=ON`,
    /// `synchronous=NORMAL` and `busy_timeout` on every connection.
    ///
    /// - Parameters:
    ///   - readers: connections in the reader pool (at least 1).
    ///   - busyTimeoutMilliseconds: how long a connection waits for a lock held by another process.
    public init(path: String, readers: Int = 4, busyTimeoutMilliseconds: Int32 = 5000) throws {
        guard sqlite3_threadsafe() != 0 else {
            throw SQLiteError.misuse("this libsqlite3 was built with SQLITE_THREADSAFE=0; it cannot be used from several threads")
        }
        self.path = path
        let writerConnection = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
        var readerConnections: [Connection] = []
        do {
            sqlite3_busy_timeout(writerConnection.handle, busyTimeoutMilliseconds)
            let mode = try writerConnection.row("PRAGMA journal_mode=WAL")?.optionalString(0)
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(code: SQLITE_ERROR, message: "could not switch to WAL journal mode (got \(mode ?? "nothing"))", sql: "PRAGMA journal_mode=WAL")
            }
            try writerConnection.execute("PRAGMA synchronous=NORMAL")
            try writerConnection.execute("PRAGMA foreign_keys=ON")
            for _ in 0..<max(1, readers) {
                let reader = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX)
                readerConnections.append(reader)
                sqlite3_busy_timeout(reader.handle, busyTimeoutMilliseconds)
                try reader.execute("PRAGMA foreign_keys=ON")
                try reader.execute("PRAGMA query_only=ON")
            }
        } catch {
            for reader in readerConnections { reader.close() }
            writerConnection.close()
            throw error
        }
        writer = WriterSlot(connection: writerConnection)
        self.readers = ReaderPool(connections: readerConnections)
    }

    deinit {
        close()
    }

    /// Runs `body` in a read-only transaction (`BEGIN … COMMIT`) on a connection borrowed from
    /// the reader pool: all queries inside see one consistent snapshot. Blocks while all
    /// readers are lent out; never waits for the writer. A write statement inside throws.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try enter("read")
        defer { leave() }
        let connection = try readers.borrow()
        defer {
            connection.tagState = .none
            readers.giveBack(connection)
        }
        // Loaded before the snapshot begins (see `Connection.snapshotTag`).
        connection.tagState = .pending(start: generation.load(), generation: generation)
        try connection.execute("BEGIN DEFERRED")
        return try finishTransaction(connection, body)
    }

    /// Runs `body` as the single writer, in `BEGIN IMMEDIATE … COMMIT`: committed when `body`
    /// returns, rolled back when it throws (the original error is rethrown). Callers queue on an
    /// in-process lock. A `read` or `write` inside `body` on the same thread throws `SQLiteError`.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try enter("write")
        defer { leave() }
        writer.lock.lock()
        defer { writer.lock.unlock() }
        guard let connection = writer.connection else { throw SQLiteError.misuse("database \(path) is closed") }
        do {
            try connection.execute("BEGIN IMMEDIATE")
            let result = try finishTransaction(connection, body)
            lastStorageFailure.withLock { $0 = nil }
            return result
        } catch let error as SQLiteError where error.isStorageFailure {
            lastStorageFailure.withLock { $0 = error }
            throw error
        }
    }

    /// Copies the whole database to `path` with SQLite's online backup
    /// (https://sqlite.org/backup.html), from a reader's snapshot, so writes go on meanwhile.
    /// The copy is written next to `path` and renamed into place when complete, so `path` is
    /// never a half-written file; an existing file at `path` is replaced.
    public func backup(to path: String) throws {
        try enter("backup")
        defer { leave() }
        let source = try readers.borrow()
        defer { readers.giveBack(source) }
        let partial = path + ".partial-\(getpid())"
        unlink(partial)
        let destination = try Connection(path: partial, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
        var closed = false
        defer {
            if !closed { destination.close(); unlink(partial) }
        }
        guard let backup = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
            throw SQLiteError.from(destination.handle, code: sqlite3_extended_errcode(destination.handle), sql: nil)
        }
        // -1: copy every page in one step, inside one read transaction on the source.
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else {
            throw SQLiteError(code: stepCode, message: "backup to \(path) failed: \(String(cString: sqlite3_errstr(stepCode)))")
        }
        guard finishCode == SQLITE_OK else {
            throw SQLiteError.from(destination.handle, code: finishCode, sql: nil)
        }
        destination.close()
        closed = true
        guard rename(partial, path) == 0 else {
            let error = errno
            unlink(partial)
            throw SQLiteError(code: SQLITE_CANTOPEN, message: "backup: rename(\(partial), \(path)) failed: \(String(cString: strerror(error)))")
        }
    }

    /// Closes all connections. Later `read`/`write` calls throw; a reader that is lent out is
    /// closed when it comes back. Safe to call more than once.
    public func close() {
        readers.close()
        writer.lock.lock()
        defer { writer.lock.unlock() }
        if let connection = writer.connection {
            // Recommended before closing (https://sqlite.org/pragma.html#pragma_optimize); cheap.
            try? connection.execute("PRAGMA optimize")
            connection.close()
        }
        writer.connection = nil
    }

    // MARK: Private

    private func finishTransaction<T>(_ connection: Connection, _ body: (Connection) throws -> T) throws -> T {
        let result: T
        do {
            result = try body(connection)
            try connection.execute("COMMIT")
        } catch {
            // SQLite may already have rolled back (e.g. SQLITE_FULL); then there is nothing to undo.
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw error
        }
        return result
    }

    private func enter(_ kind: String) throws {
        let thread = UInt(pthread_self())
        let outer: String? = activeThreads.withLock { active in
            if let outer = active[thread] { return outer }
            active[thread] = kind
            return nil
        }
        if let outer {
            throw SQLiteError.misuse("\(kind) called inside a \(outer) of the same database on the same thread; use the Connection passed to the outer closure (or connection.savepoint { } for a nested unit)")
        }
    }

    private func leave() {
        let thread = UInt(pthread_self())
        activeThreads.withLock { _ = $0.removeValue(forKey: thread) }
    }
}

/// The writer connection behind its lock; `lock` guards `connection` and is held for a whole
/// write.
///
/// A plain mutex: whichever writer runs when the lock comes free takes it. It replaced a
/// first-come-first-served ticket lock (fifth session of 04-12) once the hot save read and
/// checked before taking the lock (`Agreements.saveGrid`): with 16 saves at once on two cores
/// the writer whose turn it was often was not running, and the lock stood free until the
/// scheduler got to it (it was held about half the time); taken by whoever is ready, it stays busy.
/// 16 clients saved 3,700–3,830 times a second against 3,140–3,230 in order, p99 10–12 ms
/// against 9–10 (README, "the save decides before it writes").
private final class WriterSlot: @unchecked Sendable {
    let lock = NSLock()
    var connection: Connection?

    init(connection: Connection) {
        self.connection = connection
    }
}

/// Reader connections lent out one thread at a time; `condition` guards the state.
private final class ReaderPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [Connection]
    private var closed = false

    init(connections: [Connection]) {
        idle = connections
    }

    func borrow() throws -> Connection {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && !closed { condition.wait() }
        guard !closed, let connection = idle.popLast() else { throw SQLiteError.misuse("database is closed") }
        return connection
    }

    func giveBack(_ connection: Connection) {
        condition.lock()
        defer { condition.unlock() }
        if closed {
            connection.close()
        } else {
            idle.append(connection)
            condition.signal()
        }
    }

    func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        for connection in idle { connection.close() }
        idle = []
        condition.broadcast()
    }
}
