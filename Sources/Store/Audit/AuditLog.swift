import Domain
import SQLite

/// The audit log: who did what to which record, with old and new values of a change.
public enum AuditLog {
    /// Field changes as a JSON object, written by hand so the key order is stable.
    public static func json(_ fields: [(String, String?)]) -> String {
        var out = "{"
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { out += "," }
            out += quote(key) + ":" + (value.map(quote) ?? "null")
        }
        return out + "}"
    }

    static func quote(_ text: String) -> String {
        // Most values need no escape: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Only the fields that differ, as (old JSON, new JSON); nil when nothing changed.
    public static func diff(_ fields: [(String, String?, String?)]) -> (old: String, new: String)? {
        let changed = fields.filter { $0.1 != $0.2 }
        guard !changed.isEmpty else { return nil }
        return (json(changed.map { ($0.0, $0.1) }), json(changed.map { ($0.0, $0.2) }))
    }

    public static func record(userID: Int64?, action: String, recordType: String, recordID: Int64?, summary: String,
                              oldValues: String? = nil, newValues: String? = nil, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO audit_log (at, user_id, action, record_type, record_id, summary, old_values, new_values)
            VALUES (\(Timestamp.now()), \(userID), \(action), \(recordType), \(recordID), \(summary), \(oldValues), \(newValues))
            """)
    }

    public static func entries(recordType: String?, recordID: Int64?, limit: Int = 200, _ c: Connection) throws -> [AuditEntry] {
        var sql: SQL = """
            SELECT a.id, a.at, u.name, a.action, a.record_type, a.record_id, a.summary, a.old_values, a.new_values
            FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE 1 = 1
            """
        if let recordType { sql = sql + " AND a.record_type = \(recordType)" }
        if let recordID { sql = sql + " AND a.record_id = \(recordID)" }
        sql = sql + " ORDER BY a.id DESC LIMIT \(limit)"
        return try c.rows(sql).map { row in
            AuditEntry(id: try row.int64(0), at: try row.string(1), userName: try row.optionalString(2), action: try row.string(3),
                  recordType: try row.string(4), recordID: try row.optionalInt64(5), summary: try row.string(6),
                  oldValues: try row.optionalString(7), newValues: try row.optionalString(8))
        }
    }
}
