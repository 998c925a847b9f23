import Foundation

/// `smtp://host:port`: plain SMTP to the organisation's relay (RFC 5321 §3.3: EHLO or HELO,
/// MAIL FROM, RCPT TO, DATA, QUIT). One connection per message; the sender is one thread and
/// the volume small, so no connection is kept open between messages.
public struct SMTPTransport: MailTransport {
    public let host: String
    public let port: Int
    public let heloName: String
    public var timeoutMilliseconds = 30_000

    public init(host: String, port: Int, heloName: String = "localhost", timeoutMilliseconds: Int = 30_000) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    public var summary: String { "sent over SMTP to \(host):\(port)" }

    public func deliver(_ message: MailMessage) -> DeliveryResult {
        let data: [UInt8]
        do { data = try message.rendered() } catch { return .failed("\(error)") }
        do {
            let connection = try SMTPConnection(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds)
            try expect(connection, 220, after: "begroeting")
            try connection.write("EHLO \(heloName)")
            let ehlo = try connection.readReply()
            if ehlo.code != 250 {
                // RFC 5321 §3.2: a server that does not know EHLO answers 5xx; try HELO.
                guard ehlo.code >= 500 else { throw SMTPError.reply(code: ehlo.code, text: ehlo.text, after: "EHLO") }
                try connection.write("HELO \(heloName)")
                try expect(connection, 250, after: "HELO")
            }
            try connection.write("MAIL FROM:<\(message.from.address)>")
            try expect(connection, 250, after: "MAIL FROM")
            try connection.write("RCPT TO:<\(message.to.address)>")
            let rcpt = try connection.readReply()
            guard rcpt.code == 250 || rcpt.code == 251 else { throw SMTPError.reply(code: rcpt.code, text: rcpt.text, after: "RCPT TO") }
            try connection.write("DATA")
            try expect(connection, 354, after: "DATA")
            try connection.write(SMTPTransport.dotStuffed(data) + Array(".\r\n".utf8))
            try expect(connection, 250, after: "einde van DATA")
            // The message is accepted; a failing QUIT changes nothing about that.
            try? connection.write("QUIT")
            _ = try? connection.readReply()
            return .sent
        } catch let SMTPError.reply(code, text, after) {
            let detail = "\(after): \(code) \(MailHeader.clean(text))"
            return code >= 500 ? .failed(detail) : .retryLater(detail)
        } catch {
            return .retryLater("\(error)")
        }
    }

    private func expect(_ connection: SMTPConnection, _ code: Int, after step: String) throws {
        let reply = try connection.readReply()
        guard reply.code == code else { throw SMTPError.reply(code: reply.code, text: reply.text, after: step) }
    }

    /// RFC 5321 §4.5.2: a line that starts with "." gets one more; the data ends with CRLF
    /// (added when missing) so that ".\r\n" after it closes the message.
    public static func dotStuffed(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 16)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(byte) }
            out.append(byte)
            atLineStart = byte == 10
        }
        if !(out.count >= 2 && out[out.count - 2] == 13 && out[out.count - 1] == 10) { out += [13, 10] }
        return out
    }
}
