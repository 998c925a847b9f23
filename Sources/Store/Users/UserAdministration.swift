import Domain
import SQLite

/// The verbs of the users page: each one transaction with its audit row. Set-password tokens
/// arrive as the link's token; only their SHA-256 is stored.
extension Users {
    /// How long an invitation or a new set-password link works.
    public static let linkLifetimeSeconds: Int64 = 7 * 24 * 3600

    /// Creates an account without a password and its one-time set-password link, and writes
    /// the invitation (with `link`, the absolute set-password link) to the outbox in the same
    /// transaction.
    /// - Throws: `StoreError.duplicate(field: "email")` when the e-mail is taken.
    public static func invite(_ form: UserForm, role: Role, linkToken: String, link: String, by actor: Int64, in store: DataStore) throws -> Int64 {
        let now = Timestamp.unixNow()
        return try store.write { c -> Int64 in
            let id = try create(name: form.name, email: form.email, role: role, passwordHash: nil, mustChangePassword: false,
                                ikcIDs: form.ikcIDs, organisationID: form.organisationID, c)
            try PasswordTokens.create(tokenHash: SHA256.hex(Array(linkToken.utf8)), userID: id, expiresAt: now + linkLifetimeSeconds, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "user", recordID: id,
                                summary: "Gebruiker \(form.name) aangemaakt", newValues: AuditLog.json([
                                    ("name", form.name), ("email", form.email), ("role", role.rawValue),
                                    ("ikcs", form.ikcIDs.map(String.init).joined(separator: ",")),
                                    ("organisation", role == .partner ? form.organisationID.map(String.init) : nil),
                                ]), c)
            let text = MailTexts.invitation(name: form.name, link: link, validDays: Int(linkLifetimeSeconds / 86_400))
            try Outbox.enqueue(to: form.email, name: form.name, userID: id, kind: .invitation, subject: text.subject, body: text.body, c)
            return id
        }
    }

    /// A new one-time link for an existing account; earlier unused links stop working. The
    /// message with `link` goes to the outbox in the same transaction.
    public static func renewPasswordLink(for user: User, linkToken: String, link: String, by actor: Int64, in store: DataStore) throws {
        let now = Timestamp.unixNow()
        try store.write { c in
            try PasswordTokens.revokeUnused(userID: user.id, now: now, c)
            try PasswordTokens.create(tokenHash: SHA256.hex(Array(linkToken.utf8)), userID: user.id, expiresAt: now + linkLifetimeSeconds, c)
            try AuditLog.record(userID: actor, action: "password-link", recordType: "user", recordID: user.id,
                                summary: "Nieuwe wachtwoordlink voor \(user.name)", c)
            let text = MailTexts.passwordLink(name: user.name, link: link, validDays: Int(linkLifetimeSeconds / 86_400))
            try Outbox.enqueue(toUser: user.id, kind: .passwordLink, text: text, c)
        }
    }

    /// Changes role, IKCs and active flag of `user` as loaded at `expected`; deactivating ends
    /// every session of the account.
    /// - Throws: `StoreError.staleVersion` when the account changed since the form was loaded.
    public static func change(_ user: User, expected: Int64, role: Role, active: Bool, ikcIDs: [Int64], organisationID: Int64? = nil,
                              by actor: Int64, in store: DataStore) throws {
        let organisation = role == .partner ? organisationID : nil
        try store.write { c in
            try claim(.users, id: user.id, expected: expected, c)
            try c.execute("""
                UPDATE users SET role = \(role.rawValue), active = \(active), organisation_id = \(organisation) WHERE id = \(user.id)
                """)
            let kept = role == .directeur ? ikcIDs : []
            try setIKCs(userID: user.id, ikcIDs: kept, c)
            if !active { try Sessions.deleteAll(userID: user.id, c) }
            if let diff = AuditLog.diff([
                ("role", user.role.rawValue, role.rawValue),
                ("active", user.active ? "1" : "0", active ? "1" : "0"),
                ("ikcs", user.ikcIDs.map(String.init).joined(separator: ","), kept.sorted().map(String.init).joined(separator: ",")),
                ("organisation", user.organisationID.map(String.init), organisation.map(String.init)),
            ]) {
                try AuditLog.record(userID: actor, action: "update", recordType: "user", recordID: user.id,
                                    summary: "Gebruiker \(user.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }
}
