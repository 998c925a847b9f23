import Domain
import SQLite

/// The verbs of signing in and out and of passwords: each one transaction with its audit row.
/// Tokens arrive as the cookie's or link's value; only their SHA-256 is stored.
extension Sessions {
    /// The session of a cookie's token hash, the programme settings and whether the user must
    /// set up the second factor before anything else (`TwoFactor.mustEnrol`), in one snapshot:
    /// one read transaction per request. Nil when unknown, or when idle or absolutely expired
    /// (then it is deleted).
    public static func lookup(tokenHash: String, idleSeconds: Int64, absoluteSeconds: Int64, now: Int64,
                              in store: DataStore) throws -> (record: Record, programme: Programme, mustEnrolTwoFactor: Bool)? {
        let found = try store.read { c -> (Record, Programme, Bool)? in
            guard let record = try find(tokenHash: tokenHash, c) else { return nil }
            let user = record.user
            return (record, try store.programme(c), try TwoFactor.mustEnrol(userID: user.id, role: user.role, c))
        }
        guard let (record, programme, mustEnrolTwoFactor) = found else { return nil }
        if record.lastSeenAt + idleSeconds < now || record.createdAt + absoluteSeconds < now {
            try store.write { try delete(tokenHash: tokenHash, $0) }
            return nil
        }
        // Refresh the idle clock at most once a minute: no write on every request. On a full or
        // read-only disk the clock stays where it is, so that reading keeps working.
        if now - record.lastSeenAt >= 60 {
            do {
                try store.write { try touch(tokenHash: tokenHash, now: now, $0) }
            } catch is StorageFailure {}
        }
        return (record, programme, mustEnrolTwoFactor)
    }

    /// A new session for a user whose password (and second factor) were right: the admitted
    /// attempt becomes a success, this browser's old session ends, expired sessions and old
    /// attempts are cleared, and the log-in is audited.
    public static func open(userID: Int64, token: String, csrfToken: String, remoteAddress: String, replacing oldTokenHash: String?,
                            passwordAttempt: Int64, idleBefore: Int64, createdBefore: Int64, now: Int64, in store: DataStore) throws {
        try store.write { c in
            if let oldTokenHash { try delete(tokenHash: oldTokenHash, c) }
            try create(tokenHash: Digest.sha256Hex(token), userID: userID, csrfToken: csrfToken, remoteAddress: remoteAddress, now: now, c)
            try LoginAttempts.succeeded(attemptID: passwordAttempt, c)
            try deleteExpired(idleBefore: idleBefore, createdBefore: createdBefore, c)
            try LoginAttempts.deleteOlder(than: now - 24 * 3600, c)
            try AuditLog.record(userID: userID, action: "login", recordType: "user", recordID: userID, summary: "Ingelogd", c)
        }
    }

    /// Ends one session (log-out), audited.
    public static func close(tokenHash: String, userID: Int64?, in store: DataStore) throws {
        try store.write { c in
            try delete(tokenHash: tokenHash, c)
            try AuditLog.record(userID: userID, action: "logout", recordType: "user", recordID: userID, summary: "Uitgelogd", c)
        }
    }
}

extension LoginAttempts {
    /// Check and count in one immediate transaction, so that a burst of attempts cannot pass
    /// the limit between the check and the count.
    public static func admit(email: String, remoteAddress: String, since: Int64, limit: Int, now: Int64,
                             in store: DataStore) throws -> Admission {
        try store.write { try admit(email: email, remoteAddress: remoteAddress, since: since, limit: limit, now: now, $0) }
    }

    /// Failures since `since` for this e-mail or this client address, and the oldest of them.
    public static func recentFailures(email: String, remoteAddress: String, since: Int64,
                                      in store: DataStore) throws -> (byEmail: Int, byAddress: Int, oldest: Int64?) {
        try store.read { try recentFailures(email: email, remoteAddress: remoteAddress, since: since, $0) }
    }
}

extension Users {
    /// The signed-in user's own new password; every other session of the account ends (a stolen
    /// cookie is out), the one in `keepingSession` stays.
    public static func changeOwnPassword(userID: Int64, hash: String, keepingSession: String?, in store: DataStore) throws {
        try store.write { c in
            try setPassword(userID: userID, hash: hash, mustChange: false, c)
            try Sessions.deleteAll(userID: userID, keeping: keepingSession, c)
            try AuditLog.record(userID: userID, action: "password", recordType: "user", recordID: userID, summary: "Eigen wachtwoord gewijzigd", c)
        }
    }
}

extension PasswordTokens {
    /// The account a set-password link belongs to, while the link works.
    public static func holder(token: String, now: Int64, in store: DataStore) throws -> User? {
        try store.read { c in
            guard let userID = try userID(tokenHash: Digest.sha256Hex(token), now: now, c) else { return nil }
            return try Users.find(id: userID, c)
        }
    }

    /// Sets the password through a one-time link: the link is checked again inside the
    /// transaction, so it works exactly once; every session of the account ends (the old password
    /// may be known to someone else). False when the link was used or expired meanwhile.
    public static func redeem(token: String, userID: Int64, hash: String, now: Int64, in store: DataStore) throws -> Bool {
        let tokenHash = Digest.sha256Hex(token)
        return try store.write { c -> Bool in
            guard try self.userID(tokenHash: tokenHash, now: now, c) == userID else { return false }
            try markUsed(tokenHash: tokenHash, now: now, c)
            try Users.setPassword(userID: userID, hash: hash, mustChange: false, c)
            try Sessions.deleteAll(userID: userID, c)
            try AuditLog.record(userID: userID, action: "password", recordType: "user", recordID: userID, summary: "Wachtwoord ingesteld via link", c)
            return true
        }
    }
}
