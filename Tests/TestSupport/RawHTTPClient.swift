import Glibc

/// A blocking raw-socket HTTP/1.1 client for tests: sends exactly the bytes given and reads
/// responses framed by Content-Length, so malformed requests and pipelining can be tested.
public final class RawHTTPClient {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public struct RawResponse: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads give up after `timeout` seconds.
    public init(port: Int, timeout: Double = 5) throws {
        // The socket is `self.fd` only once connected: a class whose init throws after every
        // property is set runs its deinit, and closing the number twice would close whatever
        // socket another test was given that number in between.
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(socketFD)
            throw Failure("connect: errno \(error)")
        }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(socketFD, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        fd = socketFD
    }

    deinit { close(fd) }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress.map { $0 + done }, raw.count - done, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure("send: errno \(errno)") }
            done += count
        }
    }

    /// Half-closes the sending side.
    public func finishSending() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 { return false }
            if errno == EINTR { continue }
            if errno == ECONNRESET { return false }
            throw Failure("recv: errno \(errno) (timeout?)")
        }
    }

    /// Reads one response; `head` for the answer to a HEAD request (no body despite Content-Length).
    public func readResponse(head: Bool = false) throws -> RawResponse {
        var headEnd: Int?
        while headEnd == nil {
            if let index = find([13, 10, 13, 10]) { headEnd = index; break }
            guard try fill() else { throw Failure("connection closed before a response head") }
        }
        guard let end = headEnd else { throw Failure("no head") }
        let headText = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure("bad status line: \(statusLine)") }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((name: String(line[..<colon]),
                            value: String(line[line.index(after: colon)...]).trimmingPrefixSpaces()))
        }
        buffer.removeFirst(end + 4)
        let length = head || status == 304 || status == 204 || status < 200 ? 0
            : Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
        while buffer.count < length {
            guard try fill() else { throw Failure("connection closed in a body") }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// True when the server closed the connection (EOF or reset) within the read timeout.
    public func isClosedByServer() -> Bool {
        do {
            while true {
                guard try fill() else { return true }
            }
        } catch {
            return false
        }
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            var index = 0
            outer: while index <= bytes.count - needle.count {
                for offset in 0..<needle.count where bytes[index + offset] != needle[offset] {
                    index += 1
                    continue outer
                }
                return index
            }
            return nil
        }
    }

    /// Sends a request and reads its response.
    public static func exchange(port: Int, _ request: String) throws -> RawResponse {
        let client = try RawHTTPClient(port: port)
        try client.send(request)
        return try client.readResponse()
    }
}

extension String {
    fileprivate func trimmingPrefixSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
