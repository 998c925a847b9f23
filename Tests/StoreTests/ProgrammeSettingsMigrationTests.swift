import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Migration 0009 rebuilds ikcs, areas and agreement_parties (their CHECKs become references)
/// on a database that holds a whole programme's data.
@Suite("Migration 0009: the programme's lists as rows")
struct ProgrammeSettingsMigrationTests {
    static let counted = ["ikcs", "areas", "agreement_parties", "ikc_childcare", "plus_predicates", "plus_condition_checks",
                          "user_ikcs", "agreements", "year_plans", "area_indicators"]

    func counts(_ database: Database) throws -> [String: Int] {
        var out: [String: Int] = [:]
        try database.read { c in
            out["ikcs"] = try c.row("SELECT COUNT(*) FROM ikcs")?.int(0)
            out["areas"] = try c.row("SELECT COUNT(*) FROM areas")?.int(0)
            out["agreement_parties"] = try c.row("SELECT COUNT(*) FROM agreement_parties WHERE signed_on IS NOT NULL")?.int(0)
            out["ikc_childcare"] = try c.row("SELECT COUNT(*) FROM ikc_childcare")?.int(0)
            out["plus_predicates"] = try c.row("SELECT COUNT(*) FROM plus_predicates")?.int(0)
            out["plus_condition_checks"] = try c.row("SELECT COUNT(*) FROM plus_condition_checks")?.int(0)
            out["user_ikcs"] = try c.row("SELECT COUNT(*) FROM user_ikcs")?.int(0)
            out["agreements"] = try c.row("SELECT COUNT(*) FROM agreements")?.int(0)
            out["year_plans"] = try c.row("SELECT COUNT(*) FROM year_plans")?.int(0)
            out["area_indicators"] = try c.row("SELECT COUNT(*) FROM area_indicators")?.int(0)
        }
        return out
    }

    @Test("the rebuild keeps every row, also those that cascade from ikcs, and the programme reads as before")
    func rebuildKeepsRows() throws {
        let temporary = try TemporaryDatabase(migrationsDirectory: nil)
        let all = try Migrator.load(directory: TemporaryDatabase.repositoryMigrationsDirectory)
        try Migrator.migrate(temporary.database, migrations: all.filter { $0.version < 9 })
        let database = temporary.database
        try database.write { c in
            try c.execute("INSERT INTO organisations (id, name, kind) VALUES (1, 'Proloog', 'koepel'), (2, 'Sinne', 'kinderopvang')")
            try c.execute("INSERT INTO areas (id, name, is_priority) VALUES (1, 'Vrijheidswijk', 1), (2, 'Binnenstad', 0)")
            try c.execute("INSERT INTO area_indicators (area_id, year, indicator, value) VALUES (1, 2024, 'x', 1)")
            try c.execute("INSERT INTO ikcs (id, name, kind, koepel_id, area_id) VALUES (1, 'Plataan', 'plus', 1, 1), (2, 'Grou', 'kleine_kern', 1, 2)")
            try c.execute("INSERT INTO ikc_childcare (ikc_id, organisation_id) VALUES (1, 2), (2, 2)")
            try c.execute("INSERT INTO plus_predicates (ikc_id, granted_on) VALUES (1, '2024-06-01')")
            try c.execute("INSERT INTO plus_condition_checks (ikc_id, condition_id, state, set_at) VALUES (1, 1, 'met', 'now'), (1, 2, 'not_yet', 'now')")
            try c.execute("INSERT INTO users (id, name, email, role, created_at) VALUES (1, 'D', 'd@example.nl', 'directeur', 'now')")
            try c.execute("INSERT INTO user_ikcs (user_id, ikc_id) VALUES (1, 1)")
            try c.execute("INSERT INTO agreements (id, ikc_id, first_year, last_year, created_at) VALUES (1, 1, 2022, 2028, 'now')")
            try c.execute("INSERT INTO agreement_versions (id, agreement_id, number, status, created_at) VALUES (1, 1, 1, 'vastgesteld', 'now')")
            try c.execute("""
                INSERT INTO agreement_parties (version_id, organisation_id, role, signed_on, signed_by, signed_at)
                VALUES (1, 1, 'koepel', '2022-06-30', 1, 'now'), (1, 2, 'kinderopvang', '2022-06-30', NULL, NULL)
                """)
            try c.execute("INSERT INTO year_plans (id, ikc_id, year, created_at) VALUES (1, 1, 2024, 'now')")
        }
        let before = try counts(database)
        try Migrator.migrate(database, migrations: all)
        #expect(try counts(database) == before)
        let programme = try database.read { try ProgrammeSettings.programme($0) }
        #expect(programme.predicateKind?.code == "plus")
        #expect(programme.signingKinds.map(\.code) == ["gemeente", "koepel", "kinderopvang"])
        #expect(programme.areaClasses.map(\.label) == ["Geen aandachtsgebied", "Aandachtsgebied"])
        #expect(programme.steeringGroup == "Ontwikkelgroep" && programme.siteName == "Plus IKC" && programme.shortName == "KvK2")
        // The lists are references now: an unknown kind is refused, a configured one accepted.
        #expect(throws: SQLiteError.self) {
            try database.write { try $0.execute("INSERT INTO ikcs (name, kind, koepel_id) VALUES ('X', 'onbekend', 1)") }
        }
        try database.write { c in
            try c.execute("INSERT INTO ikc_kinds (code, label, position) VALUES ('kindcentrum', 'Kindcentrum', 5)")
            try c.execute("INSERT INTO ikcs (name, kind, koepel_id) VALUES ('Y', 'kindcentrum', 1)")
        }
    }
}
