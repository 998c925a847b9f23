import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Migration 0006 (issue 16) on a copy of a seeded database: every value survives, an approved
/// plan becomes an approved jaarplan plus an approved verantwoording, and the single deadline
/// becomes the verantwoording's.
@Suite("Migration 0006: jaarplan and verantwoording")
struct PlanMomentMigrationTests {
    @Test("an approved plan becomes an approved jaarplan and verantwoording, and every stored value survives")
    func migratesWithoutLoss() throws {
        // The demo copied into the schema before 0006 (as before issue 16). The partner role (0007)
        // did not exist then: its demo accounts stay behind.
        let copy = try OldSchemaCopy(before: 6, only: ["users": "role <> 'partner'"])
        let old = copy.old, seeded = copy.seeded
        let statuses = try old.database.read { c in
            try c.rows("SELECT status, COUNT(*) FROM year_plans GROUP BY status ORDER BY status").map { "\(try $0.string(0)):\(try $0.int(1))" }
        }
        #expect(statuses.count == 4, "the copy holds plans in every status: \(statuses)")

        // Migrate the copy.
        try copy.migrate()

        // Every old value of every table is still there (plan_deadlines.due_on moved, see below).
        let checks = try copy.losses(skipping: { $0 == "plan_deadlines" && $1 == "due_on" }, extra: """
             INSERT INTO main.migration_check SELECT 'deadline moved to the verantwoording',
               (SELECT COUNT(*) FROM (SELECT year, due_on, grace_days FROM b.plan_deadlines
                                      EXCEPT SELECT year, account_due_on, account_grace_days FROM main.plan_deadlines)), 0;
             INSERT INTO main.migration_check SELECT 'approved plans approved twice',
               (SELECT COUNT(*) FROM (SELECT id, submitted_at, reviewed_at, reviewed_by FROM b.year_plans WHERE status = 'goedgekeurd'
                                      EXCEPT SELECT id, account_submitted_at, account_reviewed_at, account_reviewed_by FROM main.year_plans
                                      WHERE status = 'goedgekeurd' AND account_status = 'goedgekeurd')), 0;
            """)
        #expect(checks.count == copy.tables.count + 2)
        for (name, lost, rows) in checks {
            #expect(lost == 0 && rows == 0, "\(name): \(lost) rows differ, \(rows) rows missing")
        }
        let (unapprovedAccounts, jaarplanDue) = try old.database.read { c in
            (try c.row("SELECT COUNT(*) FROM year_plans WHERE status <> 'goedgekeurd' AND account_status <> 'concept'")?.int(0),
             try c.rows("SELECT year, due_on FROM plan_deadlines ORDER BY year").map { "\(try $0.int(0)):\(try $0.string(1))" })
        }
        #expect(unapprovedAccounts == 0)
        #expect(jaarplanDue.first == "2021:2021-10-01")

        // What counts as realised is the same as in the seeded database of today's schema, for the
        // completed years (from 2025 on the demo has verantwoordingen waiting for review, which the
        // old schema could not tell apart from an approved plan).
        for year in 2022...2024 {
            let migrated = try old.database.read { try YearPlans.spentPerSource(year: year, $0) }
            let fresh = try seeded.database.read { try YearPlans.spentPerSource(year: year, $0) }
            #expect(migrated == fresh)
        }
    }
}
