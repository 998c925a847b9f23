import Glibc
import Testing
import TestSupport
@testable import HTTP

/// New connections go to the event loop that owns the fewest, whichever loop the kernel woke.
@Suite("Connections spread over the event loops")
struct AcceptBalanceTests {
    @Test("a burst of 64 connects ends with 32 on each of two loops; closed ones make room where they were")
    func burst() throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.eventLoopCount = 2
        configuration.workerCount = 2
        configuration.accessLog = false
        let server = HTTPServer(configuration: configuration, responder: TestResponder(staticFiles: nil, gate: Gate()))
        try server.start()
        defer { server.shutdown() }
        // Connected as fast as one thread can: before, the loop woken first took them all.
        var clients: [RawHTTPClient] = []
        for _ in 0..<64 { clients.append(try RawHTTPClient(port: server.port)) }
        for client in clients {
            try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "ok")
        }
        #expect(server.connectionsPerLoop == [32, 32])
        // Closing 16 connections leaves a difference; the next 16 fill it.
        clients.removeFirst(16)   // their sockets close as the clients go
        #expect(waitUntil { server.connectionsPerLoop.reduce(0, +) == 48 })
        for _ in 0..<16 {
            let client = try RawHTTPClient(port: server.port)
            try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().text == "ok")
            clients.append(client)
        }
        let counts = server.connectionsPerLoop
        #expect(counts.reduce(0, +) == 64 && abs(counts[0] - counts[1]) <= 1)
    }
}
