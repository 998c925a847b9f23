import Foundation
import SQLite
import Testing
import TestSupport

/// `plusikc serve` as a child process with an SMTP sink, killed with SIGKILL at the two
/// dangerous moments of sending: after the event committed but before the message went out,
/// and after the sink's 250 to DATA but before the row was marked sent.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private(set) var port = 0

    init(database: String, mail: String) throws {
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["serve", "--db", database, "--port", "0", "--mail", mail, "--public-url", "https://plusikc.gemeente.example"]
        process.currentDirectoryURL = URL(fileURLWithPath: TestApp.repositoryRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["PLUSIKC_TODAY"] = TestApp.today.iso
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let pid = process.processIdentifier
        // Watchdog: never let a stuck child hang the test run.
        let process = self.process
        Thread.detachNewThread {
            for _ in 0..<600 where process.isRunning { usleep(100_000) }
            if process.isRunning { kill(pid, SIGKILL) }
        }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && port == 0 {
            let text = lock.withLock { output }
            if let range = text.range(of: "serves on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        guard port != 0 else { throw StartFailure(output: lock.withLock { output }) }
    }

    struct StartFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "plusikc serve did not start: \(output)" }
    }

    var pid: Int32 { process.processIdentifier }

    func waitForExit(timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    /// SIGTERM, as an operator stops it; SIGKILL if it has not stopped after a few seconds.
    func stop() {
        if process.isRunning { kill(pid, SIGTERM) }
        if !waitForExit(timeout: 5) {
            kill(pid, SIGKILL)
            _ = waitForExit()
        }
    }
}

/// A child's pid for the sink's hook, set once the child runs.
final class PIDBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32 = 0
    func set(_ pid: Int32) { lock.withLock { value = pid } }
    func kill9() { let pid = lock.withLock { value }; if pid > 0 { kill(pid, SIGKILL) } }
}

@Suite("Mail survives a crash of the server", .serialized)
struct MailCrashTests {
    /// A migrated, seeded database file and the project leader's password: a copy of the demo
    /// template (`seed-demo` itself is tested in CommandLineTests; run here it would hash eight
    /// passwords at full cost per test).
    static func seededDatabase(in folder: TemporaryDirectory) throws -> (path: String, password: String) {
        let template = try DatabaseTemplate.seeded()
        let path = folder.file("plusikc.sqlite")
        try FileManager.default.copyItem(atPath: template.path, toPath: path)
        let password = try #require(template.accounts.first { $0.email == "pl@demo.plusikc.nl" }?.password)
        return (path, password)
    }

    static func invite(port: Int, password: String) throws {
        let leader = Browser(port: port)
        try leader.logIn(email: "pl@demo.plusikc.nl", password: password)
        try leader.get("/users/new")
        let page = try leader.post("/users/new", [("name", "Sjoukje Bakker"), ("email", "s.bakker@example.org"), ("role", "directeur"), ("ikcs", "3")])
        #expect(page.status == 200)
    }

    static func outboxRows(_ path: String) throws -> [(state: String, attempts: Int, messageID: String)] {
        let database = try Database(path: path)
        defer { database.close() }
        return try database.read { c in
            try c.rows("SELECT state, attempts, message_id FROM outbox ORDER BY id").map { (try $0.string(0), try $0.int(1), try $0.string(2)) }
        }
    }

    @Test("killed after the invitation committed and before it was sent: after restart it arrives exactly once")
    func killedBeforeSending() throws {
        let folder = try TemporaryDirectory(prefix: "plusikc-mailcrash")
        let (path, password) = try Self.seededDatabase(in: folder)
        let sink = try SMTPSink()
        let child = PIDBox()
        sink.onCommand("MAIL FROM") { child.kill9() }
        let first = try ServerProcess(database: path, mail: "smtp://127.0.0.1:\(sink.port)")
        child.set(first.pid)
        try Self.invite(port: first.port, password: password)
        #expect(first.waitForExit())
        #expect(sink.received.isEmpty)
        #expect(try Self.outboxRows(path).map(\.state) == ["pending"])

        sink.onCommand("MAIL FROM", nil)
        let second = try ServerProcess(database: path, mail: "smtp://127.0.0.1:\(sink.port)")
        defer { second.stop() }
        #expect(sink.waitFor(1))
        usleep(300_000)
        second.stop()
        #expect(sink.received.count == 1)
        let rows = try Self.outboxRows(path)
        #expect(rows.map(\.state) == ["sent"])
        #expect(sink.received.first?.messageID == rows.first?.messageID)
    }

    @Test("killed after the 250 to DATA and before marking: the message sent again carries the same Message-ID")
    func killedAfterAcceptance() throws {
        let folder = try TemporaryDirectory(prefix: "plusikc-mailcrash")
        let (path, password) = try Self.seededDatabase(in: folder)
        let sink = try SMTPSink()
        let child = PIDBox()
        // The sender marks the row only after QUIT: killing it there is after 250, before marking.
        sink.onCommand("QUIT") { child.kill9() }
        let first = try ServerProcess(database: path, mail: "smtp://127.0.0.1:\(sink.port)")
        child.set(first.pid)
        try Self.invite(port: first.port, password: password)
        #expect(first.waitForExit())
        #expect(sink.received.count == 1)
        #expect(try Self.outboxRows(path).map(\.state) == ["pending"])

        sink.onCommand("QUIT", nil)
        let second = try ServerProcess(database: path, mail: "smtp://127.0.0.1:\(sink.port)")
        defer { second.stop() }
        #expect(sink.waitFor(2))
        usleep(300_000)
        second.stop()
        #expect(sink.received.count == 2)
        let ids = sink.received.map(\.messageID)
        #expect(ids[0] != nil && ids[0] == ids[1])
        #expect(try Self.outboxRows(path).map(\.state) == ["sent"])
    }

    @Test("a --mail value that is none of the three forms stops plusikc serve with exit status 2 and says why")
    func badMailSetting() throws {
        for bad in ["pigeon:loft", "smtp://relay:notaport", "sendmail:/no/such/sendmail"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["serve", "--port", "0", "--db", "/nonexistent/never/created.sqlite", "--mail", bad]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(bad)")
            #expect(text.contains("--mail"), "\(bad)")
            #expect(text.contains("file:DIR, smtp://host:port or sendmail:"), "\(bad)")
        }
    }
}
