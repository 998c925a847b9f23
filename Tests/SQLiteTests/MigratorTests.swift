import Foundation
import Testing
import SQLite
import TestSupport

@Suite("Migrator") struct MigratorTests {
    /// A temporary folder with the given migration files and an empty database next to it.
    final class Fixture {
        let directory: TemporaryDirectory
        let migrations: String
        let database: Database

        init(_ files: [String: String]) throws {
            directory = try TemporaryDirectory(prefix: "plusikc-migrations")
            migrations = try directory.makeDirectory("Migrations")
            for (name, sql) in files { try directory.write(sql, to: "Migrations/" + name) }
            database = try Database(path: directory.file("app.sqlite"), readers: 1)
        }

        deinit { database.close() }

        func write(_ sql: String, to name: String) throws { try directory.write(sql, to: "Migrations/" + name) }
        func load() throws -> [Migration] { try Migrator.load(directory: migrations) }
        @discardableResult func migrate() throws -> [Migration] { try Migrator.migrate(database, migrations: load()) }

        /// The schema and the recorded migrations: what "unchanged" means.
        func snapshot() throws -> [String] {
            try database.read { connection in
                let schema = try connection.rows("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name").map { try $0.string(0) }
                let hasTable = try connection.row("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'") != nil
                let recorded = hasTable
                    ? try connection.rows("SELECT version || ' ' || name || ' ' || sha256 FROM schema_migrations ORDER BY version").map { try $0.string(0) }
                    : []
                return schema + recorded
            }
        }
    }

    static let first = "CREATE TABLE ikcs (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
    static let second = "CREATE TABLE agreements (id INTEGER PRIMARY KEY, ikc_id INTEGER NOT NULL REFERENCES ikcs(id));\nINSERT INTO ikcs (name) VALUES ('Fryslân');\n"

    @Test("a fresh database reaches the newest version, each migration recorded with its checksum")
    func freshDatabase() throws {
        let fixture = try Fixture(["0001_ikcs.sql": Self.first, "0002_agreements.sql": Self.second, "README.md": "not a migration"])
        let applied = try fixture.migrate()
        #expect(applied.map(\.fileName) == ["0001_ikcs.sql", "0002_agreements.sql"])
        let status = try Migrator.status(fixture.database, migrations: fixture.load())
        #expect(status.currentVersion == 2)
        #expect(status.pending.isEmpty)
        #expect(status.applied.map(\.sha256) == [SHA256.hex(Self.first), SHA256.hex(Self.second)])
        #expect(SQLDate.parse(status.applied[0].appliedAt) != nil)
        #expect(try fixture.database.read { try $0.row("SELECT name FROM ikcs")?.string(0) } == "Fryslân")
    }

    @Test("running migrate twice changes nothing")
    func idempotent() throws {
        let fixture = try Fixture(["0001_ikcs.sql": Self.first, "0002_agreements.sql": Self.second])
        try fixture.migrate()
        let before = try fixture.snapshot()
        #expect(try fixture.migrate().isEmpty)
        #expect(try fixture.snapshot() == before)
        #expect(try fixture.database.read { try $0.row("SELECT count(*) FROM ikcs")?.int(0) } == 1)
    }

    @Test("a new migration file is applied on the next run")
    func laterMigration() throws {
        let fixture = try Fixture(["0001_ikcs.sql": Self.first])
        try fixture.migrate()
        try fixture.write(Self.second, to: "0002_agreements.sql")
        #expect(try fixture.migrate().map(\.version) == [2])
    }

    @Test("an applied migration that was changed on disk is refused, naming the file")
    func tampered() throws {
        let fixture = try Fixture(["0001_ikcs.sql": Self.first, "0002_agreements.sql": Self.second])
        try fixture.migrate()
        try fixture.write(Self.second + "-- a harmless comment\n", to: "0002_agreements.sql")
        try fixture.write("CREATE TABLE later (x);", to: "0003_later.sql")
        let before = try fixture.snapshot()
        let error = #expect(throws: MigrationError.self) { try fixture.migrate() }
        #expect(error?.description.contains("migration 0002_agreements.sql was changed after it was applied") == true)
        #expect(try fixture.snapshot() == before)  // 0003 was not applied either
    }

    @Test("a broken migration leaves the database exactly as it was")
    func brokenMigration() throws {
        let fixture = try Fixture(["0001_ikcs.sql": Self.first])
        try fixture.migrate()
        try fixture.write("""
            CREATE TABLE funding_sources (id INTEGER PRIMARY KEY);
            INSERT INTO no_such_table VALUES (1);
            """, to: "0002_funding.sql")
        let before = try fixture.snapshot()
        let error = #expect(throws: MigrationError.self) { try fixture.migrate() }
        #expect(error?.description.contains("0002_funding.sql") == true)
        #expect(error?.description.contains("no such table: no_such_table") == true)
        #expect(try fixture.snapshot() == before)
    }

    @Test("a database newer than the code is refused")
    func newerDatabase() throws {
        let fixture = try Fixture(["0001_ikcs.sql": Self.first, "0002_agreements.sql": Self.second])
        try fixture.migrate()
        let older = try Array(fixture.load().prefix(1))
        let error = #expect(throws: MigrationError.self) { try Migrator.migrate(fixture.database, migrations: older) }
        #expect(error?.description.contains("newer than the code") == true)
    }

    @Test("a gap, a duplicate version or a badly named file is an error naming the file")
    func badFolders() throws {
        let gap = try Fixture(["0001_ikcs.sql": Self.first, "0003_later.sql": Self.second])
        #expect(throws: MigrationError.self) { try gap.load() }
        #expect((try? gap.load()) == nil)
        do { _ = try gap.load() } catch { #expect("\(error)".contains("0003_later.sql")) }

        let duplicate = try Fixture(["0001_ikcs.sql": Self.first, "0001_again.sql": Self.second])
        do { _ = try duplicate.load(); Issue.record("duplicate accepted") } catch { #expect("\(error)".contains("0001_again.sql")) }

        let badName = try Fixture(["0001_ikcs.sql": Self.first, "2_second.sql": Self.second])
        do { _ = try badName.load(); Issue.record("bad name accepted") } catch { #expect("\(error)".contains("2_second.sql")) }
    }

    @Test("a migration that commits its own transaction is refused")
    func ownTransaction() throws {
        let fixture = try Fixture(["0001_ikcs.sql": "COMMIT; CREATE TABLE x (y);"])
        #expect(throws: (any Error).self) { try fixture.migrate() }
    }
}
