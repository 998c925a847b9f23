import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Our own SMTP server for tests (RFC 5321's server side, just enough): listens on an
/// ephemeral port of 127.0.0.1, one connection at a time on its own thread, and records every
/// message it accepts. The reply to the end of DATA can be scripted (451 twice, then 250), a
/// recipient refused with 550, and a hook runs on QUIT before any answer (crash tests).
public final class SMTPSink: @unchecked Sendable {
    public struct Received: Sendable {
        public var mailFrom: String
        public var recipients: [String]
        /// The message as the client meant it (dot-stuffing undone), CRLF line ends.
        public var data: String

        /// The value of the first header `name` (unfolded), or nil.
        public func header(_ name: String) -> String? {
            let head = data.components(separatedBy: "\r\n\r\n").first ?? ""
            var value: String?
            for line in head.components(separatedBy: "\r\n") {
                if let current = value {
                    guard line.hasPrefix(" ") || line.hasPrefix("\t") else { break }
                    value = current + line
                    continue
                }
                if line.lowercased().hasPrefix(name.lowercased() + ":") { value = String(line.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
            }
            return value
        }

        public var messageID: String? { header("Message-ID") }
    }

    public private(set) var port = 0
    private let fd: Int32
    private let lock = NSLock()
    private var messages: [Received] = []
    private var dataReplies: [Int] = []
    private var rcptReply = 250
    private var attempts = 0
    private var hooks: [String: @Sendable () -> Void] = [:]
    private var stopped = false

    public init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "smtp-sink"
        thread.start()
    }

    deinit { stop() }

    public func stop() {
        lock.lock()
        let was = stopped
        stopped = true
        lock.unlock()
        guard !was else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    /// The replies to the next ends of DATA, in order (then 250 again).
    public func replyToData(_ codes: [Int]) { lock.withLock { dataReplies = codes } }
    /// The reply to every RCPT TO from now on.
    public func replyToRecipient(_ code: Int) { lock.withLock { rcptReply = code } }
    /// Runs when the client sends a command starting with `prefix` ("MAIL FROM", "QUIT"), before
    /// the sink answers it (crash tests kill the client there); nil removes it.
    public func onCommand(_ prefix: String, _ hook: (@Sendable () -> Void)?) { lock.withLock { hooks[prefix.uppercased()] = hook } }

    public var received: [Received] { lock.withLock { messages } }
    /// Every message that reached the end of DATA, accepted or not.
    public var dataAttempts: Int { lock.withLock { attempts } }

    /// Waits until `count` messages were accepted; false after `timeout` seconds.
    public func waitFor(_ count: Int, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if received.count >= count { return true }
            usleep(20_000)
        }
        return received.count >= count
    }

    private func acceptLoop() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR { continue }
                return
            }
            serve(client)
            close(client)
        }
    }

    private func serve(_ client: Int32) {
        var buffer: [UInt8] = []
        func send(_ line: String) { let bytes = Array((line + "\r\n").utf8); _ = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        func readLine() -> String? {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    var line = Array(buffer[..<end])
                    buffer.removeFirst(end + 1)
                    if line.last == 13 { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return nil }
                buffer += chunk[..<n]
            }
        }
        send("220 sink.test ESMTP ready")
        var from = "", recipients: [String] = []
        while let line = readLine() {
            let upper = line.uppercased()
            let hook = lock.withLock { hooks.first { upper.hasPrefix($0.key) }?.value }
            hook?()
            if upper.hasPrefix("EHLO") {
                send("250-sink.test greets you")
                send("250-8BITMIME")
                send("250 SIZE 10485760")
            } else if upper.hasPrefix("HELO") {
                send("250 sink.test")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = String(line.dropFirst(10)).trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
                recipients = []
                send("250 OK")
            } else if upper.hasPrefix("RCPT TO:") {
                let code = lock.withLock { rcptReply }
                if code == 250 { recipients.append(String(line.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "<> "))) }
                send(code == 250 ? "250 OK" : "\(code) 5.1.1 no such user here")
            } else if upper == "DATA" {
                send("354 end with <CRLF>.<CRLF>")
                var lines: [String] = []
                while let dataLine = readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix(".") ? String(dataLine.dropFirst()) : dataLine)
                }
                let code: Int = lock.withLock {
                    attempts += 1
                    return dataReplies.isEmpty ? 250 : dataReplies.removeFirst()
                }
                if code == 250 {
                    let message = Received(mailFrom: from, recipients: recipients, data: lines.joined(separator: "\r\n") + "\r\n")
                    lock.withLock { messages.append(message) }
                    send("250 2.0.0 queued")
                } else {
                    send("\(code) \(code < 500 ? "4.3.0 try again later" : "5.7.1 rejected")")
                }
            } else if upper == "QUIT" {
                send("221 bye")
                return
            } else if upper == "RSET" || upper == "NOOP" {
                send("250 OK")
            } else {
                send("500 5.5.2 unknown command")
            }
        }
    }
}
