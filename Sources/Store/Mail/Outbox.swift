import Domain
import Foundation
import SQLite

/// A row of the outbox as the sender needs it (the body included: it is about to be sent).
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int64
    public var messageID: String
    public var toAddress: String
    public var toName: String
    public var toUserID: Int64?
    public var subject: String
    public var body: String
    public var kind: String
    public var autoSubmitted: Bool
    public var createdAt: String
    public var attempts: Int
}

/// The transactional outbox (issue 20). `enqueue` runs INSIDE the transaction of the verb whose
/// event causes the message, so the message exists exactly when the event was committed. The
/// sender thread reads due rows and marks each one sent, retried or failed.
public enum Outbox {
    /// Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure is final.
    public static let backoffSeconds: [Int64] = [60, 5 * 60, 30 * 60, 2 * 3600]

    /// Writes one message to the outbox in the caller's transaction and returns its row id.
    /// The Message-ID is fixed here, so every attempt (also after a crash) carries the same one.
    @discardableResult
    public static func enqueue(to address: String, name: String, userID: Int64?, kind: MailKind, subject: String, body: String,
                               autoSubmitted: Bool = false, _ c: Connection) throws -> Int64 {
        let messageID = newMessageID()
        // The texts name the site as KvK2 does (MailTexts.siteName); another programme's name goes in its place.
        var subject = subject, body = body
        if let site = try c.row("SELECT site_name FROM programme WHERE id = 1")?.string(0), site != MailTexts.siteName {
            subject = subject.replacingOccurrences(of: MailTexts.siteName, with: site)
            body = body.replacingOccurrences(of: MailTexts.siteName, with: site)
        }
        try c.execute("""
            INSERT INTO outbox (message_id, to_address, to_name, to_user_id, subject, body, kind, auto_submitted, created_at,
                                state, attempts, next_attempt_at)
            VALUES (\(messageID), \(address), \(name), \(userID), \(subject), \(body), \(kind.rawValue), \(autoSubmitted),
                    \(Timestamp.now()), 'pending', 0, 0)
            """)
        return c.lastInsertRowID
    }

    /// The same message to a user's current address, if the account is active.
    @discardableResult
    public static func enqueue(toUser userID: Int64, kind: MailKind, text: MailTexts.Text, autoSubmitted: Bool = false,
                               _ c: Connection) throws -> Int64? {
        guard let row = try c.row("SELECT name, email FROM users WHERE id = \(userID) AND active = 1") else { return nil }
        return try enqueue(to: try row.string(1), name: try row.string(0), userID: userID, kind: kind, subject: text.subject,
                           body: text.body, autoSubmitted: autoSubmitted, c)
    }

    static func newMessageID() -> String {
        let random = (0..<2).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined(separator: ".")
        return "<\(Timestamp.unixNow()).\(random)@plusikc.outbox>"
    }

    // MARK: - The sender's queries

    /// Pending rows whose next attempt is due at `now` (unix seconds), oldest first.
    public static func due(now: Int64, limit: Int = 50, _ c: Connection) throws -> [OutboxMessage] {
        try c.rows("""
            SELECT id, message_id, to_address, to_name, to_user_id, subject, body, kind, auto_submitted, created_at, attempts
            FROM outbox WHERE state = 'pending' AND next_attempt_at <= \(now) ORDER BY id LIMIT \(limit)
            """).map { row in
            OutboxMessage(id: try row.int64(0), messageID: try row.string(1), toAddress: try row.string(2), toName: try row.string(3),
                          toUserID: try row.optionalInt64(4), subject: try row.string(5), body: try row.string(6), kind: try row.string(7),
                          autoSubmitted: try row.bool(8), createdAt: try row.string(9), attempts: try row.int(10))
        }
    }

    /// Why a message must not go out any more, checked just before sending: the account was
    /// deactivated, its address changed, or (for a reminder) reminders were turned off.
    public static func recipientProblem(_ message: OutboxMessage, _ c: Connection) throws -> String? {
        guard let userID = message.toUserID else { return nil }
        guard let row = try c.row("SELECT active, email, mail_reminders FROM users WHERE id = \(userID)") else {
            return "Het account bestaat niet meer."
        }
        let active = try row.bool(0), address = try row.string(1), reminders = try row.bool(2)
        if !active { return "Het account is gedeactiveerd; niet verzonden." }
        if address.lowercased() != message.toAddress.lowercased() { return "Het e-mailadres van het account is gewijzigd; niet verzonden." }
        if message.kind == MailKind.reminder.rawValue && !reminders { return "Herinneringen staan uit voor dit account; niet verzonden." }
        return nil
    }

    public static func markSent(id: Int64, in store: DataStore) throws {
        try store.write { c in
            try c.execute("""
                UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = \(Timestamp.now()), last_error = NULL
                WHERE id = \(id) AND state = 'pending'
                """)
        }
    }

    /// One failed attempt: the next one after the backoff, or `failed` after the fifth attempt
    /// or when `final` (a 5xx reply, an address that cannot be written).
    public static func markAttemptFailed(id: Int64, error: String, final: Bool, now: Int64, in store: DataStore) throws {
        try store.write { c in
            guard let attempts = try c.row("SELECT attempts FROM outbox WHERE id = \(id) AND state = 'pending'")?.int(0) else { return }
            let made = attempts + 1
            let reason = String(error.prefix(500))
            if final || made > backoffSeconds.count {
                try c.execute("UPDATE outbox SET state = 'failed', attempts = \(made), last_error = \(reason) WHERE id = \(id)")
            } else {
                let next = now + backoffSeconds[made - 1]
                try c.execute("UPDATE outbox SET attempts = \(made), next_attempt_at = \(next), last_error = \(reason) WHERE id = \(id)")
            }
        }
    }

    /// A message that must not be sent (see `recipientProblem`): failed without an attempt.
    public static func markRefused(id: Int64, reason: String, in store: DataStore) throws {
        try store.write { c in
            try c.execute("UPDATE outbox SET state = 'failed', last_error = \(reason) WHERE id = \(id) AND state = 'pending'")
        }
    }

    // MARK: - The "E-mail" page

    /// The newest messages, without their bodies.
    public static func entries(limit: Int = 200, _ c: Connection) throws -> [OutboxEntry] {
        try c.rows("""
            SELECT id, to_name, to_address, subject, kind, state, attempts, last_error, created_at, sent_at, next_attempt_at
            FROM outbox ORDER BY id DESC LIMIT \(limit)
            """).map { row in
            OutboxEntry(id: try row.int64(0), toName: try row.string(1), toAddress: try row.string(2), subject: try row.string(3),
                        kind: MailKind(rawValue: try row.string(4)), state: MailState(rawValue: try row.string(5)) ?? .failed,
                        attempts: try row.int(6), lastError: try row.optionalString(7), createdAt: try row.string(8),
                        sentAt: try row.optionalString(9), nextAttemptAt: try row.int64(10))
        }
    }

    /// Puts a failed message back in the queue for an immediate attempt (with the same
    /// Message-ID), with an audit row. The checks at send time still apply.
    /// - Throws: `StoreError.notFound` when there is no failed message with this id.
    public static func resend(id: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            guard let row = try c.row("SELECT subject, to_address FROM outbox WHERE id = \(id) AND state = 'failed'") else {
                throw StoreError.notFound(record: "mail", id: id)
            }
            try c.execute("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = 0 WHERE id = \(id)")
            try AuditLog.record(userID: actor, action: "resend", recordType: "mail", recordID: id,
                                summary: "E-mail opnieuw in de wachtrij: \(try row.string(0)) aan \(try row.string(1))", c)
        }
    }
}
