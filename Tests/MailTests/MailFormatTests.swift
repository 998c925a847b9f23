import Foundation
import Mail
import Testing

@Suite("Messages in RFC 5322 form")
struct MailFormatTests {
    static let date = Date(timeIntervalSince1970: 1_796_310_000)  // Thu, 3 Dec 2026 15:00 UTC

    static func message(name: String = "Sjoukje Bakker", subject: String = "Uw account voor Plus IKC", body: String = "Beste Sjoukje,\n\nWelkom.",
                        reminder: Bool = false) -> MailMessage {
        MailMessage(from: Mailbox(name: "Plus IKC", address: "noreply@gemeente.example"), to: Mailbox(name: name, address: "s.bakker@example.org"),
                    subject: subject, body: body, messageID: "<42.abc@plusikc.outbox>", date: date, autoSubmitted: reminder)
    }

    static func head(_ message: MailMessage) throws -> [String] {
        let text = String(decoding: try message.rendered(), as: UTF8.self)
        return (text.components(separatedBy: "\r\n\r\n").first ?? "").components(separatedBy: "\r\n")
    }

    @Test("a message has Date, Message-ID, From, To, Subject and a UTF-8 quoted-printable text body")
    func headers() throws {
        let head = try Self.head(Self.message())
        #expect(head.contains("Date: Thu, 03 Dec 2026 15:00:00 +0000"))
        #expect(head.contains("Message-ID: <42.abc@plusikc.outbox>"))
        #expect(head.contains("From: \"Plus IKC\" <noreply@gemeente.example>"))
        #expect(head.contains("To: \"Sjoukje Bakker\" <s.bakker@example.org>"))
        #expect(head.contains("Subject: Uw account voor Plus IKC"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(head.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(!head.contains { $0.hasPrefix("Auto-Submitted") })
        #expect(try Self.head(Self.message(reminder: true)).contains("Auto-Submitted: auto-generated"))
    }

    @Test("a subject with accents is written as RFC 2047 encoded-words of whole characters, at most 75 characters each")
    func encodedSubject() throws {
        let subject = "Herinnering: jaarplan 2025-2026 van IKC De Kâlde Finne — één week te gaan, ‘echt’ waar"
        let text = String(decoding: try Self.message(subject: subject).rendered(), as: UTF8.self)
        // Swift reads "\r\n" as one Character: split on the string instead.
        let all = text.components(separatedBy: "\r\n")
        let index = try #require(all.firstIndex { $0.hasPrefix("Subject: ") })
        var lines = [String(all[index].dropFirst(9))]
        for line in all[(index + 1)...] {
            guard line.hasPrefix(" ") else { break }
            lines.append(line)
        }
        #expect(lines.count > 1)
        var decoded = Data()
        for word in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
            let payload = String(word.dropFirst(10).dropLast(2))
            let bytes = try #require(Data(base64Encoded: payload))
            #expect(String(data: bytes, encoding: .utf8) != nil)
            decoded += bytes
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    @Test("a header injection in a name or subject never becomes a header of its own")
    func headerInjection() throws {
        let head = try Self.head(Self.message(name: "Eve\r\nBcc: x@y", subject: "Teruggestuurd\r\nBcc: x@y\nX-Evil: 1"))
        #expect(!head.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(!head.contains { $0.lowercased().hasPrefix("x-evil") })
        #expect(head.contains("To: \"EveBcc: x@y\" <s.bakker@example.org>"))
        #expect(head.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
    }

    @Test("an address with a line break, a bracket or a space is refused, not written")
    func badAddresses() {
        for address in ["a@b\r\nBcc: x@y", "a b@example.org", "<a@example.org>", "a@example.org>", "geen-adres", "a@", "@b.nl"] {
            var message = Self.message()
            message.to = Mailbox(name: "X", address: address)
            #expect(throws: MailFormatError.self) { try message.rendered() }
        }
    }

    @Test("quoted-printable keeps lines within 76 characters and encodes '=', accents and trailing spaces")
    func quotedPrintable() {
        let encoded = QuotedPrintable.encode("één = twee \n" + String(repeating: "a", count: 200))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines[0] == "=C3=A9=C3=A9n =3D twee=20")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasSuffix("=") })
    }

    @Test("dot-stuffing doubles a leading dot on every line, and the data ends with CRLF")
    func dotStuffing() {
        let stuffed = SMTPTransport.dotStuffed(Array(".begin\r\nmidden\r\n.\r\n..twee".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..begin\r\nmidden\r\n..\r\n...twee\r\n")
    }

    @Test("--mail takes file:DIR, smtp://host:port and sendmail:/path, and names the three forms otherwise")
    func deliverySetting() throws {
        #expect(try MailDelivery(parsing: "file:data/mail") == .file(directory: "data/mail"))
        #expect(try MailDelivery(parsing: "smtp://relay.gemeente.example:2525") == .smtp(host: "relay.gemeente.example", port: 2525))
        #expect(try MailDelivery(parsing: "smtp://relay") == .smtp(host: "relay", port: 25))
        #expect(try MailDelivery(parsing: "sendmail:/bin/sh") == .sendmail(path: "/bin/sh"))
        for bad in ["", "mailto:a@b", "smtp://", "smtp://host:99999", "smtp://ho st:25", "sendmail:relative", "sendmail:/no/such/program", "file:"] {
            #expect(throws: MailDelivery.ParseError.self) { try MailDelivery(parsing: bad) }
        }
        do {
            _ = try MailDelivery(parsing: "pigeon:loft")
        } catch {
            #expect("\(error)".contains("file:DIR, smtp://host:port or sendmail:"))
        }
    }

    @Test("From is parsed from 'Name <address>' or a bare address")
    func fromSetting() {
        #expect(Mailbox(parsing: "Plus IKC <noreply@gemeente.example>") == Mailbox(name: "Plus IKC", address: "noreply@gemeente.example"))
        #expect(Mailbox(parsing: "noreply@gemeente.example") == Mailbox(address: "noreply@gemeente.example"))
        #expect(Mailbox(parsing: "Plus IKC") == nil)
    }
}
