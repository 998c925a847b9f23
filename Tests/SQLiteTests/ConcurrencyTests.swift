import Foundation
import Testing
import SQLite
import TestSupport

@Suite("Concurrency") struct ConcurrencyTests {
    @Test("two threads reading while one writes always see the invariant sum")
    func consistentSnapshots() throws {
        let temp = try emptyDatabase(readers: 2)
        let db = temp.database
        try db.write { connection in
            try connection.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)")
            try connection.execute("INSERT INTO accounts (id, balance) VALUES (1, 500), (2, 500)")
        }
        let done = Flag()
        let failures = Collected<String>()
        let sums = Collected<Int>()
        onThreads(3) { index in
            do {
                if index == 0 {
                    defer { done.set() }
                    for step in 1...300 {
                        try db.write { connection in
                            try connection.execute("UPDATE accounts SET balance = balance - \(step) WHERE id = 1")
                            try connection.execute("UPDATE accounts SET balance = balance + \(step) WHERE id = 2")
                        }
                    }
                } else {
                    var reads = 0
                    while !done.isSet || reads < 50 {
                        // Two separate queries: only a snapshot makes them agree.
                        let sum = try db.read { connection in
                            let a = try connection.row("SELECT balance FROM accounts WHERE id = 1")?.int(0) ?? 0
                            let b = try connection.row("SELECT balance FROM accounts WHERE id = 2")?.int(0) ?? 0
                            return a + b
                        }
                        if sum != 1000 { failures.append("reader \(index) saw \(sum)") }
                        reads += 1
                    }
                    sums.append(reads)
                }
            } catch {
                failures.append("thread \(index): \(error)")
            }
        }
        #expect(failures.all == [])
        #expect(sums.all.count == 2)
        let final = try db.read { try $0.row("SELECT balance FROM accounts WHERE id = 2")?.int(0) }
        #expect(final == 500 + 300 * 301 / 2)
    }

    @Test("64 threads writing at once: every write lands, none fails with database is locked")
    func sixtyFourWriters() throws {
        let temp = try emptyDatabase(readers: 4)
        let db = temp.database
        try db.write { try $0.execute("CREATE TABLE hits (id INTEGER PRIMARY KEY, thread INTEGER NOT NULL, n INTEGER NOT NULL)") }
        let failures = Collected<String>()
        onThreads(64) { thread in
            for n in 0..<10 {
                do {
                    try db.write { connection in
                        try connection.execute("INSERT INTO hits (thread, n) VALUES (\(thread), \(n))")
                    }
                    // Reads interleave with the writes.
                    _ = try db.read { try $0.row("SELECT count(*) FROM hits") }
                } catch {
                    failures.append("thread \(thread) write \(n): \(error)")
                }
            }
        }
        #expect(failures.all == [])
        let count = try db.read { try $0.row("SELECT count(*), count(DISTINCT thread) FROM hits") }
        #expect(try count?.int(0) == 640)
        #expect(try count?.int(1) == 64)
    }

    @Test("a backup taken while another thread writes in a loop opens and passes integrity_check")
    func backupWhileWriting() throws {
        let temp = try emptyDatabase()
        let db = temp.database
        try db.write { try $0.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, text TEXT NOT NULL)") }
        let stop = Flag()
        let started = Flag()
        let failures = Collected<String>()
        let backupPath = temp.directory.file("backup.sqlite")
        onThreads(2) { index in
            do {
                if index == 0 {
                    var n = 0
                    while !stop.isSet {
                        try db.write { connection in
                            for _ in 0..<20 {
                                try connection.execute("INSERT INTO log (text) VALUES (\(String(repeating: "Sûnenshûs ", count: 50)))")
                            }
                        }
                        n += 1
                        if n == 20 { started.set() }
                    }
                } else {
                    guard started.wait(seconds: 30) else { throw SQLiteError(code: 1, message: "the writer did not start within 30 s") }
                    defer { stop.set() }
                    for _ in 0..<3 { try db.backup(to: backupPath) }
                }
            } catch {
                failures.append("thread \(index): \(error)")
                stop.set()
                started.set()
            }
        }
        #expect(failures.all == [])
        let copy = try Database(path: backupPath, readers: 1)
        defer { copy.close() }
        let check = try copy.read { try $0.row("PRAGMA integrity_check")?.string(0) }
        #expect(check == "ok")
        let copied = try copy.read { try $0.row("SELECT count(*) FROM log")?.int(0) } ?? 0
        #expect(copied >= 400)
        #expect(copied % 20 == 0)  // only whole transactions
        #expect(!FileManager.default.fileExists(atPath: backupPath + ".partial-\(getpid())"))
    }
}
