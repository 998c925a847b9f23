import Domain
import SQLite

/// The two steps of a log-in with a second factor (table `pending_logins`): the password step
/// leaves a pending log-in (the browser holds a random id, the database its SHA-256); the code
/// step consumes it and only then creates the session.
extension TwoFactor {
    /// How long the code step may follow the password step.
    public static let pendingLifetimeSeconds: Int64 = 5 * 60

    /// What the code step sees of a pending log-in.
    public struct Pending: Sendable {
        public var userID: Int64
        public var email: String
        public var next: String
    }

    /// How the user proves the second factor.
    public enum Proof {
        /// A TOTP code, checked by the closure inside the transaction.
        case code(CodeCheck)
        /// The SHA-256 of a normalised recovery code; each works once.
        case recoveryCode(hash: String)
    }

    /// The new session the code step creates when it succeeds.
    public struct NewSession: Sendable {
        public var tokenHash: String
        public var csrfToken: String
        public var remoteAddress: String
        public var idleBefore: Int64
        public var createdBefore: Int64
        /// The browser's old session, ended at log-in (no fixation).
        public var replacing: String?

        public init(tokenHash: String, csrfToken: String, remoteAddress: String, idleBefore: Int64, createdBefore: Int64,
                    replacing: String? = nil) {
            self.replacing = replacing
            self.tokenHash = tokenHash
            self.csrfToken = csrfToken
            self.remoteAddress = remoteAddress
            self.idleBefore = idleBefore
            self.createdBefore = createdBefore
        }
    }

    /// Starts the code step after a right password; expired pending log-ins are swept.
    /// `passwordAttempt`, the admitted log-in attempt whose password was right, stops counting
    /// as a failure: from here on only wrong codes count.
    public static func beginLogin(idHash: String, userID: Int64, next: String, passwordAttempt: Int64?, now: Int64,
                                  in store: DataStore) throws {
        try store.write { c in
            if let passwordAttempt { try LoginAttempts.succeeded(attemptID: passwordAttempt, c) }
            try c.execute("DELETE FROM pending_logins WHERE expires_at <= \(now)")
            try c.execute("""
                INSERT INTO pending_logins (id_hash, user_id, next, created_at, expires_at)
                VALUES (\(idHash), \(userID), \(next), \(now), \(now + pendingLifetimeSeconds))
                """)
        }
    }

    /// The pending log-in of this id if it has not expired and its user is still active.
    public static func pendingLogin(idHash: String, now: Int64, _ c: Connection) throws -> Pending? {
        guard let row = try c.row("""
            SELECT p.user_id, u.email, p.next FROM pending_logins p JOIN users u ON u.id = p.user_id
            WHERE p.id_hash = \(idHash) AND p.expires_at > \(now) AND u.active = 1
            """) else { return nil }
        return Pending(userID: try row.int64(0), email: try row.string(1), next: try row.string(2))
    }

    /// The code step: checks the proof against the pending log-in's user; on success consumes the
    /// pending log-in, moves the factor's step on (or uses the recovery code up), creates the
    /// session and logs the log-in. A wrong proof is recorded as a failed log-in for the user's
    /// e-mail (the password throttle counts it) and nothing else changes.
    public static func completeLogin(idHash: String, proof: Proof, session: NewSession, now: Int64,
                                     in store: DataStore) throws -> CodeStepOutcome {
        try store.write { c -> CodeStepOutcome in
            guard let pending = try pendingLogin(idHash: idHash, now: now, c) else {
                try c.execute("DELETE FROM pending_logins WHERE id_hash = \(idHash)")
                return .expired
            }
            let accepted: Bool
            let how: String
            switch proof {
            case .code(let check):
                how = "code"
                if let row = try c.row("SELECT secret, last_used_step FROM two_factor_secrets WHERE user_id = \(pending.userID)"),
                   let step = check(Factor(secret: try row.string(0), lastUsedStep: try row.optionalInt64(1))) {
                    // The guard on the step makes a replay impossible even if two requests raced.
                    try c.execute("""
                        UPDATE two_factor_secrets SET last_used_step = \(step)
                        WHERE user_id = \(pending.userID) AND (last_used_step IS NULL OR last_used_step < \(step))
                        """)
                    accepted = c.changes == 1
                } else {
                    accepted = false
                }
            case .recoveryCode(let hash):
                how = "herstelcode"
                try c.execute("""
                    UPDATE two_factor_recovery_codes SET used_at = \(now)
                    WHERE user_id = \(pending.userID) AND code_hash = \(hash) AND used_at IS NULL
                    """)
                accepted = c.changes == 1
            }
            guard accepted else {
                try LoginAttempts.record(email: pending.email, remoteAddress: session.remoteAddress, succeeded: false, now: now, c)
                return .wrongCode
            }
            try c.execute("DELETE FROM pending_logins WHERE id_hash = \(idHash)")
            if let old = session.replacing { try Sessions.delete(tokenHash: old, c) }
            try Sessions.create(tokenHash: session.tokenHash, userID: pending.userID, csrfToken: session.csrfToken,
                                remoteAddress: session.remoteAddress, now: now, c)
            try LoginAttempts.record(email: pending.email, remoteAddress: session.remoteAddress, succeeded: true, now: now, c)
            try Sessions.deleteExpired(idleBefore: session.idleBefore, createdBefore: session.createdBefore, c)
            try LoginAttempts.deleteOlder(than: now - 24 * 3600, c)
            try AuditLog.record(userID: pending.userID, action: "login", recordType: "user", recordID: pending.userID,
                                summary: "Ingelogd (tweede stap: \(how))", c)
            return .signedIn(userID: pending.userID, next: pending.next)
        }
    }
}
