import Foundation
import Glibc
import Synchronization
import Testing
import TestSupport
@testable import HTTP

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Holds `/slow` requests at the worker until the test opens it, so that a test knows a request
/// is in flight without sleeping.
final class Gate: @unchecked Sendable {
    private let entered = Atomic<Int>(0)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Requests that reached the gate.
    var waiting: Int { entered.load(ordering: .acquiring) }

    /// Called by the handler: waits until opened (or 10 s, so that a failing test cannot hang).
    func pass() {
        entered.add(1, ordering: .releasing)
        _ = semaphore.wait(timeout: .now() + 10)
    }

    func open(_ count: Int = 1) {
        for _ in 0..<count { semaphore.signal() }
    }
}

/// The responder the integration tests talk to.
struct TestResponder: HTTPResponder {
    /// What a numbered answer carries after its number: 12 KB, three times a 4 KiB request.
    static let answerPadding = String(repeating: ".", count: 12 * 1024)
    let staticFiles: StaticFiles?
    let gate: Gate

    func respondOnEventLoop(to request: Request) -> Response? {
        if request.path == "/health" { return .text("ok") }
        // Numbered answers about three times the size of the backpressure test's requests.
        if request.path.hasPrefix("/n/") { return .text(request.path + "\n" + Self.answerPadding) }
        return staticFiles?.response(for: request)
    }

    func bodyLimit(method: HTTPMethod, path: String) -> Int {
        path == "/upload" ? 10 * 1024 * 1024 : -1
    }

    func respond(to request: Request) -> Response {
        switch request.path {
        case "/slow":
            gate.pass()
            return .text("slow done")
        case "/echo":
            var response = Response(status: 200, headers: ["Content-Type": "application/octet-stream"], body: request.body)
            response.headers.add("X-Method", request.method.rawValue)
            return response
        case "/upload":
            return .text("\(request.body.count)")
        case "/form":
            return .text(request.formValues().all("a").joined(separator: ","))
        case "/throws":
            struct Failure: Error {}
            return Response.guarded(request) { throw Failure() }
        case "/cookie":
            var response = Response.redirect(to: "/")
            response.setCookie(Cookie(name: "session", value: request.cookies["session"] ?? "new"))
            return response
        default:
            return .html("<p>\(request.path)</p>", status: request.path == "/" ? 200 : 404)
        }
    }
}

/// A server on an ephemeral port with short timeouts, and a static folder with a secret beside it.
final class TestServer {
    let server: HTTPServer
    let directory: String
    let gate = Gate()
    var port: Int { server.port }

    init(timeouts: Timeouts = Timeouts(header: 1, bodyIdle: 1, keepAliveIdle: 2, writeStall: 2)) throws {
        var template = Array("/tmp/http-tests-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SocketError("mkdtemp") }
        directory = String(cString: made)
        mkdir(directory + "/public", 0o755)
        mkdir(directory + "/public/css", 0o755)
        try Self.write(directory + "/public/css/site.css", "body { color: black; }\n")
        try Self.write(directory + "/secret.txt", "top secret\n")
        try Self.write(directory + "/public/big.txt", String(repeating: "0123456789abcdef", count: 4096))
        var configuration = ServerConfiguration(port: 0)
        configuration.workerCount = 4
        configuration.timeouts = timeouts
        configuration.accessLog = false
        configuration.shutdownDeadline = 3
        server = HTTPServer(configuration: configuration,
                            responder: TestResponder(staticFiles: StaticFiles(root: directory + "/public"), gate: gate))
        try server.start()
    }

    deinit {
        server.shutdown()
        unlink(directory + "/public/css/site.css")
        unlink(directory + "/secret.txt")
        unlink(directory + "/public/big.txt")
        rmdir(directory + "/public/css")
        rmdir(directory + "/public")
        rmdir(directory)
    }

    static func write(_ path: String, _ text: String) throws {
        guard let file = fopen(path, "w") else { throw SocketError("fopen") }
        fputs(text, file)
        fclose(file)
    }

    func get(_ path: String, headers: String = "") throws -> RawHTTPClient.RawResponse {
        try RawHTTPClient.exchange(port: port, "GET \(path) HTTP/1.1\r\nHost: localhost\r\n\(headers)\r\n")
    }
}

func milliseconds(since start: UInt64) -> Double {
    Double(Posix.monotonicMicroseconds() - start) / 1000
}

@Suite("HTTP server over real sockets")
struct ServerTests {
    @Test("a keep-alive connection serves several requests")
    func keepAlive() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        for path in ["/health", "/a", "/health"] {
            try client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == (path == "/a" ? 404 : 200))
            #expect(response.header("Connection") == "keep-alive")
            #expect(response.header("Date") != nil)
        }
    }

    @Test("three pipelined requests in one write are answered in order")
    func pipelining() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nthird")
        // The first is at a worker while the others wait behind it.
        #expect(waitUntil { server.gate.waiting == 1 })
        server.gate.open()
        #expect(try client.readResponse().text == "slow done")
        #expect(try client.readResponse().text == "ok")
        #expect(try client.readResponse().text == "third")
    }

    @Test("forty pipelined 64 KiB answers the client reads late all arrive, in order")
    func pipeliningBackpressure() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        var batch = ""
        for index in 0..<40 { batch += "GET /static/big.txt?n=\(index) HTTP/1.1\r\nHost: x\r\n\r\n" }
        batch += "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
        try client.send(batch)
        // The server has read the batch and answers as fast as the client takes them.
        #expect(waitUntil { server.server.bytesRead == batch.utf8.count })
        for _ in 0..<40 {
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body.count == 65536)
        }
        #expect(try client.readResponse().text == "ok")
    }

    @Test("a client that stops reading its answers is dropped after the write-stall timeout")
    func writeStall() throws {
        let server = try TestServer(timeouts: Timeouts(header: 1, bodyIdle: 1, keepAliveIdle: 5, writeStall: 0.5))
        let client = try RawHTTPClient(port: server.port, timeout: 3)
        var batch = ""
        for _ in 0..<200 { batch += "GET /static/big.txt HTTP/1.1\r\nHost: x\r\n\r\n" }
        try client.send(batch)
        // Nothing is read: after the write-stall timeout the server gives up on the connection.
        #expect(waitUntil(seconds: 5) { server.server.closedConnections == 1 })
        #expect(client.isClosedByServer())
        #expect(try server.get("/health").text == "ok")
    }

    @Test("Connection: close is honoured: the answer says close and the socket is closed")
    func connectionClose() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test("HTTP/1.0 without keep-alive is closed after the answer")
    func http10() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /health HTTP/1.0\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        #expect(client.isClosedByServer())
    }

    @Test("HEAD gets the headers of GET and no body")
    func head() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("HEAD /static/css/site.css HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.header("Content-Length") == "23")
        #expect(head.body.isEmpty)
        #expect(try client.readResponse().text == "ok")
    }

    @Test("each malformed request gets its status, the connection is closed, and the server keeps serving",
          arguments: [
            ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
            ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -2\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
            ("GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n  folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nBad Name: a\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nName : a\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{0}b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
            ("GET / HTTP/1.1\nHost: x\n\n", 400),
            ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 40000) + "\r\n\r\n", 431),
          ])
    func malformed(_ request: String, _ expected: Int) throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send(request)
        let response = try client.readResponse()
        #expect(response.status == expected)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
        #expect(try server.get("/health").text == "ok")
    }

    @Test("a method other than GET, HEAD and POST reaches the responder with its body")
    func otherMethod() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("DELETE /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("X-Method") == "DELETE")
        #expect(response.text == "abc")
        try client.send("PROPFIND /echo HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().header("X-Method") == "PROPFIND")
    }

    @Test("a request smuggled behind a bad one is never answered")
    func noSmuggling() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 400)
        #expect(client.isClosedByServer())
    }

    @Test("a 2 MiB body is refused with 413 before it is read")
    func tooLarge() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        let body = [UInt8](repeating: 0x61, count: 2 * 1024 * 1024)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        #expect(try server.get("/health").status == 200)
    }

    @Test("a route with a higher limit takes a 2 MiB upload, also with Expect: 100-continue")
    func largeUpload() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2097152\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        try client.send([UInt8](repeating: 0x62, count: 2 * 1024 * 1024))
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "2097152")
    }

    @Test("a chunked upload is decoded")
    func chunkedUpload() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        let first = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
        try client.send(first)
        // The body arrives in two reads.
        #expect(waitUntil { server.server.bytesRead == first.utf8.count })
        try client.send("6;note=x\r\n world\r\n0\r\nTrailer: gone\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.text == "hello world")
        #expect(response.header("X-Method") == "POST")
    }

    @Test("an urlencoded form keeps repeated keys in order")
    func form() throws {
        let server = try TestServer()
        let response = try RawHTTPClient.exchange(port: server.port,
            "POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 14\r\n\r\na=1&b=2&a=3+4&")
        #expect(response.text == "1,3 4")
    }

    @Test("a handler that throws gives a 500 page and the connection stays usable")
    func handlerError() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /throws HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 500)
        try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 200)
    }

    @Test("cookies are read and set with their attributes")
    func cookies() throws {
        let server = try TestServer()
        let response = try server.get("/cookie", headers: "Cookie: session=abc\r\n")
        #expect(response.status == 303)
        #expect(response.header("Set-Cookie") == "session=abc; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test("a slowloris crowd is timed out while a normal client is served at once")
    func slowClients() throws {
        let server = try TestServer()
        var slow: [RawHTTPClient] = []
        for _ in 0..<100 {
            let client = try RawHTTPClient(port: server.port, timeout: 4)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            slow.append(client)
        }
        let start = Posix.monotonicMicroseconds()
        #expect(try server.get("/health").text == "ok")
        #expect(milliseconds(since: start) < 300)
        // The header timeout is 1 s from the first byte: each slow client gets 408 and is closed.
        let timedOut = try slow[0].readResponse()
        #expect(timedOut.status == 408)
        #expect(slow[0].isClosedByServer())
        #expect(slow.dropFirst().allSatisfy { $0.isClosedByServer() })
        #expect(try server.get("/health").text == "ok")
    }

    @Test("a slow-drip body is timed out")
    func slowBody() throws {
        let server = try TestServer()
        let client = try RawHTTPClient(port: server.port, timeout: 4)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
        let start = Posix.monotonicMicroseconds()
        #expect(try client.readResponse().status == 408)
        #expect(milliseconds(since: start) < 2500)
    }

    @Test("an idle keep-alive connection is closed after its timeout")
    func idleTimeout() throws {
        let server = try TestServer(timeouts: Timeouts(header: 1, bodyIdle: 1, keepAliveIdle: 0.5, writeStall: 1))
        let client = try RawHTTPClient(port: server.port, timeout: 3)
        try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        #expect(client.isClosedByServer())
    }

    @Test("path traversal, plain or percent-encoded, never leaves the static root", arguments: [
        "/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E%2Fsecret.txt",
        "/static/css/..%2f..%2fsecret.txt", "/static/..%5csecret.txt", "/static/%252e%252e/secret.txt",
        "/static/css/../../secret.txt", "/static//etc/passwd", "/static/./css/site.css",
    ])
    func traversal(_ path: String) throws {
        let server = try TestServer()
        let response = try server.get(path)
        #expect(response.status == 404 || response.status == 400)
        #expect(!response.text.contains("secret"))
    }

    @Test("a static file has a type, validators and caching, and answers 304 when unchanged")
    func staticFiles() throws {
        let server = try TestServer()
        let first = try server.get("/static/css/site.css")
        #expect(first.status == 200)
        #expect(first.header("Content-Type") == "text/css; charset=utf-8")
        #expect(first.header("Cache-Control") != nil)
        let etag = try #require(first.header("ETag"))
        let modified = try #require(first.header("Last-Modified"))
        let byTag = try server.get("/static/css/site.css", headers: "If-None-Match: \(etag)\r\n")
        #expect(byTag.status == 304)
        #expect(byTag.body.isEmpty)
        #expect(try server.get("/static/css/site.css", headers: "If-Modified-Since: \(modified)\r\n").status == 304)
        #expect(try server.get("/static/css/site.css", headers: "If-None-Match: \"other\"\r\n").status == 200)
        #expect(try server.get("/static/css/missing.css").status == 404)
    }

    @Test("graceful shutdown finishes the request in flight, then refuses new connections")
    func gracefulShutdown() throws {
        let server = try TestServer()
        let port = server.port
        let client = try RawHTTPClient(port: port)
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(waitUntil { server.gate.waiting == 1 })
        let http = server.server
        let stopper = Thread { http.shutdown() }
        stopper.start()
        // Shutdown has begun once new connections are refused; then the request in flight ends.
        #expect(waitUntil { (try? RawHTTPClient(port: port)) == nil })
        server.gate.open()
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "slow done")
        #expect(response.header("Connection") == "close")
        #expect(throws: (any Error).self) { _ = try RawHTTPClient.exchange(port: port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n") }
    }

    @Test("URLSession (FoundationNetworking) can talk to the server")
    func urlSession() async throws {
        let server = try TestServer()
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/echo"))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data("from URLSession".utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self) == "from URLSession")
        let (health, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(server.port)/health")))
        #expect(String(decoding: health, as: UTF8.self) == "ok")
    }
}
