// Child process for the crash test (SQLiteTests/CrashTests): writes in a loop through
// Database.write and prints each committed id on its own line, written straight to stdout after
// the commit returns, so every id the parent reads was committed before it was printed.
// Usage: sqlite-crash-writer DATABASE
import Foundation
import SQLite

func report(_ line: String) {
    // FileHandle writes straight to the descriptor: no stdio buffer to lose on SIGKILL.
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func run() throws {
    let arguments = CommandLine.arguments
    guard arguments.count == 2 else {
        FileHandle.standardError.write(Data("usage: sqlite-crash-writer DATABASE\n".utf8))
        exit(2)
    }
    let database = try Database(path: arguments[1], readers: 1)
    try database.write { connection in
        try connection.execute("CREATE TABLE IF NOT EXISTS commits (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        try connection.execute("CREATE TABLE IF NOT EXISTS burst (commit_id INTEGER NOT NULL REFERENCES commits(id), n INTEGER NOT NULL)")
    }
    let payload = String(repeating: "Fryslân ", count: 64)
    while true {
        // A burst of several statements per transaction, so the kill often lands mid-transaction.
        let id = try database.write { connection -> Int64 in
            try connection.execute("INSERT INTO commits (payload) VALUES (\(payload))")
            let id = connection.lastInsertRowID
            for n in 0..<8 {
                try connection.execute("INSERT INTO burst (commit_id, n) VALUES (\(id), \(n))")
            }
            return id
        }
        report(String(id))
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("sqlite-crash-writer: \(error)\n".utf8))
    exit(1)
}
