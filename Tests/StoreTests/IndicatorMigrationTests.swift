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
        // Before the library: the same text with another unit is another indicator; a typo is another too.
        let copy = try OldSchemaCopy(before: 10, adjust: """
            UPDATE main.agreement_results SET unit = 'number' WHERE id = (SELECT MIN(id) FROM main.agreement_results WHERE indicator = 'Deelname VVE-peuters');
            UPDATE main.agreement_results SET indicator = 'Deelname VVE peuters'
              WHERE id = (SELECT MAX(id) FROM main.agreement_results WHERE indicator = 'Deelname VVE-peuters');
            """)
        let old = copy.old
        let distinct = try old.database.read { c in
            try c.row("SELECT COUNT(*) FROM (SELECT DISTINCT indicator, unit, direction FROM agreement_results)")?.int(0) ?? 0
        }
        #expect(distinct >= 8, "the copy has the demo's six indicators and the two variants: \(distinct)")

        try copy.migrate()

        let checks = try copy.losses()
        #expect(checks.count == copy.tables.count)
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
