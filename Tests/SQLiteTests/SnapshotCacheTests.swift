import Synchronization
import SQLite
import Testing
import TestSupport

@Suite("Snapshot cache")
struct SnapshotCacheTests {
    /// A table with one number, a cache of it, and a count of how often it was computed.
    final class Fixture: Sendable {
        let temporary: TemporaryDatabase
        let cache = SnapshotCache<Int, Int64>()
        let computed = Atomic<Int>(0)

        init(readers: Int = 2) throws {
            temporary = try TemporaryDatabase(migrationsDirectory: nil, readers: readers)
            try temporary.database.write { c in
                try c.execute("CREATE TABLE t (x INTEGER NOT NULL)")
                try c.execute("INSERT INTO t (x) VALUES (1)")
            }
        }

        func compute(_ c: Connection) throws -> Int64 {
            computed.add(1, ordering: .relaxed)
            return try c.row("SELECT x FROM t")?.int64(0) ?? -1
        }

        /// The cached value, read as a page would.
        func read() throws -> Int64 {
            try temporary.database.read { c in try cache.value(c) { try compute($0) } }
        }
        var computations: Int { computed.load(ordering: .relaxed) }
    }

    @Test("a value is computed once while nothing is committed, and again after every commit")
    func invalidatedByCommits() throws {
        let f = try Fixture(readers: 1)
        #expect(try f.read() == 1)
        #expect(try f.read() == 1)
        #expect(try f.read() == 1)
        let settled = f.computations
        #expect(try f.read() == 1)
        #expect(f.computations == settled, "no commit: answered from the cache")
        try f.temporary.database.write { try $0.execute("UPDATE t SET x = 2") }
        #expect(try f.read() == 2)
        try f.temporary.database.write { try $0.execute("UPDATE t SET x = 3") }
        #expect(try f.read() == 3)
        #expect(try f.read() == 3)
    }

    @Test("every reader of the pool sees a commit, whichever of them filled the cache")
    func allReaders() throws {
        let f = try Fixture(readers: 3)
        for _ in 0..<10 { #expect(try f.read() == 1) }
        try f.temporary.database.write { try $0.execute("UPDATE t SET x = 5") }
        for _ in 0..<10 { #expect(try f.read() == 5) }
    }

    @Test("a commit by another connection (another process, the command-line tool) empties it too")
    func otherConnection() throws {
        let f = try Fixture(readers: 2)
        for _ in 0..<5 { #expect(try f.read() == 1) }
        let other = try Database(path: f.temporary.path, readers: 1)
        defer { other.close() }
        try other.write { try $0.execute("UPDATE t SET x = 7") }
        for _ in 0..<5 { #expect(try f.read() == 7) }
    }

    @Test("inside a write it always computes, and sees the transaction's own changes")
    func insideWrite() throws {
        let f = try Fixture()
        #expect(try f.read() == 1)
        let value = try f.temporary.database.write { c -> Int64 in
            try c.execute("UPDATE t SET x = 9")
            return try f.cache.value(c) { try f.compute($0) }
        }
        #expect(value == 9)
        #expect(try f.read() == 9)
    }

    @Test("readers racing with writers never get a value older than their own snapshot")
    func concurrent() throws {
        let f = try Fixture(readers: 4)
        let failures = Collected<String>()
        onThreads(6) { index in
            do {
                for step in 0..<200 {
                    if index == 0 {
                        try f.temporary.database.write { try $0.execute("UPDATE t SET x = x + 1") }
                    } else {
                        // The value in the cache must equal what this very transaction reads.
                        try f.temporary.database.read { c in
                            let cached = try f.cache.value(c) { try f.compute($0) }
                            let direct = try c.row("SELECT x FROM t")?.int64(0)
                            if cached != direct { failures.append("thread \(index) step \(step): cached \(cached), database \(direct ?? -1)") }
                        }
                    }
                }
            } catch {
                failures.append("thread \(index): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
    }
}
