import Domain
import SQLite

/// Organisations and areas.
public enum Organisations {
    /// Names by id, for labels.
    public static func names(_ c: Connection) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try c.rows("SELECT id, name FROM organisations") { names[try row.int64(0)] = try row.string(1) }
        return names
    }
}

public enum Areas {
    public static func name(id: Int64, _ c: Connection) throws -> String? {
        try c.row("SELECT name FROM areas WHERE id = \(id)")?.string(0)
    }
}
