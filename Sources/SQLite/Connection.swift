import CSQLite
import Foundation

/// One SQLite connection, lent to the closure of `Database.read` or `Database.write`.
///
/// Use it only inside that closure and on that thread: it is deliberately not `Sendable`.
/// Prepared statements are cached per connection, keyed by SQL text
/// (`sqlite3_prepare_v3` with `SQLITE_PREPARE_PERSISTENT`), and reset with bindings cleared
/// after each use.
public final class Connection {
    let handle: OpaquePointer
    private var cache: [String: CachedStatement] = [:]
    private var savepointDepth = 0
    private static let cacheLimit = 256

    /// What `snapshotTag` knows in the current read transaction (reset by `Database.read`).
    enum TagState {
        /// A write transaction or no transaction: no tag.
        case none
        /// A read transaction that began when the generation was `start`.
        case pending(start: UInt64, generation: CommitGeneration)
        case resolved(UInt64?)
    }
    var tagState = TagState.none
    /// `PRAGMA data_version` at this connection's previous check, nil before the first.
    private var lastDataVersion: Int64?

    final class CachedStatement {
        let handle: OpaquePointer
        var inUse = false
        init(handle: OpaquePointer) { self.handle = handle }
    }

    /// Opens a connection; `flags` as for `sqlite3_open_v2`.
    init(path: String, flags: Int32) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let error = SQLiteError.from(db, code: rc, sql: nil)
            sqlite3_close_v2(db)
            throw SQLiteError(code: error.code, message: "cannot open database at \(path): \(error.message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    /// Finalizes cached statements and closes the connection.
    func close() {
        for statement in cache.values { sqlite3_finalize(statement.handle) }
        cache = [:]
        sqlite3_close_v2(handle)
    }

    // MARK: Public API

    /// Runs one statement, discarding any rows it returns.
    public func execute(_ sql: SQL) throws {
        try withStatement(sql) { statement in
            while try step(statement, sql.text) {}
        }
    }

    /// All result rows.
    public func rows(_ sql: SQL) throws -> [Row] {
        var result: [Row] = []
        try each(sql) { result.append($0) }
        return result
    }

    /// The first result row, or nil when there is none.
    public func row(_ sql: SQL) throws -> Row? {
        try withStatement(sql) { statement in
            guard try step(statement, sql.text) else { return nil }
            return readRow(statement, names: columnNames(statement), sql: sql.text)
        }
    }

    /// Calls `body` for each result row as it is stepped, without collecting them.
    public func each(_ sql: SQL, _ body: (Row) throws -> Void) throws {
        try withStatement(sql) { statement in
            var names: [String]?
            while try step(statement, sql.text) {
                let columnNames = names ?? columnNames(statement)
                names = columnNames
                try body(readRow(statement, names: columnNames, sql: sql.text))
            }
        }
    }

    /// Runs several `;`-separated statements without bindings (`sqlite3_exec`): for migration
    /// files only. Values never belong in this text; use `execute(_:)` with `SQL`.
    public func executeScript(_ text: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, text, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message, sql: text)
        }
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// True while a transaction is open (`sqlite3_get_autocommit` is 0).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// True inside a write transaction (`BEGIN IMMEDIATE`, or a read that has written since).
    public var isWriting: Bool { sqlite3_txn_state(handle, nil) == SQLITE_TXN_WRITE }

    /// Runs `body` inside a savepoint (https://sqlite.org/lang_savepoint.html): released on
    /// return, rolled back to (and released) on throw, rethrowing the original error. The
    /// enclosing transaction goes on either way.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "plusikc_sp\(savepointDepth)"
        try executeScript("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            // A failure here means the transaction is gone anyway; report the original error.
            try? executeScript("ROLLBACK TO \(name); RELEASE \(name)")
            throw error
        }
        try executeScript("RELEASE \(name)")
        return result
    }

    /// Inside a `Database.read`: a number that is the same for two read transactions only when
    /// they see the same database state, or nil when that cannot be told (inside a `write`, or a
    /// commit raced with the start of this transaction). `SnapshotCache` keys its values on it.
    ///
    /// How: `PRAGMA data_version` on a reader changes whenever any other connection (the writer,
    /// another process) has committed since the reader's previous check; the first check after a
    /// commit bumps the database's generation. The tag is the generation loaded before the
    /// transaction began, valid only when it is unchanged after this connection's check (which
    /// starts the read snapshot if no query has yet). So a snapshot taken after a commit never
    /// carries a tag loaded before it was noticed, and one taken before never a later tag.
    public var snapshotTag: UInt64? {
        switch tagState {
        case .none:
            return nil
        case .resolved(let tag):
            return tag
        case .pending(let start, let generation):
            var tag: UInt64? = nil
            if let version = try? row("PRAGMA data_version")?.int64(0) {
                if version != lastDataVersion {
                    lastDataVersion = version
                    generation.bump()
                } else if generation.load() == start {
                    tag = start
                }
            }
            tagState = .resolved(tag)
            return tag
        }
    }

    // MARK: Statements

    private func withStatement<T>(_ sql: SQL, _ body: (OpaquePointer) throws -> T) throws -> T {
        let statement: OpaquePointer
        let cached: CachedStatement?
        if let entry = cache[sql.text], !entry.inUse {
            statement = entry.handle
            cached = entry
        } else {
            // Not cached, or already being stepped further up the stack (a query inside `each`
            // over the same text): prepare a fresh statement.
            statement = try prepare(sql.text)
            if cache[sql.text] == nil {
                if cache.count >= Connection.cacheLimit { evictIdleStatements() }
                let entry = CachedStatement(handle: statement)
                cache[sql.text] = entry
                cached = entry
            } else {
                cached = nil
            }
        }
        cached?.inUse = true
        defer {
            if let cached {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
                cached.inUse = false
            } else {
                sqlite3_finalize(statement)
            }
        }
        try bind(sql, to: statement)
        return try body(statement)
    }

    private func evictIdleStatements() {
        for (text, entry) in cache where !entry.inUse {
            sqlite3_finalize(entry.handle)
            cache[text] = nil
        }
    }

    private func prepare(_ text: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let rc = text.withCString { cText in
            let rc = sqlite3_prepare_v3(handle, cText, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            // A second statement after the first would be silently ignored: refuse it. Trailing
            // whitespace, semicolons and comments prepare to no statement and are fine.
            if rc == SQLITE_OK, let tail, tail.pointee != 0 {
                var extra: OpaquePointer?
                let tailCode = sqlite3_prepare_v3(handle, tail, -1, 0, &extra, nil)
                let hasStatement = extra != nil
                sqlite3_finalize(extra)
                if tailCode != SQLITE_OK || hasStatement { return SQLITE_MISUSE }
            }
            return rc
        }
        if rc == SQLITE_MISUSE, statement != nil {
            sqlite3_finalize(statement)
            throw SQLiteError.misuse("more than one statement in SQL text; use one statement per call (executeScript is for migration files)", sql: text)
        }
        guard rc == SQLITE_OK, let statement else {
            // statement is nil for empty text or a comment-only text.
            let error = rc == SQLITE_OK
                ? SQLiteError.misuse("SQL text contains no statement", sql: text)
                : SQLiteError.from(handle, code: sqlite3_extended_errcode(handle), sql: text)
            sqlite3_finalize(statement)
            throw error
        }
        return statement
    }

    private func bind(_ sql: SQL, to statement: OpaquePointer) throws {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == sql.bindings.count else {
            throw SQLiteError(code: SQLITE_RANGE, message: "statement has \(expected) parameters but \(sql.bindings.count) values were bound", sql: sql.text)
        }
        // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in sql.bindings.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null:
                rc = sqlite3_bind_null(statement, index)
            case .integer(let v):
                rc = sqlite3_bind_int64(statement, index, v)
            case .real(let v):
                rc = sqlite3_bind_double(statement, index, v)
            case .text(let v):
                // Explicit length so text with NUL characters is kept whole; a non-nil pointer
                // for "" so the empty string does not become NULL.
                var text = v
                rc = text.withUTF8 { buffer in
                    buffer.baseAddress == nil
                        ? sqlite3_bind_text(statement, index, "", 0, transient)
                        : buffer.withMemoryRebound(to: CChar.self) {
                            sqlite3_bind_text(statement, index, $0.baseAddress, Int32(buffer.count), transient)
                        }
                }
            case .blob(let v):
                rc = v.isEmpty
                    ? sqlite3_bind_zeroblob(statement, index, 0)
                    : v.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
            }
            guard rc == SQLITE_OK else { throw SQLiteError.from(handle, code: rc, sql: sql.text) }
        }
    }

    /// Steps once: true for a row, false when done; throws SQLite's error otherwise.
    private func step(_ statement: OpaquePointer, _ text: String) throws -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError.from(handle, code: sqlite3_extended_errcode(handle), sql: text)
        }
    }

    private func columnNames(_ statement: OpaquePointer) -> [String] {
        (0..<sqlite3_column_count(statement)).map { column in
            sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
    }

    private func readRow(_ statement: OpaquePointer, names: [String], sql: String) -> Row {
        var values: [SQLValue] = []
        values.reserveCapacity(names.count)
        for column in 0..<Int32(names.count) {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER:
                values.append(.integer(sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT:
                values.append(.real(sqlite3_column_double(statement, column)))
            case SQLITE_TEXT:
                // column_text before column_bytes (https://sqlite.org/c3ref/column_blob.html).
                let pointer = sqlite3_column_text(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                let text = pointer.map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""
                values.append(.text(text))
            case SQLITE_BLOB:
                let pointer = sqlite3_column_blob(statement, column)
                let count = Int(sqlite3_column_bytes(statement, column))
                let bytes = pointer.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
                values.append(.blob(bytes))
            default:
                values.append(.null)
            }
        }
        return Row(columnNames: names, values: values, sql: sql)
    }
}
