import Domain
import SQLite

/// Accounts, their IKCs and their password hashes (table `users`, `user_ikcs`).
public enum Users {
    /// A user with the stored password hash, for log-in.
    public struct Credentials: Sendable {
        public var user: User
        public var passwordHash: String?
    }

    static func user(from row: Row, ikcIDs: [Int64]) throws -> User {
        let roleText = try row.string(3)
        guard let role = Role(rawValue: roleText) else {
            throw SQLiteError(code: 0, message: "unknown role '\(roleText)' for user \(try row.int64(0))", sql: nil)
        }
        return User(id: try row.int64(0), name: try row.string(1), email: try row.string(2), role: role,
                    active: try row.bool(4), mustChangePassword: try row.bool(5), ikcIDs: ikcIDs,
                    lockVersion: try row.int64(6), organisationID: try row.optionalInt64(7))
    }

    static let columns: SQL = "id, name, email, role, active, must_change_password, lock_version, organisation_id"

    /// The IKCs of a director (user_ikcs), or of a partner: those with an agreement (any
    /// version) its organisation is party to.
    public static func ikcIDs(of userID: Int64, _ c: Connection) throws -> [Int64] {
        try c.rows("""
            SELECT ikc_id FROM user_ikcs WHERE user_id = \(userID)
            UNION
            SELECT a.ikc_id FROM users u JOIN agreement_parties p ON p.organisation_id = u.organisation_id
            JOIN agreement_versions v ON v.id = p.version_id JOIN agreements a ON a.id = v.agreement_id
            WHERE u.id = \(userID) AND u.role = 'partner'
            ORDER BY 1
            """).map { try $0.int64(0) }
    }

    public static func find(id: Int64, _ c: Connection) throws -> User? {
        guard let row = try c.row("SELECT \(sql: columns) FROM users WHERE id = \(id)") else { return nil }
        return try user(from: row, ikcIDs: try ikcIDs(of: id, c))
    }

    public static func credentials(email: String, _ c: Connection) throws -> Credentials? {
        guard let row = try c.row("SELECT \(sql: columns), password_hash FROM users WHERE email = \(email)") else { return nil }
        let id = try row.int64(0)
        return Credentials(user: try user(from: row, ikcIDs: try ikcIDs(of: id, c)), passwordHash: try row.optionalString(8))
    }

    public static func passwordHash(userID: Int64, _ c: Connection) throws -> String? {
        try c.row("SELECT password_hash FROM users WHERE id = \(userID)")?.optionalString(0)
    }

    public static func all(_ c: Connection) throws -> [User] {
        var links: [Int64: [Int64]] = [:]
        for row in try c.rows("SELECT user_id, ikc_id FROM user_ikcs ORDER BY ikc_id") {
            links[try row.int64(0), default: []].append(try row.int64(1))
        }
        return try c.rows("SELECT \(sql: columns) FROM users ORDER BY active DESC, name COLLATE NOCASE").map { row in
            try user(from: row, ikcIDs: links[try row.int64(0)] ?? [])
        }
    }

    public static func emailExists(_ email: String, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM users WHERE email = \(email) AND id <> \(id)") != nil
    }

    /// Creates a user; the caller runs this inside `write` and logs it.
    public static func create(name: String, email: String, role: Role, passwordHash: String?, mustChangePassword: Bool,
                              ikcIDs: [Int64], organisationID: Int64? = nil, _ c: Connection) throws -> Int64 {
        if try emailExists(email, c) { throw StoreError.duplicate(field: "email") }
        let organisation = role == .partner ? organisationID : nil
        try c.execute("""
            INSERT INTO users (name, email, role, password_hash, must_change_password, active, created_at, organisation_id)
            VALUES (\(name), \(email), \(role.rawValue), \(passwordHash), \(mustChangePassword), 1, \(Timestamp.now()), \(organisation))
            """)
        let id = c.lastInsertRowID
        try setIKCs(userID: id, ikcIDs: role == .directeur ? ikcIDs : [], c)
        return id
    }

    public static func setIKCs(userID: Int64, ikcIDs: [Int64], _ c: Connection) throws {
        try c.execute("DELETE FROM user_ikcs WHERE user_id = \(userID)")
        for ikc in Set(ikcIDs).sorted() {
            try c.execute("INSERT INTO user_ikcs (user_id, ikc_id) VALUES (\(userID), \(ikc))")
        }
    }

    public static func setPassword(userID: Int64, hash: String, mustChange: Bool, _ c: Connection) throws {
        try c.execute("""
            UPDATE users SET password_hash = \(hash), must_change_password = \(mustChange), lock_version = lock_version + 1
            WHERE id = \(userID)
            """)
    }
}

/// Log-in sessions (table `sessions`): the database holds only the SHA-256 of the cookie value.
public enum Sessions {
    public struct Record: Sendable {
        public var user: User
        public var csrfToken: String
        public var createdAt: Int64
        public var lastSeenAt: Int64
    }

    public static func create(tokenHash: String, userID: Int64, csrfToken: String, remoteAddress: String, now: Int64, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, remote_address)
            VALUES (\(tokenHash), \(userID), \(csrfToken), \(now), \(now), \(remoteAddress))
            """)
    }

    /// The session and its (active) user, or nil. One query (it runs on every request): the
    /// user's IKCs come along as a comma-separated list.
    public static func find(tokenHash: String, _ c: Connection) throws -> Record? {
        guard let row = try c.row("""
            SELECT u.id, u.name, u.email, u.role, u.active, u.must_change_password, u.lock_version, u.organisation_id,
                   s.csrf_token, s.created_at, s.last_seen_at,
                   (SELECT group_concat(ikc_id) FROM (SELECT ikc_id FROM user_ikcs WHERE user_id = u.id ORDER BY ikc_id))
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = \(tokenHash) AND u.active = 1
            """) else { return nil }
        var ikcIDs = try row.optionalString(11).map { list in list.split(separator: ",").compactMap { Int64($0) } } ?? []
        // A partner's IKCs follow from the agreements its organisation is party to.
        if try row.string(3) == Role.partner.rawValue { ikcIDs = try Users.ikcIDs(of: try row.int64(0), c) }
        let user = try Users.user(from: row, ikcIDs: ikcIDs)
        return Record(user: user, csrfToken: try row.string(8), createdAt: try row.int64(9), lastSeenAt: try row.int64(10))
    }

    public static func touch(tokenHash: String, now: Int64, _ c: Connection) throws {
        try c.execute("UPDATE sessions SET last_seen_at = \(now) WHERE token_hash = \(tokenHash)")
    }

    public static func delete(tokenHash: String, _ c: Connection) throws {
        try c.execute("DELETE FROM sessions WHERE token_hash = \(tokenHash)")
    }

    /// Ends every session of a user (deactivation, a password set through a link), or every
    /// other one when `keeping` names the session that made the change (a password change).
    public static func deleteAll(userID: Int64, keeping tokenHash: String? = nil, _ c: Connection) throws {
        if let tokenHash {
            try c.execute("DELETE FROM sessions WHERE user_id = \(userID) AND token_hash <> \(tokenHash)")
        } else {
            try c.execute("DELETE FROM sessions WHERE user_id = \(userID)")
        }
    }

    /// Removes sessions past their idle or absolute expiry.
    public static func deleteExpired(idleBefore: Int64, createdBefore: Int64, _ c: Connection) throws {
        try c.execute("DELETE FROM sessions WHERE last_seen_at < \(idleBefore) OR created_at < \(createdBefore)")
    }
}

/// Failed and successful log-ins, for throttling (table `login_attempts`).
public enum LoginAttempts {
    public enum Admission: Sendable, Equatable {
        /// The password may be checked; the attempt is recorded as a failure until `succeeded`.
        case admitted(attemptID: Int64)
        /// Too many recent failures for this e-mail or from this address; the oldest of them.
        case throttled(oldestFailure: Int64)
    }

    /// Whether a log-in may be tried now, decided and recorded in the caller's (immediate)
    /// transaction: the counts and the new attempt are one step, so a burst of concurrent
    /// attempts cannot all pass the check before any of them is counted. The account counter
    /// counts failures for this e-mail from anywhere; the address counter counts failures from
    /// this address for any e-mail. A throttled attempt is not recorded, so trying a locked
    /// account does not lock out the address that tried it.
    public static func admit(email: String, remoteAddress: String, since: Int64, limit: Int, now: Int64, _ c: Connection) throws -> Admission {
        let failures = try recentFailures(email: email, remoteAddress: remoteAddress, since: since, c)
        if failures.byEmail >= limit || failures.byAddress >= limit {
            return .throttled(oldestFailure: failures.oldest ?? now)
        }
        try record(email: email, remoteAddress: remoteAddress, succeeded: false, now: now, c)
        return .admitted(attemptID: c.lastInsertRowID)
    }

    /// Turns an admitted attempt into a success.
    public static func succeeded(attemptID: Int64, _ c: Connection) throws {
        try c.execute("UPDATE login_attempts SET succeeded = 1 WHERE id = \(attemptID)")
    }

    public static func record(email: String, remoteAddress: String, succeeded: Bool, now: Int64, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO login_attempts (email, remote_address, attempted_at, succeeded)
            VALUES (\(email), \(remoteAddress), \(now), \(succeeded))
            """)
    }

    /// Failures since `since` for this e-mail or this client address, and the oldest of them.
    public static func recentFailures(email: String, remoteAddress: String, since: Int64, _ c: Connection) throws -> (byEmail: Int, byAddress: Int, oldest: Int64?) {
        let byEmail = try c.row("""
            SELECT COUNT(*), MIN(attempted_at) FROM login_attempts
            WHERE email = \(email) AND succeeded = 0 AND attempted_at >= \(since)
            """)
        let byAddress = try c.row("""
            SELECT COUNT(*), MIN(attempted_at) FROM login_attempts
            WHERE remote_address = \(remoteAddress) AND succeeded = 0 AND attempted_at >= \(since)
            """)
        let oldest = [try byEmail?.optionalInt64(1), try byAddress?.optionalInt64(1)].compactMap { $0 }.min()
        return (try byEmail?.int(0) ?? 0, try byAddress?.int(0) ?? 0, oldest)
    }

    public static func deleteOlder(than cutoff: Int64, _ c: Connection) throws {
        try c.execute("DELETE FROM login_attempts WHERE attempted_at < \(cutoff)")
    }
}

/// One-time set-password links; only the hash of the token is stored.
public enum PasswordTokens {
    public static func create(tokenHash: String, userID: Int64, expiresAt: Int64, _ c: Connection) throws {
        try c.execute("""
            INSERT INTO password_tokens (token_hash, user_id, expires_at) VALUES (\(tokenHash), \(userID), \(expiresAt))
            """)
    }

    /// The user of a valid, unused, unexpired token.
    public static func userID(tokenHash: String, now: Int64, _ c: Connection) throws -> Int64? {
        try c.row("""
            SELECT user_id FROM password_tokens
            WHERE token_hash = \(tokenHash) AND used_at IS NULL AND expires_at > \(now)
            """)?.int64(0)
    }

    /// Ends every unused link of a user (when a new one is made).
    public static func revokeUnused(userID: Int64, now: Int64, _ c: Connection) throws {
        try c.execute("UPDATE password_tokens SET used_at = \(now) WHERE user_id = \(userID) AND used_at IS NULL")
    }

    public static func markUsed(tokenHash: String, now: Int64, _ c: Connection) throws {
        try c.execute("UPDATE password_tokens SET used_at = \(now) WHERE token_hash = \(tokenHash)")
    }
}
