import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: users, sessions, log-in attempts, password tokens")
struct UsersStoreTests {
    @Test("the demo accounts (three staff, five partners), the director leading IKC 1, credentials with a yescrypt hash")
    func accounts() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let all = try Users.all(c)
            #expect(all.filter { $0.role != .partner }.map(\.name).sorted() == ["Dieuwke Postma", "Okke Hoekstra", "Pien de Vries"])
            #expect(all.filter { $0.role == .partner }.count == 5)
            let director = try #require(try Users.find(id: 3, c))
            #expect(director.role == .directeur && director.ikcIDs == [1] && director.active)
            #expect(try Users.ikcIDs(of: 3, c) == [1])
            let credentials = try #require(try Users.credentials(email: "pl@demo.plusikc.nl", c))
            #expect(credentials.user.role == .projectleider)
            #expect(credentials.passwordHash?.hasPrefix("$y$") == true)
            #expect(try Users.emailExists("og@demo.plusikc.nl", c))
            #expect(try !Users.emailExists("og@demo.plusikc.nl", excluding: 2, c))
        }
    }

    @Test("a user changed over a newer version is refused with staleVersion and keeps the first change")
    func stale() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let store = DataStore(database: copy.database)
        let user = try #require(try store.read { try Users.find(id: 2, $0) })
        try Users.change(user, expected: user.lockVersion, role: .projectleider, active: true, ikcIDs: [], by: 1, in: store)
        #expect(try store.read { try Users.find(id: 2, $0) }?.role == .projectleider)
        #expect(throws: StoreError.staleVersion(record: "user", id: 2, expected: user.lockVersion, actual: user.lockVersion + 1)) {
            try Users.change(user, expected: user.lockVersion, role: .directeur, active: false, ikcIDs: [1], by: 1, in: store)
        }
        let after = try #require(try store.read { try Users.find(id: 2, $0) })
        #expect(after.role == .projectleider && after.active && after.ikcIDs.isEmpty)
    }

    @Test("a session is found by its token hash, touched, and gone after log-out or expiry")
    func sessions() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.write { try Sessions.create(tokenHash: "h1", userID: 1, csrfToken: "csrf1", remoteAddress: "127.0.0.1", now: 1000, $0) }
        let found = try #require(try db.read { try Sessions.find(tokenHash: "h1", $0) })
        #expect(found.user.id == 1 && found.csrfToken == "csrf1" && found.createdAt == 1000)
        try db.write { try Sessions.touch(tokenHash: "h1", now: 2000, $0) }
        #expect(try db.read { try Sessions.find(tokenHash: "h1", $0) }?.lastSeenAt == 2000)
        try db.write { try Sessions.deleteExpired(idleBefore: 1500, createdBefore: 0, $0) }
        #expect(try db.read { try Sessions.find(tokenHash: "h1", $0) } != nil)
        try db.write { try Sessions.deleteExpired(idleBefore: 2500, createdBefore: 0, $0) }
        #expect(try db.read { try Sessions.find(tokenHash: "h1", $0) } == nil)
    }

    @Test("failed log-ins are counted per e-mail and per address within the window")
    func loginAttempts() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.write { c in
            try LoginAttempts.record(email: "pl@demo.plusikc.nl", remoteAddress: "10.0.0.1", succeeded: false, now: 100, c)
            try LoginAttempts.record(email: "pl@demo.plusikc.nl", remoteAddress: "10.0.0.2", succeeded: false, now: 200, c)
            try LoginAttempts.record(email: "og@demo.plusikc.nl", remoteAddress: "10.0.0.1", succeeded: false, now: 300, c)
        }
        let recent = try db.read { try LoginAttempts.recentFailures(email: "pl@demo.plusikc.nl", remoteAddress: "10.0.0.1", since: 0, $0) }
        #expect(recent.byEmail == 2 && recent.byAddress == 2)
        let later = try db.read { try LoginAttempts.recentFailures(email: "pl@demo.plusikc.nl", remoteAddress: "10.0.0.1", since: 150, $0) }
        #expect(later.byEmail == 1 && later.byAddress == 1)
    }

    @Test("a password token works once, before it expires")
    func passwordTokens() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.write { try PasswordTokens.create(tokenHash: "t1", userID: 2, expiresAt: 5000, $0) }
        #expect(try db.read { try PasswordTokens.userID(tokenHash: "t1", now: 4000, $0) } == 2)
        #expect(try db.read { try PasswordTokens.userID(tokenHash: "t1", now: 6000, $0) } == nil)
        try db.write { try PasswordTokens.markUsed(tokenHash: "t1", now: 4100, $0) }
        #expect(try db.read { try PasswordTokens.userID(tokenHash: "t1", now: 4200, $0) } == nil)
    }
}
