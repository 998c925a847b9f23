import Foundation

/// What became of one delivery attempt.
public enum DeliveryResult: Sendable, Equatable {
    /// Accepted (SMTP 250 to DATA, sendmail exit 0, the file written).
    case sent
    /// Try again later: a 4xx reply, a timeout, a refused connection, sendmail's EX_TEMPFAIL.
    case retryLater(String)
    /// No retry helps: a 5xx reply, an address we cannot write, sendmail's other failures.
    case failed(String)
}

/// One way of handing a message on. Transports are called from the sender thread only.
public protocol MailTransport: Sendable {
    func deliver(_ message: MailMessage) -> DeliveryResult
    /// Where mail goes, for the start-up line ("E-mail: ...").
    var summary: String { get }
}

/// The `--mail` setting: one of three forms, checked at start-up.
public enum MailDelivery: Sendable, Equatable {
    /// `file:DIR`: each message an .eml file in DIR.
    case file(directory: String)
    /// `smtp://host:port` (port 25 when left out): plain SMTP to a relay.
    case smtp(host: String, port: Int)
    /// `sendmail:/usr/sbin/sendmail`: piped to `path -t -i`.
    case sendmail(path: String)

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    static let forms = "use file:DIR, smtp://host:port or sendmail:/path/to/sendmail"

    /// - Throws: `ParseError` with a message naming the three accepted forms.
    public init(parsing text: String) throws {
        if text.hasPrefix("file:") {
            let directory = String(text.dropFirst(5))
            guard !directory.isEmpty, !directory.contains("\0") else { throw ParseError(message: "--mail file: needs a directory (\(MailDelivery.forms))") }
            self = .file(directory: directory)
        } else if text.hasPrefix("smtp://") {
            var rest = Substring(text.dropFirst(7))
            if rest.hasSuffix("/") { rest = rest.dropLast() }
            var host = String(rest), port = 25
            if let colon = rest.lastIndex(of: ":") {
                host = String(rest[..<colon])
                guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
                    throw ParseError(message: "--mail \(text): the port must be a number 1-65535 (\(MailDelivery.forms))")
                }
                port = number
            }
            let hostOK = !host.isEmpty && host.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x2E }
            guard hostOK else { throw ParseError(message: "--mail \(text): not a host name (\(MailDelivery.forms))") }
            self = .smtp(host: host, port: port)
        } else if text.hasPrefix("sendmail:") {
            let path = String(text.dropFirst(9))
            guard path.hasPrefix("/") else { throw ParseError(message: "--mail sendmail: needs an absolute path (\(MailDelivery.forms))") }
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ParseError(message: "--mail \(text): no executable program at \(path) (\(MailDelivery.forms))")
            }
            self = .sendmail(path: path)
        } else {
            throw ParseError(message: "--mail '\(text)' is not a mail delivery: \(MailDelivery.forms)")
        }
    }

    /// The transport for this setting.
    public func transport(heloName: String = "localhost") -> MailTransport {
        switch self {
        case .file(let directory): FileTransport(directory: directory)
        case .smtp(let host, let port): SMTPTransport(host: host, port: port, heloName: heloName)
        case .sendmail(let path): SendmailTransport(path: path)
        }
    }
}

/// `file:DIR`: each message an .eml file named after its Message-ID, written to a temporary
/// name and renamed, so a reader never sees half a message and a message sent again after a
/// crash replaces its own file instead of adding a second one.
public struct FileTransport: MailTransport {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var summary: String { "written as .eml files to \(directory)/" }

    public static func fileName(messageID: String) -> String {
        let safe = messageID.unicodeScalars.map { scalar -> String in
            let c = Character(scalar)
            return (c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_" || c == "@")) ? String(c) : "_"
        }.joined()
        return safe + ".eml"
    }

    public func deliver(_ message: MailMessage) -> DeliveryResult {
        let bytes: [UInt8]
        do { bytes = try message.rendered() } catch { return .failed("\(error)") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let target = (directory as NSString).appendingPathComponent(FileTransport.fileName(messageID: message.messageID))
            let temporary = (directory as NSString).appendingPathComponent(".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                return .retryLater("kan \(temporary) niet schrijven")
            }
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                return .retryLater("rename naar \(target): \(reason)")
            }
            return .sent
        } catch {
            return .retryLater("\(error)")
        }
    }
}
