import Domain
import SQLite

/// The second factor of log-in (tables `two_factor_secrets`, `two_factor_recovery_codes`,
/// `two_factor_policy`). Store knows no TOTP: the caller passes the check as a closure that runs
/// inside the verb's transaction, so reading the last used step, checking the code and moving
/// the step on are one unit of work (a code is accepted once, even by two requests at once).
public enum TwoFactor {
    /// What the code check sees of a stored factor.
    public struct Factor: Sendable {
        /// Base32 secret. Never rendered: only the check closure sees it.
        public var secret: String
        public var lastUsedStep: Int64?
    }

    /// Returns the accepted TOTP step for a factor, or nil for a wrong or reused code.
    public typealias CodeCheck = (Factor) -> Int64?

    // MARK: - Reads

    public static func status(userID: Int64, _ c: Connection) throws -> TwoFactorStatus {
        let enrolledAt = try c.row("SELECT enrolled_at FROM two_factor_secrets WHERE user_id = \(userID)")?.int64(0)
        let left = try c.row("""
            SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = \(userID) AND used_at IS NULL
            """)?.int(0) ?? 0
        return TwoFactorStatus(enrolledAt: enrolledAt, recoveryCodesLeft: left)
    }

    public static func isEnrolled(userID: Int64, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM two_factor_secrets WHERE user_id = \(userID)") != nil
    }

    public static func policy(_ c: Connection) throws -> TwoFactorPolicy {
        var required: [String: Bool] = [:]
        for row in try c.rows("SELECT role, required FROM two_factor_policy ORDER BY role") {
            required[try row.string(0)] = try row.bool(1)
        }
        return TwoFactorPolicy(required: required)
    }

    /// Whether a user of `role` must enrol before anything else: the role requires a second
    /// factor and the user has none. One query; it runs on every signed-in request.
    public static func mustEnrol(userID: Int64, role: Role, _ c: Connection) throws -> Bool {
        try c.row("""
            SELECT 1 FROM two_factor_policy
            WHERE role = \(role.rawValue) AND required = 1
              AND NOT EXISTS (SELECT 1 FROM two_factor_secrets WHERE user_id = \(userID))
            """) != nil
    }

    // MARK: - Verbs

    /// Stores the factor of `userID` when `check` accepts the first code for `secret`, with the
    /// hashes of the new recovery codes. Returns false (nothing written) for a wrong code.
    /// - Throws: `StoreError.duplicate(field: "two_factor")` when the user is already enrolled.
    public static func enrol(userID: Int64, secret: String, recoveryCodeHashes: [String], now: Int64, in store: DataStore,
                             check: CodeCheck) throws -> Bool {
        try store.write { c -> Bool in
            if try isEnrolled(userID: userID, c) { throw StoreError.duplicate(field: "two_factor") }
            guard let step = check(Factor(secret: secret, lastUsedStep: nil)) else { return false }
            try c.execute("""
                INSERT INTO two_factor_secrets (user_id, secret, enrolled_at, last_used_step)
                VALUES (\(userID), \(secret), \(now), \(step))
                """)
            try replaceRecoveryCodes(userID: userID, hashes: recoveryCodeHashes, c)
            try AuditLog.record(userID: userID, action: "two-factor-enrol", recordType: "user", recordID: userID,
                                summary: "Tweestapsverificatie ingesteld", c)
            return true
        }
    }

    /// Removes the second factor and recovery codes of `user` and ends the user's sessions; the
    /// user enrols again at the next log-in (when the role requires it) or on the account page.
    public static func reset(_ user: User, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let had = try isEnrolled(userID: user.id, c)
            try c.execute("DELETE FROM two_factor_secrets WHERE user_id = \(user.id)")
            try c.execute("DELETE FROM two_factor_recovery_codes WHERE user_id = \(user.id)")
            try c.execute("DELETE FROM pending_logins WHERE user_id = \(user.id)")
            if had { try Sessions.deleteAll(userID: user.id, c) }
            try AuditLog.record(userID: actor, action: "two-factor-reset", recordType: "user", recordID: user.id,
                                summary: "Tweestapsverificatie van \(user.name) opnieuw ingesteld", c)
        }
    }

    /// Sets whether `role` (a role name, known to the code or not yet) requires a second factor.
    public static func setRequired(role: String, required: Bool, by actor: Int64?, in store: DataStore) throws {
        try store.write { c in
            try c.execute("""
                INSERT INTO two_factor_policy (role, required) VALUES (\(role), \(required))
                ON CONFLICT(role) DO UPDATE SET required = excluded.required
                """)
            try AuditLog.record(userID: actor, action: "two-factor-policy", recordType: "programme", recordID: 1,
                                summary: "Tweestapsverificatie voor \(role): \(required ? "verplicht" : "optioneel")", c)
        }
    }

    static func replaceRecoveryCodes(userID: Int64, hashes: [String], _ c: Connection) throws {
        try c.execute("DELETE FROM two_factor_recovery_codes WHERE user_id = \(userID)")
        for hash in hashes {
            try c.execute("INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES (\(userID), \(hash))")
        }
    }
}
