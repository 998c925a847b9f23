import CSQLite
import Foundation

/// One result row, its values copied out of the statement (so it outlives the step).
///
/// Every typed getter checks the stored type: reading TEXT as `int64`, or NULL through a
/// non-optional getter, throws a `SQLiteError` (`SQLITE_MISMATCH`) naming the column and what
/// was found, never a default or garbage value. Columns are addressed by index (0-based) or by
/// name (the name SQLite reports: the `AS` alias, else the column name).
public struct Row: Sendable {
    /// Result column names, in order.
    public let columnNames: [String]
    /// Result values, in order.
    public let values: [SQLValue]
    /// The statement that produced the row, for error messages.
    public let sql: String?

    public init(columnNames: [String], values: [SQLValue], sql: String? = nil) {
        self.columnNames = columnNames
        self.values = values
        self.sql = sql
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The raw value of a column by index.
    public func value(_ column: Int) throws -> SQLValue {
        guard column >= 0, column < values.count else {
            throw SQLiteError(code: SQLITE_RANGE, message: "column index \(column) out of range (row has \(values.count) columns)", sql: sql)
        }
        return values[column]
    }

    /// The raw value of a column by name.
    public func value(_ column: String) throws -> SQLValue {
        try values[index(of: column)]
    }

    /// The index of the named column; throws if the row has no such column.
    public func index(of name: String) throws -> Int {
        if let index = columnNames.firstIndex(of: name) { return index }
        if let index = columnNames.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return index }
        throw SQLiteError(code: SQLITE_RANGE, message: "no column named \"\(name)\" (columns: \(columnNames.joined(separator: ", ")))", sql: sql)
    }

    // MARK: Typed getters by index

    /// INTEGER as `Int64`.
    public func int64(_ column: Int) throws -> Int64 { try required(column, "INTEGER", optionalInt64) }
    /// INTEGER as `Int`.
    public func int(_ column: Int) throws -> Int { try required(column, "INTEGER", optionalInt) }
    /// REAL (or INTEGER, converted) as `Double`.
    public func double(_ column: Int) throws -> Double { try required(column, "REAL", optionalDouble) }
    /// TEXT as `String`.
    public func string(_ column: Int) throws -> String { try required(column, "TEXT", optionalString) }
    /// INTEGER 0 or 1 as `Bool`.
    public func bool(_ column: Int) throws -> Bool { try required(column, "INTEGER 0/1", optionalBool) }
    /// TEXT in ISO-8601 (see `SQLDate`) as `Date`.
    public func date(_ column: Int) throws -> Date { try required(column, "TEXT date", optionalDate) }
    /// BLOB as bytes.
    public func blob(_ column: Int) throws -> [UInt8] { try required(column, "BLOB", optionalBlob) }

    /// INTEGER or NULL.
    public func optionalInt64(_ column: Int) throws -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .integer(let v): return v
        default: throw mismatch(column, expected: "INTEGER")
        }
    }

    /// INTEGER or NULL, as `Int`.
    public func optionalInt(_ column: Int) throws -> Int? {
        guard let v = try optionalInt64(column) else { return nil }
        guard let i = Int(exactly: v) else { throw mismatch(column, expected: "INTEGER that fits Int") }
        return i
    }

    /// REAL, INTEGER (converted) or NULL.
    public func optionalDouble(_ column: Int) throws -> Double? {
        switch try value(column) {
        case .null: return nil
        case .real(let v): return v
        case .integer(let v): return Double(v)
        default: throw mismatch(column, expected: "REAL")
        }
    }

    /// TEXT or NULL.
    public func optionalString(_ column: Int) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let v): return v
        default: throw mismatch(column, expected: "TEXT")
        }
    }

    /// INTEGER 0/1 or NULL; other integers are a mismatch.
    public func optionalBool(_ column: Int) throws -> Bool? {
        switch try value(column) {
        case .null: return nil
        case .integer(0): return false
        case .integer(1): return true
        default: throw mismatch(column, expected: "INTEGER 0/1")
        }
    }

    /// ISO-8601 TEXT or NULL.
    public func optionalDate(_ column: Int) throws -> Date? {
        switch try value(column) {
        case .null: return nil
        case .text(let v):
            guard let date = SQLDate.parse(v) else { throw mismatch(column, expected: "TEXT date (yyyy-MM-ddTHH:mm:ss.SSSZ)") }
            return date
        default: throw mismatch(column, expected: "TEXT date")
        }
    }

    /// BLOB or NULL.
    public func optionalBlob(_ column: Int) throws -> [UInt8]? {
        switch try value(column) {
        case .null: return nil
        case .blob(let v): return v
        default: throw mismatch(column, expected: "BLOB")
        }
    }

    // MARK: Typed getters by name

    public func int64(_ column: String) throws -> Int64 { try int64(index(of: column)) }
    public func int(_ column: String) throws -> Int { try int(index(of: column)) }
    public func double(_ column: String) throws -> Double { try double(index(of: column)) }
    public func string(_ column: String) throws -> String { try string(index(of: column)) }
    public func bool(_ column: String) throws -> Bool { try bool(index(of: column)) }
    public func date(_ column: String) throws -> Date { try date(index(of: column)) }
    public func blob(_ column: String) throws -> [UInt8] { try blob(index(of: column)) }
    public func optionalInt64(_ column: String) throws -> Int64? { try optionalInt64(index(of: column)) }
    public func optionalInt(_ column: String) throws -> Int? { try optionalInt(index(of: column)) }
    public func optionalDouble(_ column: String) throws -> Double? { try optionalDouble(index(of: column)) }
    public func optionalString(_ column: String) throws -> String? { try optionalString(index(of: column)) }
    public func optionalBool(_ column: String) throws -> Bool? { try optionalBool(index(of: column)) }
    public func optionalDate(_ column: String) throws -> Date? { try optionalDate(index(of: column)) }
    public func optionalBlob(_ column: String) throws -> [UInt8]? { try optionalBlob(index(of: column)) }

    // MARK: Helpers

    private func required<T>(_ column: Int, _ expected: String, _ read: (Int) throws -> T?) throws -> T {
        guard let value = try read(column) else { throw mismatch(column, expected: expected) }
        return value
    }

    private func mismatch(_ column: Int, expected: String) -> SQLiteError {
        let name = column < columnNames.count ? columnNames[column] : "?"
        let found: String
        switch values[column] {
        case .null: found = "NULL"
        case .integer(let v): found = "INTEGER \(v)"
        case .real(let v): found = "REAL \(v)"
        case .text(let v): found = "TEXT \"\(v.count > 40 ? String(v.prefix(40)) + "…" : v)\""
        case .blob(let v): found = "BLOB of \(v.count) bytes"
        }
        return SQLiteError(code: SQLITE_MISMATCH, message: "column \(column) \"\(name)\": expected \(expected), found \(found)", sql: sql)
    }
}
