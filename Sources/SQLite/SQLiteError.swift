import CSQLite

/// An error from SQLite, or from this module's use of it; keeps SQLite's message and the SQL.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The extended result code (https://sqlite.org/rescode.html), e.g. 2067 for
    /// `SQLITE_CONSTRAINT_UNIQUE`; `primaryCode` gives the primary one (19, `SQLITE_CONSTRAINT`).
    public let code: Int32
    /// `sqlite3_errmsg` at the time of the failure, or this module's explanation.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of `code`), e.g. `SQLITE_BUSY` = 5, `SQLITE_CONSTRAINT` = 19.
    public var primaryCode: Int32 { code & 0xFF }

    /// True for a constraint violation (UNIQUE, FOREIGN KEY, CHECK, NOT NULL).
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// True when the database could not be written at all: the disk or the database is full
    /// (`SQLITE_FULL`), the file system failed (`SQLITE_IOERR` and its extended codes), or the
    /// file or its directory is read-only (`SQLITE_READONLY`). Nothing of the transaction is
    /// stored; reads keep working (https://sqlite.org/rescode.html).
    public var isStorageFailure: Bool {
        primaryCode == SQLITE_FULL || primaryCode == SQLITE_IOERR || primaryCode == SQLITE_READONLY
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }

    /// The error SQLite reports on `handle` right now.
    static func from(_ handle: OpaquePointer?, code: Int32, sql: String?) -> SQLiteError {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        return SQLiteError(code: code, message: message, sql: sql)
    }

    /// Misuse of this module (e.g. a nested `write`): `SQLITE_MISUSE` with an explanation.
    static func misuse(_ message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(code: SQLITE_MISUSE, message: message, sql: sql)
    }
}
