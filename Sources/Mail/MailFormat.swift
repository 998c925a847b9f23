import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Header values as RFC 5322 wants them. No header value we write can contain CR or LF: every
/// text passes through `clean` first, so a name such as "Eve\r\nBcc: x@y" stays inside its own
/// header (RFC 5322 §2.2: a header field is one line unless folded by us).
public enum MailHeader {
    /// The text with every control character (CR and LF included) removed.
    public static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }

    /// Whether every character is printable ASCII (a header can carry it as it is).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// An unstructured value (Subject): as it is when plain ASCII, else RFC 2047 encoded-words
    /// ("=?UTF-8?B?...?="), each at most 75 characters and holding whole characters (§5), folded
    /// onto continuation lines.
    public static func unstructured(_ text: String) -> String {
        let value = clean(text)
        if isPlainASCII(value) && value.utf8.count <= 900 { return value }
        return encodedWords(value).joined(separator: "\r\n ")
    }

    /// RFC 2047 §4.1 "B" encoding in words of at most 45 bytes of UTF-8 (60 base64 characters,
    /// 72 with the "=?UTF-8?B?" and "?=" around them), never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 && !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// A mailbox: `"Display Name" <local@domain>`, the name quoted (RFC 5322 §3.2.4) when plain
    /// ASCII and encoded-words when not; the address must pass `MailAddress.isValid`.
    public static func mailbox(_ mailbox: Mailbox) throws -> String {
        guard MailAddress.isValid(mailbox.address) else { throw MailFormatError.invalidAddress(mailbox.address) }
        let name = clean(mailbox.name).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return "<\(mailbox.address)>" }
        if isPlainASCII(name) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(mailbox.address)>"
        }
        return encodedWords(name).joined(separator: " ") + " <\(mailbox.address)>"
    }

    /// RFC 5322 §3.3 date-time in UTC: "Thu, 03 Dec 2026 15:13:37 +0000".
    public static func date(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// A Message-ID as RFC 5322 §3.6.4 writes it: '<' id-left '@' id-right '>' of printable ASCII.
    static func isValidMessageID(_ id: String) -> Bool {
        guard id.hasPrefix("<"), id.hasSuffix(">"), id.utf8.count <= 250, id.contains("@") else { return false }
        return id.utf8.dropFirst().dropLast().allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}

/// Quoted-printable (RFC 2045 §6.7): every line at most 76 characters, "=" and non-ASCII bytes
/// as =XX, a space or tab before a line end encoded, long lines broken with a soft "=".
public enum QuotedPrintable {
    public static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hex = Array("0123456789ABCDEF".utf8)
        var lines: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var out: [UInt8] = []
            var width = 0
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                var piece: [UInt8]
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last) {
                    piece = [byte]
                } else {
                    piece = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
                // Room for the soft break "=" itself: content stays within 75 characters.
                if width + piece.count > 75 {
                    out += Array("=\r\n".utf8)
                    width = 0
                }
                out += piece
                width += piece.count
            }
            lines.append(String(decoding: out, as: UTF8.self))
        }
        return lines.joined(separator: "\r\n")
    }
}

extension MailMessage {
    /// The whole message in RFC 5322 form with CRLF line ends, ready for DATA, a pipe or a file.
    /// - Throws: `MailFormatError` for an address or Message-ID that cannot be written safely.
    public func rendered() throws -> [UInt8] {
        guard MailHeader.isValidMessageID(messageID) else { throw MailFormatError.invalidMessageID(messageID) }
        var head = [
            "Date: " + MailHeader.date(date),
            "From: " + (try MailHeader.mailbox(from)),
            "To: " + (try MailHeader.mailbox(to)),
            "Subject: " + MailHeader.unstructured(subject),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        if autoSubmitted { head.append("Auto-Submitted: auto-generated") }
        let text = head.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(body) + "\r\n"
        return Array(text.utf8)
    }
}
