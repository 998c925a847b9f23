import Foundation
import Testing
import SQLite
import TestSupport

@Suite("Crash") struct CrashTests {
    /// The `sqlite-crash-writer` executable, built next to the test bundle by `swift build --build-tests`.
    static func crashWriter() throws -> URL {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        if let bundle = Bundle.main.executableURL { candidates.append(bundle.deletingLastPathComponent()) }
        for directory in candidates {
            // The test bundle may be a directory (…xctest/) one level below the products.
            for base in [directory, directory.deletingLastPathComponent()] {
                let url = base.appendingPathComponent("sqlite-crash-writer")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        throw SQLiteError(code: 1, message: "sqlite-crash-writer not found next to the test executable (looked in \(candidates.map(\.path))); run swift build --build-tests")
    }

    @Test("a writer killed with SIGKILL mid-burst leaves an intact database with every reported commit")
    func killedWriter() throws {
        let directory = try TemporaryDirectory(prefix: "plusikc-crash")
        let path = directory.file("crash.sqlite")
        let process = Process()
        process.executableURL = try Self.crashWriter()
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let pid = process.processIdentifier

        // Watchdog: never let a stuck child hang the test run.
        let finished = Flag()
        Thread.detachNewThread {
            if !finished.wait(seconds: 60) { kill(pid, SIGKILL) }
        }

        var reported: [Int64] = []
        var pending: [UInt8] = []
        func consume(_ data: Data) {
            pending += data
            while let newline = pending.firstIndex(of: 10) {
                if let id = Int64(String(decoding: pending[..<newline], as: UTF8.self)) { reported.append(id) }
                pending.removeSubrange(...newline)
            }
        }
        let reader = output.fileHandleForReading
        while reported.count < 500 {
            let data = reader.availableData
            if data.isEmpty { break }  // the child exited early
            consume(data)
        }
        kill(pid, SIGKILL)
        // Ids printed before the kill are still in the pipe; a partial last line is dropped.
        while true {
            let data = reader.availableData
            if data.isEmpty { break }
            consume(data)
        }
        process.waitUntilExit()
        finished.set()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(reported.count >= 500)

        let database = try Database(path: path, readers: 1)
        defer { database.close() }
        let check = try database.read { try $0.row("PRAGMA integrity_check")?.string(0) }
        #expect(check == "ok")
        let stored = Set(try database.read { try $0.rows("SELECT id FROM commits").map { try $0.int64(0) } })
        let missing = reported.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "ids reported as committed but missing: \(missing.prefix(10))")
        // Whole transactions only: every stored commit has its full burst.
        let partial = try database.read { try $0.row("SELECT count(*) FROM commits c WHERE (SELECT count(*) FROM burst b WHERE b.commit_id = c.id) != 8")?.int(0) }
        #expect(partial == 0)
    }
}
