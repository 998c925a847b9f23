import Glibc
import Testing
import TestSupport
@testable import HTTP

/// Bodies of 32 KiB and more leave from their own storage after the head (sendmsg of two
/// buffers), a large static file with sendfile(2) from a sealed memory copy; these check that
/// nothing is lost, doubled or reordered around them.
@Suite("Large bodies sent from their own storage")
struct LargeBodyTests {
    static let big = String(repeating: "0123456789abcdef", count: 4096)

    @Test("a large body is kept apart from its head, a small one is not, and HEAD has none")
    func parts() {
        let large = Response(status: 200, body: Array(Self.big.utf8))
        let (head, body) = ResponseWriter.parts(large, head: false, keepAlive: true, date: [])
        #expect(body.count == 65536)
        #expect(String(decoding: head, as: UTF8.self).hasSuffix("Content-Length: 65536\r\nConnection: keep-alive\r\n\r\n"))
        #expect(ResponseWriter.parts(.text("hi"), head: false, keepAlive: true, date: []).body.isEmpty)
        let headOnly = ResponseWriter.parts(large, head: true, keepAlive: true, date: [])
        #expect(headOnly.body.isEmpty && String(decoding: headOnly.bytes, as: UTF8.self).contains("Content-Length: 65536"))
    }

    @Test("large static answers and small ones pipelined in turn arrive whole and in order")
    func pipelinedMix() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        var batch = ""
        for index in 0..<12 {
            batch += "GET /static/big.txt?n=\(index) HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n"
        }
        try client.send(batch)
        for _ in 0..<12 {
            let file = try client.readResponse()
            #expect(file.status == 200)
            #expect(String(decoding: file.body, as: UTF8.self) == Self.big)
            #expect(try client.readResponse().text == "ok")
        }
    }

    @Test("a large static file's answer holds a sealed copy that nothing can change; a small one's does not")
    func sealedCopy() throws {
        let server = try TestServer()
        let files = StaticFiles(root: server.directory + "/public")
        var large = try #require(files.response(for: Request(target: "/static/big.txt")))
        let sealed = try #require(large.bodyFile)
        // Every seal is set: no write, no growing, no shrinking, and no taking the seals off.
        #expect(Glibc.write(sealed.fd, "x", 1) == -1)
        #expect(ftruncate(sealed.fd, 10) == -1)
        var copy = [UInt8](repeating: 0, count: 65536)
        #expect(pread(sealed.fd, &copy, copy.count, 0) == 65536 && copy == Array(Self.big.utf8))
        #expect(try #require(files.response(for: Request(target: "/static/css/site.css"))).bodyFile == nil)
        // A changed body drops the copy, so the old bytes can never be sent for the new ones.
        large.body = Array("changed".utf8)
        #expect(large.bodyFile == nil)
    }

    @Test("a large static file keeps its loaded bytes when the file on disk changes, and HEAD sends none of them")
    func diskChangeAndHead() throws {
        let server = try TestServer()
        try TestServer.write(server.directory + "/public/big.txt", "short now")
        let client = try RawHTTPClient(port: server.port)
        try client.send("HEAD /static/big.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /static/big.txt HTTP/1.1\r\nHost: x\r\n\r\n"
            + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.header("Content-Length") == "65536" && head.body.isEmpty)
        let file = try client.readResponse()
        #expect(file.header("Content-Length") == "65536" && String(decoding: file.body, as: UTF8.self) == Self.big)
        #expect(try client.readResponse().text == "ok")
    }

    @Test("a worker's large answer arrives whole")
    func workerAnswer() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        let payload = String(repeating: "z", count: 100_000)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(payload.utf8.count)\r\n\r\n\(payload)GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == payload)
        #expect(try client.readResponse().text == "ok")
    }
}
