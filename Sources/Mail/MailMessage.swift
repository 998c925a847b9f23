import Foundation

/// A name and an address, as in `From:` and `To:`.
public struct Mailbox: Sendable, Equatable {
    public var name: String
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }

    /// Parses "Plus IKC <noreply@example.org>" or a bare "noreply@example.org" (the `--mail-from`
    /// setting); nil when the address is not one `MailAddress.isValid` accepts.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            self.init(name: name, address: address)
        } else {
            self.init(address: trimmed)
        }
        guard MailAddress.isValid(address) else { return nil }
    }
}

/// What the outbox hands to a transport: one message to one recipient.
public struct MailMessage: Sendable, Equatable {
    public var from: Mailbox
    public var to: Mailbox
    public var subject: String
    /// Plain text; any line ending is sent as CRLF.
    public var body: String
    /// '<left@right>', fixed when the message was written to the outbox.
    public var messageID: String
    public var date: Date
    /// `Auto-Submitted: auto-generated` (RFC 3834): reminders, so that auto-responders stay quiet.
    public var autoSubmitted: Bool

    public init(from: Mailbox, to: Mailbox, subject: String, body: String, messageID: String, date: Date, autoSubmitted: Bool = false) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
        self.autoSubmitted = autoSubmitted
    }
}

/// Why a message cannot be written at all (no retry helps).
public enum MailFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidAddress(String)
    case invalidMessageID(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address): "ongeldig e-mailadres: \(MailHeader.clean(address))"
        case .invalidMessageID(let id): "ongeldige Message-ID: \(MailHeader.clean(id))"
        }
    }
}

/// The addresses we send to: a deliberately plain subset of RFC 5321's Mailbox (local@domain,
/// printable ASCII without spaces, brackets, quotes or separators), so an address can never
/// smuggle a header or an SMTP command.
public enum MailAddress {
    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at], domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        let forbidden: Set<UInt8> = Set("<>()[]\\,;:\" @".utf8)
        for byte in local.utf8 where byte <= 32 || byte >= 127 || forbidden.contains(byte) { return false }
        for byte in domain.utf8 {
            let ok = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E
            if !ok { return false }
        }
        return true
    }
}
