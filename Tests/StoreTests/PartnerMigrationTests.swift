import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Migration 0007 rebuilds `users` (its CHECK on role) on a database that already has users,
/// sessions and audit rows pointing at them.
@Suite("Migration 0007: the partner role")
struct PartnerMigrationTests {
    @Test("the users rebuild keeps every row, the unique e-mail and the foreign keys that point at users")
    func rebuildKeepsRows() throws {
        let temporary = try TemporaryDatabase(migrationsDirectory: nil)
        let all = try Migrator.load(directory: TemporaryDatabase.repositoryMigrationsDirectory)
        try Migrator.migrate(temporary.database, migrations: all.filter { $0.version < 7 })
        let database = temporary.database
        try database.write { c in
            try c.execute("""
                INSERT INTO users (id, name, email, role, created_at) VALUES
                (1, 'Pien', 'pl@example.nl', 'projectleider', '2026-01-01T00:00:00Z'),
                (2, 'Dieuwke', 'dir@example.nl', 'directeur', '2026-01-01T00:00:00Z')
                """)
            try c.execute("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ('t', 2, 'c', 1, 1)")
            try c.execute("INSERT INTO audit_log (at, user_id, action, record_type) VALUES ('2026-01-01T00:00:00Z', 1, 'login', 'user')")
            try c.execute("INSERT INTO organisations (id, name, kind) VALUES (7, 'Proloog', 'koepel')")
        }
        try Migrator.migrate(database, migrations: all)
        let users = try database.read { c in
            try c.rows("SELECT id || ' ' || name || ' ' || role FROM users ORDER BY id").map { try $0.string(0) }
        }
        #expect(users == ["1 Pien projectleider", "2 Dieuwke directeur"])
        try database.write { c in
            try c.execute("""
                INSERT INTO users (name, email, role, created_at, organisation_id) VALUES ('Paul', 'p@example.nl', 'partner', '2026-01-01T00:00:00Z', 7)
                """)
        }
        // A partner without an organisation, a duplicate e-mail and a user with sessions are refused.
        #expect(throws: SQLiteError.self) {
            try database.write { try $0.execute("INSERT INTO users (name, email, role, created_at) VALUES ('X', 'x@example.nl', 'partner', 'now')") }
        }
        #expect(throws: SQLiteError.self) {
            try database.write { try $0.execute("INSERT INTO users (name, email, role, created_at) VALUES ('X', 'PL@example.nl', 'directeur', 'now')") }
        }
        #expect(throws: SQLiteError.self) {
            try database.write { try $0.execute("DELETE FROM users WHERE id = 2") }
        }
        let violation = try database.read { try $0.row("PRAGMA foreign_key_check") != nil }
        #expect(!violation)
    }
}
