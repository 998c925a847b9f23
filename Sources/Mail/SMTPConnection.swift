import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failed step of an SMTP conversation: network trouble (always worth a retry) or a reply
/// code from the server (4xx retry, 5xx give up, RFC 5321 §4.2.1).
enum SMTPError: Error, CustomStringConvertible {
    case network(String)
    case reply(code: Int, text: String, after: String)

    var description: String {
        switch self {
        case .network(let text): text
        case .reply(let code, let text, let after): "\(after): \(code) \(text)"
        }
    }
}

/// One blocking TCP connection with a connect timeout and read/write timeouts (SO_RCVTIMEO,
/// SO_SNDTIMEO), reading CRLF lines. POSIX calls go through `check`, errno into the message.
final class SMTPConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(host: String, port: Int, timeoutMilliseconds: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SMTPError.network("\(host): adres niet gevonden (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "connect \(host):\(port) mislukt"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let candidate = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            if candidate < 0 { lastError = SMTPConnection.errnoText("socket"); continue }
            if SMTPConnection.connect(candidate, info.pointee.ai_addr, info.pointee.ai_addrlen, timeoutMilliseconds, &lastError) {
                _ = csystem_set_timeout_option(candidate, SO_RCVTIMEO, timeoutMilliseconds)
                _ = csystem_set_timeout_option(candidate, SO_SNDTIMEO, timeoutMilliseconds)
                self.fd = candidate
                return
            }
            close(candidate)
        }
        throw SMTPError.network("\(host):\(port): \(lastError)")
    }

    deinit { close(fd) }

    static func errnoText(_ call: String) -> String {
        let code = csystem_errno()
        return "\(call): \(String(cString: strerror(code))) (errno \(code))"
    }

    /// A non-blocking connect waited for with poll, then the socket made blocking again.
    private static func connect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t, _ timeout: Int,
                                _ error: inout String) -> Bool {
        guard csystem_set_nonblocking(fd) == 0 else { error = errnoText("fcntl"); return false }
        if Glibc.connect(fd, address, length) != 0 {
            guard csystem_errno() == EINPROGRESS else { error = errnoText("connect"); return false }
            var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&waiting, 1, Int32(timeout))
            guard ready > 0 else { error = ready == 0 ? "connect: geen antwoord binnen \(timeout) ms" : errnoText("poll"); return false }
            var soError: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &size)
            guard soError == 0 else { error = "connect: \(String(cString: strerror(soError))) (errno \(soError))"; return false }
        }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 else { error = errnoText("fcntl"); return false }
        return true
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { csystem_send(fd, $0.baseAddress, $0.count) }
            if sent < 0 {
                if csystem_errno() == EINTR { continue }
                throw SMTPError.network(SMTPConnection.errnoText("send"))
            }
            offset += sent
        }
    }

    func write(_ line: String) throws { try write(Array((line + "\r\n").utf8)) }

    /// One line without its CRLF; lines longer than 4 KiB are refused (a reply line is at most
    /// 512 octets, RFC 5321 §4.5.3.1.5).
    func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 4096 else { throw SMTPError.network("antwoordregel te lang") }
            var chunk = [UInt8](repeating: 0, count: 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if csystem_errno() == EINTR { continue }
                let code = csystem_errno()
                throw SMTPError.network(code == EAGAIN || code == EWOULDBLOCK ? "recv: geen antwoord (time-out)" : SMTPConnection.errnoText("recv"))
            }
            if count == 0 { throw SMTPError.network("verbinding gesloten door de server") }
            buffer += chunk[..<count]
        }
    }

    /// A whole reply: "250-first", "250-more", "250 last" (RFC 5321 §4.2.1), as code and text.
    func readReply() throws -> (code: Int, text: String) {
        var texts: [String] = []
        while true {
            let line = try readLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200...599).contains(code) else {
                throw SMTPError.network("onleesbaar antwoord: \(MailHeader.clean(String(line.prefix(100))))")
            }
            texts.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return (code, texts.joined(separator: " ")) }
            guard bytes[3] == UInt8(ascii: "-") else { throw SMTPError.network("onleesbaar antwoord: \(MailHeader.clean(String(line.prefix(100))))") }
        }
    }
}
