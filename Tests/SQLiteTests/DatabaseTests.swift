import Foundation
import Testing
import SQLite
import TestSupport

@Suite("Database") struct DatabaseTests {
    static let createValues: SQL = """
        CREATE TABLE vals (id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, flag INTEGER, at TEXT)
        """

    @Test("every column type round-trips, NULL included")
    func roundTrip() throws {
        let temp = try emptyDatabase()
        let db = temp.database
        let date = Date(timeIntervalSince1970: 1_795_428_900.25)
        let blob: [UInt8] = [0, 1, 2, 255, 0]
        try db.write { connection in
            try connection.execute(Self.createValues)
            try connection.execute("""
                INSERT INTO vals (id, i, r, t, b, flag, at)
                VALUES (1, \(Int64.max), \(-0.125), \("tekst"), \(blob), \(true), \(date))
                """)
            let none: Int? = nil
            try connection.execute("INSERT INTO vals (id, i, r, t, b, flag, at) VALUES (2, \(none), NULL, NULL, NULL, NULL, NULL)")
        }
        try db.read { connection in
            let row = try #require(try connection.row("SELECT i, r, t, b, flag, at FROM vals WHERE id = 1"))
            #expect(try row.int64(0) == Int64.max)
            #expect(try row.double(1) == -0.125)
            #expect(try row.string(2) == "tekst")
            #expect(try row.blob(3) == blob)
            #expect(try row.bool(4) == true)
            #expect(try row.date(5) == date)
            #expect(try row.string("t") == "tekst")
            #expect(try row.int64("i") == Int64.max)

            let nulls = try #require(try connection.row("SELECT i, r, t, b, flag, at FROM vals WHERE id = 2"))
            #expect(try nulls.optionalInt64(0) == nil)
            #expect(try nulls.optionalInt(0) == nil)
            #expect(try nulls.optionalDouble(1) == nil)
            #expect(try nulls.optionalString(2) == nil)
            #expect(try nulls.optionalBlob(3) == nil)
            #expect(try nulls.optionalBool(4) == nil)
            #expect(try nulls.optionalDate(5) == nil)
            #expect(nulls.values == [.null, .null, .null, .null, .null, .null])
        }
    }

    @Test("empty text and an empty blob stay empty, not NULL")
    func emptyValues() throws {
        let temp = try emptyDatabase()
        let row = try temp.database.write { connection in
            try connection.execute(Self.createValues)
            try connection.execute("INSERT INTO vals (t, b) VALUES (\(""), \([UInt8]()))")
            return try connection.row("SELECT t, b FROM vals")
        }
        #expect(row?.values == [.text(""), .blob([])])
    }

    @Test("Frisian and Dutch names with diacritics, emoji and 1 MB of text round-trip unchanged")
    func unicodeAndLargeText() throws {
        let temp = try emptyDatabase()
        let names = ["Ljouwert", "Fryslân", "Sûnenshûs", "Curaçao", "Dokkum–Snits", "Zoë’s kindcentrum 🎒📚", "ĳsselmeer", "nul\u{0}byte"]
        let large = String(repeating: "Fryslân boppe! 🐄 ", count: 1_048_576 / 20)
        try temp.database.write { connection in
            try connection.execute("CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            for name in names + [large] {
                try connection.execute("INSERT INTO names (name) VALUES (\(name))")
            }
        }
        let stored = try temp.database.read { connection in
            try connection.rows("SELECT name FROM names ORDER BY id").map { try $0.string("name") }
        }
        #expect(stored == names + [large])
        #expect(large.utf8.count >= 1_000_000)
        let found = try temp.database.read { try $0.row("SELECT id FROM names WHERE name = \("Sûnenshûs")")?.int(0) }
        #expect(found == 3)
    }

    @Test("reading a column as the wrong type throws an error naming the column and what was found")
    func typeMismatch() throws {
        let temp = try emptyDatabase()
        let row = try #require(try temp.database.read { try $0.row("SELECT 'Ljouwert' AS city, NULL AS absent, 2 AS two") })
        let textAsInteger = #expect(throws: SQLiteError.self) { try row.int64("city") }
        #expect(textAsInteger?.message.contains("city") == true)
        #expect(textAsInteger?.message.contains("TEXT") == true)
        let nullAsString = #expect(throws: SQLiteError.self) { try row.string(1) }
        #expect(nullAsString?.message.contains("absent") == true)
        #expect(nullAsString?.message.contains("NULL") == true)
        #expect(throws: SQLiteError.self) { try row.bool("two") }
        #expect(throws: SQLiteError.self) { try row.string(3) }
        #expect(throws: SQLiteError.self) { try row.string("missing") }
        #expect(throws: SQLiteError.self) { try row.date("city") }
    }

    @Test("a thrown error inside write rolls back everything")
    func rollbackOnThrow() throws {
        struct Refused: Error {}
        let temp = try emptyDatabase()
        let db = temp.database
        try db.write { try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)") }
        #expect(throws: Refused.self) {
            try db.write { connection in
                try connection.execute("INSERT INTO t (name) VALUES (\("Ljouwert"))")
                try connection.execute("CREATE TABLE other (x)")
                try connection.execute("UPDATE t SET name = 'x'")
                throw Refused()
            }
        }
        let count = try db.read { try $0.row("SELECT count(*) FROM t")?.int(0) }
        #expect(count == 0)
        let other = try db.read { try $0.row("SELECT 1 FROM sqlite_master WHERE name = 'other'") }
        #expect(other == nil)
        // The writer is usable afterwards.
        try db.write { try $0.execute("INSERT INTO t (name) VALUES ('Snits')") }
        #expect(try db.read { try $0.row("SELECT count(*) FROM t")?.int(0) } == 1)
    }

    @Test("a failing statement throws SQLite's message and the SQL, and rolls back the write")
    func sqliteErrorKeepsMessageAndSQL() throws {
        let temp = try emptyDatabase()
        let db = temp.database
        try db.write { try $0.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)") }
        let error = #expect(throws: SQLiteError.self) {
            try db.write { connection in
                try connection.execute("INSERT INTO t (name) VALUES ('a')")
                try connection.execute("INSERT INTO t (name) VALUES ('a')")
            }
        }
        #expect(error?.isConstraintViolation == true)
        #expect(error?.message.contains("UNIQUE") == true)
        #expect(error?.sql == "INSERT INTO t (name) VALUES ('a')")
        #expect(try db.read { try $0.row("SELECT count(*) FROM t")?.int(0) } == 0)
        let syntax = #expect(throws: SQLiteError.self) { try db.read { try $0.rows("SELEC 1") } }
        #expect(syntax?.message.contains("syntax error") == true)
        #expect(syntax?.sql == "SELEC 1")
    }

    @Test("a nested write or read inside a write on the same thread is an error, not a deadlock")
    func nestedWrite() throws {
        let temp = try emptyDatabase()
        let db = temp.database
        let nested = #expect(throws: SQLiteError.self) {
            try db.write { _ in try db.write { _ in } }
        }
        #expect(nested?.message.contains("inside a write") == true)
        #expect(throws: SQLiteError.self) { try db.read { _ in try db.write { _ in } } }
        #expect(throws: SQLiteError.self) { try db.write { _ in try db.read { _ in } } }
        // Both still work afterwards.
        try db.write { try $0.execute("CREATE TABLE t (x)") }
        #expect(try db.read { try $0.row("SELECT 1")?.int(0) } == 1)
    }

    @Test("a savepoint inside a write rolls back only its own part")
    func savepoint() throws {
        struct Refused: Error {}
        let temp = try emptyDatabase()
        let db = temp.database
        try db.write { connection in
            try connection.execute("CREATE TABLE t (x INTEGER)")
            try connection.execute("INSERT INTO t VALUES (1)")
            _ = try? connection.savepoint {
                try connection.execute("INSERT INTO t VALUES (2)")
                throw Refused()
            }
            try connection.savepoint { try connection.execute("INSERT INTO t VALUES (3)") }
        }
        let values = try db.read { try $0.rows("SELECT x FROM t ORDER BY x").map { try $0.int(0) } }
        #expect(values == [1, 3])
    }

    @Test("a write statement inside read is refused")
    func readIsReadOnly() throws {
        let temp = try emptyDatabase()
        try temp.database.write { try $0.execute("CREATE TABLE t (x)") }
        #expect(throws: SQLiteError.self) { try temp.database.read { try $0.execute("INSERT INTO t VALUES (1)") } }
    }

    @Test("more than one statement in execute is refused instead of silently ignoring the rest")
    func oneStatementOnly() throws {
        let temp = try emptyDatabase()
        #expect(throws: SQLiteError.self) {
            try temp.database.write { try $0.execute("CREATE TABLE a (x); CREATE TABLE b (x)") }
        }
        try temp.database.write { try $0.execute("CREATE TABLE a (x); -- trailing comment\n") }
        #expect(throws: SQLiteError.self) { try temp.database.write { try $0.execute("-- only a comment") } }
    }

    @Test("the connection is configured: WAL, foreign keys on, synchronous NORMAL")
    func pragmas() throws {
        let temp = try emptyDatabase()
        let (mode, foreignKeys, synchronous) = try temp.database.write { connection in
            (try connection.row("PRAGMA journal_mode")?.string(0),
             try connection.row("PRAGMA foreign_keys")?.int(0),
             try connection.row("PRAGMA synchronous")?.int(0))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        #expect(synchronous == 1)
        #expect(try temp.database.read { try $0.row("PRAGMA foreign_keys")?.int(0) } == 1)
    }

    @Test("lastInsertRowID and changes report the last statement; each streams rows")
    func insertIDAndChanges() throws {
        let temp = try emptyDatabase()
        let (id, changed) = try temp.database.write { connection -> (Int64, Int) in
            try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
            for x in 1...5 { try connection.execute("INSERT INTO t (x) VALUES (\(x))") }
            let id = connection.lastInsertRowID
            try connection.execute("UPDATE t SET x = x + 1 WHERE x > \(2)")
            return (id, connection.changes)
        }
        #expect(id == 5)
        #expect(changed == 3)
        var sum = 0
        try temp.database.read { connection in
            // The same statement text inside `each` gets its own statement, not the one being stepped.
            try connection.each("SELECT x FROM t WHERE x > \(0)") { row in
                sum += try row.int(0)
                #expect(try connection.rows("SELECT x FROM t WHERE x > \(0)").count == 5)
            }
        }
        #expect(sum == 1 + 2 + 4 + 5 + 6)
    }

    @Test("after close, read and write throw")
    func closed() throws {
        let temp = try emptyDatabase()
        temp.database.close()
        #expect(throws: SQLiteError.self) { try temp.database.write { _ in } }
        #expect(throws: SQLiteError.self) { try temp.database.read { _ in } }
        temp.database.close()
    }
}
