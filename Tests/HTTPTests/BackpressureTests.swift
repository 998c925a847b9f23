import Foundation
import Glibc
import Synchronization
import Testing
import TestSupport
@testable import HTTP

/// Resident memory of this process (VmRSS of /proc/self/status), in bytes.
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

/// Polls `condition` every 10 ms until it holds or `seconds` pass; whether it held.
func waitUntil(seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Posix.monotonicMilliseconds() + UInt64(seconds * 1000)
    while Posix.monotonicMilliseconds() < deadline {
        if try condition() { return true }
        usleep(10_000)
    }
    return try condition()
}

/// Sends bytes on its own thread, so that a test can watch the send block.
final class BackgroundSender: @unchecked Sendable {
    private let finished = Atomic<Int>(0)
    /// 0 while sending, 1 when every byte went out, 2 when the send failed.
    var state: Int { finished.load(ordering: .acquiring) }

    init(_ client: RawHTTPClient, _ bytes: [UInt8]) {
        nonisolated(unsafe) let client = client
        let thread = Thread { [self] in
            let ok = (try? client.send(bytes)) != nil
            self.finished.store(ok ? 1 : 2, ordering: .releasing)
        }
        thread.start()
    }
}

@Suite("Backpressure against clients that do not read")
struct BackpressureTests {
    @Test("a client pipelining 16 MiB without reading is stopped within the bound, others are served, and it gets every answer in order")
    func pipeliningNonReader() throws {
        let server = try TestServer(timeouts: Timeouts(header: 5, bodyIdle: 5, keepAliveIdle: 60, writeStall: 60))
        // 4 KiB requests whose answers are about three times as big, so that the answers, not the
        // kernel's socket buffers, are what fills up. (Few large requests rather than many small
        // ones: the bytes, not the count, are what the kernel buffers and the bound are about.)
        let requestSize = 4096
        let count = 16 * 1024 * 1024 / requestSize
        var batch: [UInt8] = []
        batch.reserveCapacity(count * requestSize)
        for index in 0..<count {
            let head = Array("GET /n/\(index) HTTP/1.1\r\nHost: x\r\nX-Pad: ".utf8)
            batch.append(contentsOf: head)
            batch.append(contentsOf: repeatElement(UInt8(ascii: "p"), count: requestSize - head.count - 4))
            batch.append(contentsOf: [13, 10, 13, 10])
        }
        let residentBefore = residentBytes()
        let readBefore = server.server.bytesRead

        let slow = try RawHTTPClient(port: server.port, timeout: 60)
        let sender = BackgroundSender(slow, batch)
        // The server stops reading: the count of bytes it read stays still for half a second.
        var last = -1
        var stillSince = Posix.monotonicMilliseconds()
        let settled = waitUntil(seconds: 30) {
            let now = server.server.bytesRead
            if now != last { last = now; stillSince = Posix.monotonicMilliseconds() }
            return Posix.monotonicMilliseconds() - stillSince > 500
        }
        #expect(settled)
        let read = server.server.bytesRead - readBefore
        #expect(sender.state == 0, "the client's send is blocked")
        #expect(read < 8 * 1024 * 1024, "read \(read) bytes of \(batch.count)")
        // What the server itself holds for the connection: the bound, one read chunk, one answer.
        #expect(server.server.peakBufferedBytes <= 256 * 1024 + 64 * 1024 + 16 * 1024)
        let grown = residentBytes() - residentBefore
        #expect(grown < 32 * 1024 * 1024, "resident memory grew \(grown / 1024) KiB")

        // Meanwhile a normal client is answered at once.
        let normal = try RawHTTPClient(port: server.port)
        var times: [Double] = []
        for _ in 0..<200 {
            let start = Posix.monotonicMicroseconds()
            try normal.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try normal.readResponse().text == "ok")
            times.append(milliseconds(since: start))
        }
        times.sort()
        #expect(times[197] < 50, "p99 \(times[197]) ms")

        // Then the slow client reads: every answer arrives, in order.
        var reader = ResponseStream(fd: slow.fd)
        for index in 0..<count {
            let body = try reader.nextBody()
            guard body.starts(with: Array("/n/\(index)\n".utf8)) else {
                Issue.record("answer \(index) is \(String(decoding: body.prefix(20), as: UTF8.self))")
                return
            }
        }
        #expect(waitUntil { sender.state != 0 })
        #expect(sender.state == 1)
    }
}

struct StreamFailure: Error {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads many pipelined responses from a socket without copying the buffer for each one.
struct ResponseStream {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fd: Int32) { self.fd = fd }

    private mutating func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw StreamFailure("recv: \(count), errno \(errno)") }
        buffer.append(contentsOf: chunk[0..<count])
    }

    /// The body of the next response (framed by Content-Length).
    mutating func nextBody() throws -> ArraySlice<UInt8> {
        if start > 64 * 1024 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        while true {
            if let end = headEnd() {
                let head = String(decoding: buffer[start..<end], as: UTF8.self)
                guard let range = head.range(of: "Content-Length: "),
                      let length = Int(head[range.upperBound...].prefix { $0.isNumber }) else {
                    throw StreamFailure("no Content-Length in \(head)")
                }
                while buffer.count < end + 4 + length { try fill() }
                let body = buffer[(end + 4)..<(end + 4 + length)]
                start = end + 4 + length
                return body
            }
            try fill()
        }
    }

    private func headEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }
}
