import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Migration 0010 (issue 18) on a copy of a seeded database: every result is matched to one
/// library indicator (same text, unit and direction), and every stored value survives.
@Suite("Migration 0010: the indicator library")
struct IndicatorMigrationTests {
    @Test("results with the same text, unit and direction share one indicator, and nothing is lost")
    func migratesWithoutLoss() throws {
        let seeded = try TemporaryDatabase()
        _ = try DemoData.seed(seeded.database, today: TestApp.today, hashPassword: { "$y$test$" + String($0.count) })
        let migrations = try Migrator.load(directory: TemporaryDatabase.repositoryMigrationsDirectory)
        let directory = try TemporaryDirectory(prefix: "plusikc-0010")
        for migration in migrations where migration.version < 10 {
            let number = String(migration.version)
            let name = String(repeating: "0", count: max(0, 4 - number.count)) + number + "_" + migration.name + ".sql"
            _ = try directory.write(migration.sql, to: name)
        }
        let old = try TemporaryDatabase(migrationsDirectory: directory.path)
        let oldTables = try PlanMomentMigrationTests.tables(old.database)
        var copy = "ATTACH DATABASE '\(seeded.path)' AS src; PRAGMA foreign_keys = OFF; BEGIN;"
        for table in oldTables {
            let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            copy += " DELETE FROM main.\"\(table.name)\"; INSERT INTO main.\"\(table.name)\" (\(columns)) SELECT \(columns) FROM src.\"\(table.name)\";"
        }
        // Before the library: the same text with another unit is another indicator; a typo is another too.
        copy += """
             UPDATE main.agreement_results SET unit = 'number' WHERE id = (SELECT MIN(id) FROM main.agreement_results WHERE indicator = 'Deelname VVE-peuters');
             UPDATE main.agreement_results SET indicator = 'Deelname VVE peuters'
               WHERE id = (SELECT MAX(id) FROM main.agreement_results WHERE indicator = 'Deelname VVE-peuters');
            """
        copy += " COMMIT; DETACH DATABASE src; PRAGMA foreign_keys = ON;"
        try PlanMomentMigrationTests.script(old.database, copy)
        let before = directory.file("before.sqlite")
        try old.database.backup(to: before)
        let distinct = try old.database.read { c in
            try c.row("SELECT COUNT(*) FROM (SELECT DISTINCT indicator, unit, direction FROM agreement_results)")?.int(0) ?? 0
        }
        #expect(distinct >= 8, "the copy has the demo's six indicators and the two variants: \(distinct)")

        _ = try Migrator.migrate(old.database, migrations: migrations)

        var compare = "ATTACH DATABASE '\(before)' AS b; CREATE TABLE main.migration_check (name TEXT, lost INTEGER, rows INTEGER);"
        for table in oldTables {
            let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            compare += """
                 INSERT INTO main.migration_check SELECT '\(table.name)',
                   (SELECT COUNT(*) FROM (SELECT \(columns) FROM b."\(table.name)" EXCEPT SELECT \(columns) FROM main."\(table.name)")),
                   (SELECT COUNT(*) FROM b."\(table.name)") - (SELECT COUNT(*) FROM main."\(table.name)");
                """
        }
        compare += " DETACH DATABASE b;"
        try PlanMomentMigrationTests.script(old.database, compare)
        let checks = try old.database.read { c in
            try c.rows("SELECT name, lost, rows FROM migration_check ORDER BY rowid").map { (try $0.string(0), try $0.int(1), try $0.int(2)) }
        }
        #expect(checks.count == oldTables.count)
        for (name, lost, rows) in checks {
            #expect(lost == 0 && rows == 0, "\(name): \(lost) rows differ, \(rows) rows missing")
        }

        let (indicators, unlinked, mismatched, vve) = try old.database.read { c in
            (try c.row("SELECT COUNT(*) FROM indicators")?.int(0) ?? 0,
             try c.row("SELECT COUNT(*) FROM agreement_results WHERE indicator_id IS NULL")?.int(0) ?? -1,
             try c.row("""
                SELECT COUNT(*) FROM agreement_results r JOIN indicators i ON i.id = r.indicator_id
                WHERE i.name <> r.indicator OR i.unit <> r.unit OR i.direction <> r.direction
                """)?.int(0) ?? -1,
             try c.rows("SELECT name, unit FROM indicators WHERE name LIKE 'Deelname VVE%' ORDER BY name, unit").map { "\(try $0.string(0))/\(try $0.string(1))" })
        }
        #expect(indicators == distinct)
        #expect(unlinked == 0)
        #expect(mismatched == 0)
        #expect(vve == ["Deelname VVE peuters/percent", "Deelname VVE-peuters/number", "Deelname VVE-peuters/percent"])

        // A result written afterwards without an indicator is linked by the same rule.
        try old.database.write { c in
            try c.execute("""
                INSERT INTO agreement_results (version_id, lineage, goal_id, position, description, indicator, unit, direction)
                SELECT version_id, 99, goal_id, 99, 'Nieuw', 'Deelname VVE-peuters', 'percent', 'higher' FROM agreement_results LIMIT 1
                """)
        }
        let linked = try old.database.read { c in
            try c.row("""
                SELECT i.name FROM agreement_results r JOIN indicators i ON i.id = r.indicator_id WHERE r.lineage = 99
                """)?.string(0)
        }
        #expect(linked == "Deelname VVE-peuters")
        #expect(try old.database.read { try $0.row("SELECT COUNT(*) FROM indicators")?.int(0) } == indicators)
    }
}
