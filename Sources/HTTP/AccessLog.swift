import Glibc

/// Buffered access log for one event loop thread: lines are collected and written to stderr
/// in one write(2) per loop iteration at most every 100 ms, so logging stays off the hot path.
struct AccessLog {
    /// Off in tests and when `ServerConfiguration.accessLog` is false.
    var enabled: Bool
    /// Lines not yet written: the loop writes them in batches, not one write(2) per request.
    private var buffer: [UInt8] = []
    /// Monotonic milliseconds of the last write.
    private var lastFlush: UInt64 = 0

    /// An empty log, writing only when `enabled`.
    init(enabled: Bool) {
        self.enabled = enabled
        buffer.reserveCapacity(enabled ? 64 * 1024 : 0)
    }

    /// `GET /path 200 1234 56us`
    mutating func record(method: HTTPMethod?, path: String, status: Int, bytes: Int, microseconds: UInt64) {
        guard enabled else { return }
        buffer.append(contentsOf: (method?.rawValue ?? "-").utf8)
        buffer.append(0x20)
        // Control characters in a decoded path must not forge log lines.
        for byte in path.utf8 { buffer.append(byte < 0x20 || byte == 0x7F ? UInt8(ascii: "?") : byte) }
        buffer.append(0x20)
        ResponseWriter.appendDecimal(status, to: &buffer)
        buffer.append(0x20)
        ResponseWriter.appendDecimal(bytes, to: &buffer)
        buffer.append(0x20)
        ResponseWriter.appendDecimal(Int(microseconds), to: &buffer)
        buffer.append(contentsOf: "us\n".utf8)
    }

    /// Writes the buffer when it is big or a second old, so lines appear promptly.
    mutating func flushIfDue(now: UInt64) {
        guard !buffer.isEmpty, buffer.count > 48 * 1024 || now &- lastFlush >= 100 else { return }
        flush(now: now)
    }

    /// Writes whatever is buffered (at shutdown, or when due).
    mutating func flush(now: UInt64) {
        lastFlush = now
        guard !buffer.isEmpty else { return }
        Self.writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// An unbuffered line on stderr, for errors.
    static func writeError(_ line: String) {
        writeAll(Array((line + "\n").utf8))
    }

    /// Writes every byte to stderr, retrying short writes and EINTR.
    static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let count = write(2, raw.baseAddress.map { $0 + done }, raw.count - done)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                done += count
            }
        }
    }
}

/// The Date field value, formatted once per second.
struct DateCache {
    /// The second the cached text is for.
    private var second = -1
    /// The IMF-fixdate of that second (RFC 9110 §5.6.7), as bytes.
    private var value: [UInt8] = []

    /// The Date field value for now, formatted at most once a second (RFC 9110 §6.6.1).
    mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            value = Array(HTTPDate.format(now).utf8)
        }
        return value
    }
}
