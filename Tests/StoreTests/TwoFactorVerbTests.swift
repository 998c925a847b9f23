import Domain
import SQLite
@testable import Store
import Testing
import TestSupport

@Suite("Two-factor verbs")
struct TwoFactorVerbTests {
    struct Fixture {
        let temporary: TemporaryDatabase
        let store: DataStore
        let leader: Int64
        let director: Int64

        init() throws {
            // A copy of the migrated, seeded demo made once per process (not a migration and a seed per test).
            temporary = try DatabaseTemplate.seeded().copy()
            store = DataStore(database: temporary.database)
            leader = try store.read { try $0.row("SELECT id FROM users WHERE role = 'projectleider'")?.int64(0) } ?? 0
            director = try store.read { try $0.row("SELECT id FROM users WHERE role = 'directeur'")?.int64(0) } ?? 0
        }

        func count(_ sql: SQL) throws -> Int { try store.read { try $0.row(sql)?.int(0) ?? 0 } }

        func session(_ token: String) -> TwoFactor.NewSession {
            TwoFactor.NewSession(tokenHash: token, csrfToken: "csrf", remoteAddress: "127.0.0.1", idleBefore: 0, createdBefore: 0)
        }
    }

    @Test("enrolling stores the factor and the recovery-code hashes with an audit row, and only once")
    func enrol() throws {
        let f = try Fixture()
        #expect(try !TwoFactor.enrol(userID: f.director, secret: "SECRET", recoveryCodeHashes: ["h1"], now: 100, in: f.store) { _ in nil })
        #expect(try f.count("SELECT COUNT(*) FROM two_factor_secrets") == 0)
        #expect(try TwoFactor.enrol(userID: f.director, secret: "SECRET", recoveryCodeHashes: ["h1", "h2"], now: 100, in: f.store) { _ in 7 })
        let status = try f.store.read { try TwoFactor.status(userID: f.director, $0) }
        #expect(status == TwoFactorStatus(enrolledAt: 100, recoveryCodesLeft: 2))
        #expect(try f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'two-factor-enrol' AND record_id = \(f.director)") == 1)
        #expect(throws: StoreError.duplicate(field: "two_factor")) {
            try TwoFactor.enrol(userID: f.director, secret: "OTHER", recoveryCodeHashes: [], now: 200, in: f.store) { _ in 9 }
        }
    }

    @Test("the code step refuses a step that is not newer than the last one, even if the check accepts it")
    func replayGuardInSQL() throws {
        let f = try Fixture()
        _ = try TwoFactor.enrol(userID: f.director, secret: "S", recoveryCodeHashes: [], now: 100, in: f.store) { _ in 50 }
        try TwoFactor.beginLogin(idHash: "p1", userID: f.director, next: "/", passwordAttempt: nil, now: 100, in: f.store)
        let stale = try TwoFactor.completeLogin(idHash: "p1", proof: .code { _ in 50 }, session: f.session("t1"), now: 110, in: f.store)
        #expect(stale == .wrongCode)
        #expect(try f.count("SELECT COUNT(*) FROM login_attempts WHERE succeeded = 0") == 1)
        let fresh = try TwoFactor.completeLogin(idHash: "p1", proof: .code { $0.lastUsedStep == 50 ? 51 : nil }, session: f.session("t1"), now: 110, in: f.store)
        #expect(fresh == .signedIn(userID: f.director, next: "/"))
        #expect(try f.count("SELECT COUNT(*) FROM sessions WHERE token_hash = 't1'") == 1)
        #expect(try f.count("SELECT COUNT(*) FROM pending_logins") == 0)
        // The pending log-in is used up.
        #expect(try TwoFactor.completeLogin(idHash: "p1", proof: .code { _ in 99 }, session: f.session("t2"), now: 111, in: f.store) == .expired)
    }

    @Test("a pending log-in expires after five minutes and a recovery code works once")
    func expiryAndRecovery() throws {
        let f = try Fixture()
        _ = try TwoFactor.enrol(userID: f.leader, secret: "S", recoveryCodeHashes: ["r1"], now: 100, in: f.store) { _ in 1 }
        try TwoFactor.beginLogin(idHash: "p1", userID: f.leader, next: "/", passwordAttempt: nil, now: 1000, in: f.store)
        #expect(try TwoFactor.completeLogin(idHash: "p1", proof: .recoveryCode(hash: "r1"), session: f.session("t1"), now: 1300, in: f.store) == .expired)
        try TwoFactor.beginLogin(idHash: "p2", userID: f.leader, next: "/", passwordAttempt: nil, now: 2000, in: f.store)
        #expect(try TwoFactor.completeLogin(idHash: "p2", proof: .recoveryCode(hash: "r1"), session: f.session("t2"), now: 2299, in: f.store)
                == .signedIn(userID: f.leader, next: "/"))
        try TwoFactor.beginLogin(idHash: "p3", userID: f.leader, next: "/", passwordAttempt: nil, now: 3000, in: f.store)
        #expect(try TwoFactor.completeLogin(idHash: "p3", proof: .recoveryCode(hash: "r1"), session: f.session("t3"), now: 3001, in: f.store) == .wrongCode)
    }

    @Test("a reset removes the factor, its codes, pending log-ins and sessions, and is audited")
    func reset() throws {
        let f = try Fixture()
        _ = try TwoFactor.enrol(userID: f.director, secret: "S", recoveryCodeHashes: ["r1"], now: 100, in: f.store) { _ in 1 }
        try TwoFactor.beginLogin(idHash: "p1", userID: f.director, next: "/", passwordAttempt: nil, now: 100, in: f.store)
        try f.store.write { try Sessions.create(tokenHash: "s1", userID: f.director, csrfToken: "c", remoteAddress: "x", now: 100, $0) }
        let user = try #require(try f.store.read { try Users.find(id: f.director, $0) })
        try TwoFactor.reset(user, by: f.leader, in: f.store)
        #expect(try f.count("SELECT COUNT(*) FROM two_factor_secrets") == 0)
        #expect(try f.count("SELECT COUNT(*) FROM two_factor_recovery_codes") == 0)
        #expect(try f.count("SELECT COUNT(*) FROM pending_logins") == 0)
        #expect(try f.count("SELECT COUNT(*) FROM sessions") == 0)
        #expect(try f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'two-factor-reset' AND user_id = \(f.leader)") == 1)
    }

    @Test("the policy is kept per role name, also for a role the code does not know yet")
    func policy() throws {
        let f = try Fixture()
        var policy = try f.store.read { try TwoFactor.policy($0) }
        #expect(policy.required["partner"] == false)  // the demo makes it optional too
        #expect(!policy.requires(.projectleider))  // the demo makes it optional
        #expect(try !f.store.read { try TwoFactor.mustEnrol(userID: f.leader, role: .projectleider, $0) })
        try TwoFactor.setRequired(role: "projectleider", required: true, by: nil, in: f.store)
        try TwoFactor.setRequired(role: "toekomstige_rol", required: true, by: nil, in: f.store)
        policy = try f.store.read { try TwoFactor.policy($0) }
        #expect(policy.requires(.projectleider))
        #expect(policy.required["toekomstige_rol"] == true)
        #expect(try f.store.read { try TwoFactor.mustEnrol(userID: f.leader, role: .projectleider, $0) })
        #expect(try !f.store.read { try TwoFactor.mustEnrol(userID: f.director, role: .directeur, $0) })
    }
}
