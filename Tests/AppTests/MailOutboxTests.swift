import App
import Domain
import Foundation
import Mail
import SQLite
import Store
import Testing
import TestSupport

/// A clock the sender reads, moved by the test to walk through the backoff.
final class MailTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64
    init(_ start: Int64 = 2_000_000_000) { value = start }
    var now: Int64 { lock.withLock { value } }
    func advance(_ seconds: Int64) { lock.withLock { value += seconds } }
}

/// The application, an SMTP sink on an ephemeral port, and a sender between them that the
/// test drives by hand (`deliverDue`), with the test's clock.
struct Mailroom {
    let app: TestApp
    let sink: SMTPSink
    let clock = MailTestClock()
    let sender: MailSender

    init() throws {
        app = try TestApp { $0.publicURL = "https://plusikc.gemeente.example" }
        sink = try SMTPSink()
        let clock = self.clock
        sender = try MailSender(application: app.application, transport: SMTPTransport(host: "127.0.0.1", port: sink.port, timeoutMilliseconds: 5000),
                                now: { clock.now })
    }

    func outbox(_ column: String, id: Int64) throws -> SQLValue? {
        try app.database.read { try $0.row("SELECT * FROM outbox WHERE id = \(id)")?.value(column) }
    }

    func text(_ column: String, id: Int64) throws -> String? {
        try app.database.read { try $0.row("SELECT * FROM outbox WHERE id = \(id)")?.optionalString(column) }
    }

    func count(_ sql: SQL) throws -> Int { try app.database.read { try $0.row(sql)?.int(0) ?? 0 } }

    /// Invites a director through the real form; returns the outbox row id of the invitation.
    @discardableResult
    func invite(name: String = "Sjoukje Bakker", email: String = "s.bakker@example.org") throws -> Int64 {
        let leader = try app.browser(loggedInAs: .projectleider)
        try leader.get("/users/new")
        let page = try leader.post("/users/new", [("name", name), ("email", email), ("role", "directeur"), ("ikcs", "3")])
        #expect(page.status == 200)
        return try app.database.read { try $0.row("SELECT max(id) FROM outbox")?.int64(0) ?? 0 }
    }
}

/// Undoes quoted-printable (RFC 2045 §6.7) for reading a body in a test.
func decodeQuotedPrintable(_ text: String) -> String {
    let joined = text.replacingOccurrences(of: "=\r\n", with: "")
    var bytes: [UInt8] = []
    var scalars = Array(joined.utf8)[...]
    while let byte = scalars.popFirst() {
        if byte == UInt8(ascii: "="), scalars.count >= 2, let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) {
            bytes.append(value)
            scalars = scalars.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite("E-mail through the outbox")
struct MailOutboxTests {
    @Test("an invitation arrives over SMTP with a link from the public URL that sets the password")
    func invitationArrives() throws {
        let room = try Mailroom()
        let id = try room.invite()
        #expect(try room.outbox("state", id: id) == .text("pending"))
        #expect(try room.sender.deliverDue() == 1)
        #expect(try room.outbox("state", id: id) == .text("sent"))
        let mail = try #require(room.sink.received.first)
        #expect(mail.recipients == ["s.bakker@example.org"])
        #expect(mail.header("To") == "\"Sjoukje Bakker\" <s.bakker@example.org>")
        #expect(mail.header("Subject") == "Uw account voor Plus IKC")
        #expect(mail.messageID == (try room.text("message_id", id: id)))
        let body = decodeQuotedPrintable(mail.data.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
        let link = try #require(body.components(separatedBy: "\r\n").first { $0.hasPrefix("https://plusikc.gemeente.example/wachtwoord/") })
        let path = String(link.dropFirst("https://plusikc.gemeente.example".count))
        let invited = room.app.browser()
        #expect(try invited.get(path).contains("Welkom, Sjoukje Bakker"))
        #expect(try invited.post(path, [("password", "een goed lang wachtwoord"), ("confirm", "een goed lang wachtwoord")]).status == 303)
        // Sent is sent: a second round mails nothing.
        #expect(try room.sender.deliverDue() == 0)
        #expect(room.sink.received.count == 1)
    }

    @Test("a new set-password link is mailed to the account's address in the same transaction")
    func passwordLinkMailed() throws {
        let room = try Mailroom()
        let leader = try room.app.browser(loggedInAs: .projectleider)
        let director = room.app.account(.directeur)
        let userID = try room.app.database.read { try $0.row("SELECT id FROM users WHERE email = \(director.email)")?.int64(0) ?? 0 }
        try leader.get("/users/\(userID)")
        #expect(try leader.post("/users/\(userID)/password-link", []).status == 200)
        #expect(try room.count("SELECT count(*) FROM outbox WHERE kind = 'password_link' AND to_user_id = \(userID)") == 1)
        #expect(try room.sender.deliverDue() == 1)
        #expect(room.sink.received.first?.recipients == [director.email])
    }

    @Test("451 twice, then 250: delivered on the third attempt after 1 and 5 minutes")
    func retriedWithBackoff() throws {
        let room = try Mailroom()
        let id = try room.invite()
        room.sink.replyToData([451, 451])
        #expect(try room.sender.deliverDue() == 0)
        #expect(try room.outbox("attempts", id: id) == .integer(1))
        #expect(try room.outbox("next_attempt_at", id: id) == .integer(room.clock.now + 60))
        #expect(try room.text("last_error", id: id)?.contains("451") == true)
        room.clock.advance(59)
        #expect(try room.sender.deliverDue() == 0)
        #expect(room.sink.dataAttempts == 1)
        room.clock.advance(1)
        #expect(try room.sender.deliverDue() == 0)
        #expect(try room.outbox("next_attempt_at", id: id) == .integer(room.clock.now + 300))
        room.clock.advance(300)
        #expect(try room.sender.deliverDue() == 1)
        #expect(try room.outbox("state", id: id) == .text("sent"))
        #expect(try room.outbox("attempts", id: id) == .integer(3))
        #expect(room.sink.dataAttempts == 3)
        #expect(room.sink.received.count == 1)
    }

    @Test("after the fifth temporary failure (1 min, 5 min, 30 min, 2 h) a message is failed")
    func retriesStop() throws {
        let room = try Mailroom()
        let id = try room.invite()
        room.sink.replyToData([421, 421, 421, 421, 421, 421])
        for wait in Outbox.backoffSeconds {
            #expect(try room.sender.deliverDue() == 0)
            #expect(try room.outbox("state", id: id) == .text("pending"))
            room.clock.advance(wait)
        }
        #expect(try room.sender.deliverDue() == 0)
        #expect(try room.outbox("state", id: id) == .text("failed"))
        #expect(try room.outbox("attempts", id: id) == .integer(5))
        room.clock.advance(86_400)
        #expect(try room.sender.deliverDue() == 0)
        #expect(room.sink.dataAttempts == 5)
    }

    @Test("550 fails at once, shows on the E-mail page without the link, and resend delivers it with the same Message-ID")
    func failedShownAndResent() throws {
        let room = try Mailroom()
        let id = try room.invite()
        room.sink.replyToRecipient(550)
        #expect(try room.sender.deliverDue() == 0)
        #expect(try room.outbox("state", id: id) == .text("failed"))
        let leader = try room.app.browser(loggedInAs: .projectleider)
        let page = try leader.get("/mail")
        #expect(page.status == 200)
        #expect(page.contains("Mislukt"))
        #expect(page.contains("550"))
        #expect(page.contains("Opnieuw versturen"))
        #expect(!page.contains("/wachtwoord/"))
        #expect(try room.app.browser(loggedInAs: .ontwikkelgroep).get("/mail").status == 403)
        #expect(try room.app.browser(loggedInAs: .directeur).get("/mail").status == 403)
        // Without the CSRF token nothing happens.
        #expect(try leader.post("/mail/\(id)/resend", [], csrf: .value("wrong")).status == 403)
        #expect(try room.outbox("state", id: id) == .text("failed"))
        try leader.get("/mail")
        #expect(try leader.post("/mail/\(id)/resend", []).status == 303)
        #expect(try room.outbox("state", id: id) == .text("pending"))
        #expect(try room.count("SELECT count(*) FROM audit_log WHERE record_type = 'mail' AND action = 'resend' AND record_id = \(id)") == 1)
        // A message that is not failed cannot be resent.
        #expect(try leader.post("/mail/\(id)/resend", []).status == 409)
        room.sink.replyToRecipient(250)
        #expect(try room.sender.deliverDue() == 1)
        #expect(room.sink.received.first?.messageID == (try room.text("message_id", id: id)))
        #expect(try room.outbox("state", id: id) == .text("sent"))
    }

    @Test("a message to an account deactivated before sending is not sent, and says why")
    func deactivatedGetsNothing() throws {
        let room = try Mailroom()
        let id = try room.invite()
        let userID = try room.app.database.read { try $0.row("SELECT to_user_id FROM outbox WHERE id = \(id)")?.int64(0) ?? 0 }
        try room.app.database.write { try $0.execute("UPDATE users SET active = 0 WHERE id = \(userID)") }
        #expect(try room.sender.deliverDue() == 0)
        #expect(room.sink.dataAttempts == 0)
        #expect(try room.outbox("state", id: id) == .text("failed"))
        #expect(try room.text("last_error", id: id)?.contains("gedeactiveerd") == true)
        // Nor is a new link made for it.
        #expect(try room.count("SELECT count(*) FROM outbox WHERE to_user_id = \(userID)") == 1)
    }

    @Test("a header injection in a name never reaches a header of the message sent")
    func injectionInName() throws {
        let room = try Mailroom()
        let id = try room.app.database.write { c in
            try Outbox.enqueue(to: "s.bakker@example.org", name: "Eve\r\nBcc: x@y", userID: nil, kind: .invitation,
                               subject: "Terug\r\nBcc: x@y", body: "tekst", c)
        }
        #expect(try room.sender.deliverDue() == 1)
        let mail = try #require(room.sink.received.first)
        #expect(mail.recipients == ["s.bakker@example.org"])
        #expect(mail.header("Bcc") == nil)
        #expect(mail.header("To") == "\"EveBcc: x@y\" <s.bakker@example.org>")
        #expect(try room.outbox("state", id: id) == .text("sent"))
    }
}
