import Foundation

/// One migration file, `NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    /// The four-digit number, from 1.
    public let version: Int
    /// The part after the number, without `.sql`.
    public let name: String
    /// The file's contents, run with `Connection.executeScript`.
    public let sql: String
    /// SHA-256 of the file's bytes, lowercase hex; recorded when applied.
    public let sha256: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.sha256 = SHA256.hex(sql)
    }

    /// The file name, e.g. `0002_funding_sources.sql`.
    public var fileName: String {
        let number = String(version)
        return String(repeating: "0", count: max(0, 4 - number.count)) + number + "_" + name + ".sql"
    }
}

/// A row of `schema_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sha256: String
    /// UTC ISO-8601 text, as stored.
    public let appliedAt: String
}

/// Where a database stands against the migrations the code knows.
public struct MigrationStatus: Sendable {
    /// Rows of `schema_migrations`, by version.
    public let applied: [AppliedMigration]
    /// Known migrations not yet applied, in order.
    public let pending: [Migration]
    /// The highest applied version, 0 for a fresh database.
    public var currentVersion: Int { applied.last?.version ?? 0 }
}

/// Why migrations cannot be loaded or applied; the description is a message for the developer.
public enum MigrationError: Error, CustomStringConvertible, Sendable {
    case unreadableDirectory(String, reason: String)
    case unreadableFile(String, reason: String)
    case badFileName(String)
    case duplicateVersion(Int, files: [String])
    case gap(expected: Int, file: String)
    case changedAfterApplied(version: Int, file: String, appliedSHA256: String, fileSHA256: String)
    case renamedAfterApplied(version: Int, appliedName: String, file: String)
    case databaseNewerThanCode(version: Int, name: String, newestKnown: Int)
    case failed(file: String, error: SQLiteError)
    case leftTransaction(file: String)

    public var description: String {
        switch self {
        case .unreadableDirectory(let path, let reason):
            return "cannot read migrations directory \(path): \(reason)"
        case .unreadableFile(let file, let reason):
            return "cannot read migration \(file): \(reason)"
        case .badFileName(let file):
            return "migration file \(file) is not named NNNN_name.sql (four digits, underscore, name)"
        case .duplicateVersion(let version, let files):
            return "migration version \(version) appears more than once: \(files.joined(separator: ", "))"
        case .gap(let expected, let file):
            return "migration \(file) follows a gap: expected version \(expected) before it (versions start at 0001 and have no gaps)"
        case .changedAfterApplied(let version, let file, let applied, let disk):
            return "migration \(file) was changed after it was applied: version \(version) was applied with sha256 \(applied), the file now has \(disk). Never edit an applied migration; restore it and add a new one."
        case .renamedAfterApplied(let version, let appliedName, let file):
            return "migration \(file) was renamed after it was applied: version \(version) was applied as \"\(appliedName)\". Restore the old name."
        case .databaseNewerThanCode(let version, let name, let newest):
            return "the database has migration \(version) (\(name)) that this code does not know (newest known: \(newest)): the database is newer than the code. Run a newer version of the program."
        case .failed(let file, let error):
            return "migration \(file) failed and was rolled back, the database is unchanged: \(error)"
        case .leftTransaction(let file):
            return "migration \(file) ended the transaction it runs in (BEGIN/COMMIT/ROLLBACK in the file?); migrations must not manage transactions"
        }
    }
}

/// Applies `Migrations/NNNN_name.sql` files in order, each in its own immediate transaction
/// together with its row in `schema_migrations` (the miniflux shape).
///
/// Because each migration runs inside a transaction, `PRAGMA foreign_keys=OFF` has no effect in
/// a migration file (https://sqlite.org/pragma.html#pragma_foreign_keys); for a table rebuild
/// use `PRAGMA defer_foreign_keys=ON`. After each migration `PRAGMA foreign_key_check` must
/// come back empty, or the migration fails.
public enum Migrator {
    static let createTable: SQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    /// Reads `NNNN_name.sql` files from `directory` in version order. Other files are ignored;
    /// a `.sql` file with another name, a duplicate version or a gap is an error naming the file.
    public static func load(directory: String) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError.unreadableDirectory(directory, reason: "\(error)")
        }
        var migrations: [Migration] = []
        for file in names.sorted() where file.hasSuffix(".sql") {
            let utf8 = Array(file.utf8)
            // NNNN_x.sql: at least 4 digits + "_" + 1 + ".sql".
            guard utf8.count >= 10, utf8[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }), utf8[4] == 95,
                  let version = Int(String(decoding: utf8[0..<4], as: UTF8.self)) else {
                throw MigrationError.badFileName(file)
            }
            let name = String(decoding: utf8[5..<(utf8.count - 4)], as: UTF8.self)
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MigrationError.unreadableFile(file, reason: "no such file or not readable")
            }
            guard let sql = String(data: data, encoding: .utf8) else {
                throw MigrationError.unreadableFile(file, reason: "not valid UTF-8")
            }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        try validateOrder(migrations)
        return migrations
    }

    /// Applies the migrations not yet recorded in `schema_migrations`, in order, and returns
    /// them. Before applying anything, refuses a database whose applied migrations differ from
    /// `migrations` (changed or renamed file) or that has versions the code does not know.
    /// Running it again applies nothing.
    @discardableResult
    public static func migrate(_ db: Database, migrations: [Migration]) throws -> [Migration] {
        try validateOrder(migrations)
        try db.write { try $0.execute(createTable) }
        let current = try status(db, migrations: migrations)
        var applied: [Migration] = []
        for migration in current.pending {
            let didApply = try db.write { connection -> Bool in
                // Another process may have applied it since `status`.
                if try connection.row("SELECT 1 FROM schema_migrations WHERE version = \(migration.version)") != nil {
                    return false
                }
                do {
                    try connection.executeScript(migration.sql)
                } catch let error as SQLiteError {
                    throw MigrationError.failed(file: migration.fileName, error: error)
                }
                guard connection.isInTransaction else { throw MigrationError.leftTransaction(file: migration.fileName) }
                if let violation = try connection.row("PRAGMA foreign_key_check") {
                    let table = (try? violation.string(0)) ?? "?"
                    throw MigrationError.failed(file: migration.fileName, error: SQLiteError(
                        code: 787, message: "foreign key violation in table \(table) after the migration", sql: "PRAGMA foreign_key_check"))
                }
                try connection.execute("""
                    INSERT INTO schema_migrations (version, name, sha256, applied_at)
                    VALUES (\(migration.version), \(migration.name), \(migration.sha256), \(Date()))
                    """)
                return true
            }
            if didApply { applied.append(migration) }
        }
        return applied
    }

    /// Applied and pending migrations; throws the same errors as `migrate` for a changed,
    /// renamed or unknown applied migration. A database without `schema_migrations` has none applied.
    public static func status(_ db: Database, migrations: [Migration]) throws -> MigrationStatus {
        let applied: [AppliedMigration] = try db.read { connection in
            let exists = try connection.row("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") != nil
            guard exists else { return [] }
            return try connection.rows("SELECT version, name, sha256, applied_at FROM schema_migrations ORDER BY version").map {
                AppliedMigration(version: try $0.int(0), name: try $0.string(1), sha256: try $0.string(2), appliedAt: try $0.string(3))
            }
        }
        let known = Dictionary(migrations.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let newestKnown = migrations.last?.version ?? 0
        for row in applied {
            guard let migration = known[row.version] else {
                throw MigrationError.databaseNewerThanCode(version: row.version, name: row.name, newestKnown: newestKnown)
            }
            if migration.sha256 != row.sha256 {
                throw MigrationError.changedAfterApplied(version: row.version, file: migration.fileName, appliedSHA256: row.sha256, fileSHA256: migration.sha256)
            }
            if migration.name != row.name {
                throw MigrationError.renamedAfterApplied(version: row.version, appliedName: row.name, file: migration.fileName)
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        return MigrationStatus(applied: applied, pending: migrations.filter { !appliedVersions.contains($0.version) })
    }

    private static func validateOrder(_ migrations: [Migration]) throws {
        for (index, migration) in migrations.enumerated() {
            if index > 0, migrations[index - 1].version == migration.version {
                throw MigrationError.duplicateVersion(migration.version, files: [migrations[index - 1].fileName, migration.fileName])
            }
            if migration.version != index + 1 {
                throw MigrationError.gap(expected: index + 1, file: migration.fileName)
            }
        }
    }
}
