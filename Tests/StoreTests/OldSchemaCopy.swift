import Foundation
import SQLite
import Store
import TestSupport

/// The seeded demo copied into the schema as it was before migration `version`, for the tests
/// that prove a migration loses nothing: copy, keep a backup, migrate, compare every old column.
struct OldSchemaCopy {
    /// The demo in today's schema (without report editions: a copy of the template), the source of the copy.
    let seeded: TemporaryDatabase
    /// The copy in the old schema; `migrate()` brings it to today's.
    let old: TemporaryDatabase
    /// The old schema's tables and their columns.
    let tables: [(name: String, columns: [String])]
    let migrations: [Migration]
    /// The copy as it was before migrating.
    let backup: String
    private let directory: TemporaryDirectory

    /// - Parameters:
    ///   - only: per table, a WHERE clause for the rows the old schema can hold.
    ///   - adjust: SQL run on the copy (tables as `main.…`) before the backup is taken.
    init(before version: Int, only: [String: String] = [:], adjust: String = "") throws {
        seeded = try DatabaseTemplate.seededWithoutReports().copy()
        migrations = try Migrator.load(directory: TemporaryDatabase.repositoryMigrationsDirectory)
        directory = try TemporaryDirectory(prefix: "plusikc-before-\(version)")
        for migration in migrations where migration.version < version {
            let number = String(migration.version)
            let name = String(repeating: "0", count: max(0, 4 - number.count)) + number + "_" + migration.name + ".sql"
            _ = try directory.write(migration.sql, to: name)
        }
        old = try TemporaryDatabase(migrationsDirectory: directory.path)
        tables = try Self.tables(old.database)
        var copy = "ATTACH DATABASE '\(seeded.path)' AS src; PRAGMA foreign_keys = OFF; BEGIN;"
        for table in tables {
            let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let condition = only[table.name].map { " WHERE \($0)" } ?? ""
            copy += " DELETE FROM main.\"\(table.name)\"; INSERT INTO main.\"\(table.name)\" (\(columns)) SELECT \(columns) FROM src.\"\(table.name)\"\(condition);"
        }
        copy += " " + adjust + " COMMIT; DETACH DATABASE src; PRAGMA foreign_keys = ON;"
        try Self.script(old.database, copy)
        backup = directory.file("before.sqlite")
        try old.database.backup(to: backup)
    }

    /// Runs every migration on the copy.
    func migrate() throws {
        _ = try Migrator.migrate(old.database, migrations: migrations)
    }

    /// Per old table, how many backup rows differ in the migrated copy (every old column but the
    /// skipped ones) and how many are missing; then the rows `extra` inserts into
    /// `main.migration_check (name, lost, rows)` with the backup attached as `b`.
    func losses(skipping skip: (_ table: String, _ column: String) -> Bool = { _, _ in false },
                extra: String = "") throws -> [(name: String, lost: Int, rows: Int)] {
        var compare = "ATTACH DATABASE '\(backup)' AS b; CREATE TABLE main.migration_check (name TEXT, lost INTEGER, rows INTEGER);"
        for table in tables {
            let columns = table.columns.filter { !skip(table.name, $0) }.map { "\"\($0)\"" }.joined(separator: ", ")
            compare += """
                 INSERT INTO main.migration_check SELECT '\(table.name)',
                   (SELECT COUNT(*) FROM (SELECT \(columns) FROM b."\(table.name)" EXCEPT SELECT \(columns) FROM main."\(table.name)")),
                   (SELECT COUNT(*) FROM b."\(table.name)") - (SELECT COUNT(*) FROM main."\(table.name)");
                """
        }
        compare += " " + extra + " DETACH DATABASE b;"
        try Self.script(old.database, compare)
        return try old.database.read { c in
            try c.rows("SELECT name, lost, rows FROM migration_check ORDER BY rowid").map { (try $0.string(0), try $0.int(1), try $0.int(2)) }
        }
    }

    /// Runs `script` outside the write transaction (ATTACH cannot run inside one).
    static func script(_ database: Database, _ script: String) throws {
        try database.write { c in try c.executeScript("COMMIT; " + script + " BEGIN IMMEDIATE;") }
    }

    static func tables(_ database: Database) throws -> [(name: String, columns: [String])] {
        try database.read { c in
            try c.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY rowid")
                .map { row in
                    let name = try row.string(0)
                    return (name, try c.rows("SELECT name FROM pragma_table_info(\(name))").map { try $0.string(0) })
                }
        }
    }
}
