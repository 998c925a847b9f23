import App
import Domain
import Foundation
import SQLite
import Store

/// `plusikc bench-write`: the write path's benchmark helpers (Tests/Bench/write.sh runs them).
/// `prepare N` makes N project leaders and N agreements in concept (an amendment started on N
/// fixed ones), one each, and prints `email password agreement` lines for the HTTP load;
/// `raw SECONDS AGREEMENT` saves that agreement's targets grid over and over through the Store
/// verb the form's handler calls (`Agreements.saveGrid`: the read of what the save needs on a
/// snapshot, then claim, the 42 targets, the check that closed years kept their cells and the
/// audit row in one immediate transaction, through our SQLite layer, no HTTP), the limit the
/// HTTP figures are held to. Its `decide` hands back the prepared grid where the handler checks
/// the form.
enum BenchWrite {
    static let usage = """
        Usage: plusikc bench-write prepare N [--db FILE]
               plusikc bench-write raw SECONDS AGREEMENT [--db FILE]
          prepare  N project leaders (bench-pl-1@bench.plusikc.nl …) and N agreements in concept;
                   prints one line per pair: email password agreement-id
          raw      saves the agreement's targets grid for SECONDS with the Store verb; prints
                   saves/s, p50 and p99 (ms) and the count
        """

    static func run(_ options: CommandLineTool.Options) throws -> Int32 {
        let arguments = options.positional
        let database = try CommandLineTool.migrate(options, quiet: true)
        defer { database.close() }
        let store = DataStore(database: database)
        switch (arguments.first, arguments.count) {
        case ("prepare", 2):
            guard let count = Int(arguments[1]), count > 0 else { break }
            try prepare(count, database, store)
            return 0
        case ("raw", 3):
            guard let seconds = Double(arguments[1]), let id = Int64(arguments[2]) else { break }
            try raw(seconds: seconds, agreementID: id, store)
            return 0
        default:
            break
        }
        CommandLineTool.printError(usage)
        return 2
    }

    static func prepare(_ count: Int, _ database: Database, _ store: DataStore) throws {
        let password = DemoData.randomPassword()
        let hash = try PasswordHasher.hash(password)
        let fixed = try store.read { c in
            try c.rows("""
                SELECT a.id FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                WHERE v.status = 'vastgesteld' AND NOT EXISTS
                    (SELECT 1 FROM agreement_versions w WHERE w.agreement_id = a.id AND w.number > v.number)
                ORDER BY a.id LIMIT \(count)
                """).map { try $0.int64(0) }
        }
        guard fixed.count == count else { throw CommandLineTool.UsageError(message: "only \(fixed.count) fixed agreements; seed more IKCs") }
        for (index, id) in fixed.enumerated() {
            let email = "bench-pl-\(index + 1)@bench.plusikc.nl"
            let user = try database.write { c in
                try Users.create(name: "Bench projectleider \(index + 1)", email: email, role: .projectleider, passwordHash: hash,
                                 mustChangePassword: false, ikcIDs: [], c)
            }
            let (agreement, content) = try current(id, store)
            try Agreements.startAmendment(content, of: agreement, expected: content.version.lockVersion,
                                          reason: "Benchmark van het opslaan", by: user, in: store)
            print(email, password, id)
        }
    }

    static func raw(seconds: Double, agreementID: Int64, _ store: DataStore) throws {
        let actor = try store.read { c in try c.row("SELECT id FROM users ORDER BY id LIMIT 1")?.int64(0) } ?? 1
        let programme = try store.programme()
        var content = try current(agreementID, store).1
        guard content.version.status == .concept else { throw CommandLineTool.UsageError(message: "agreement \(agreementID) is not in concept") }
        // Two grids, saved in turn, so that every save changes every cell of the open years (as
        // write.py's POSTs do); the cells of closed years (an approved verantwoording) stay.
        let closed = try store.read { c in try Agreements.closedYears(agreementID: agreementID, c) }
        var grids: [[Int64: [Int: Double]]] = [[:], [:]]
        for result in content.results {
            grids[0][result.id] = result.targets
            grids[1][result.id] = Dictionary(uniqueKeysWithValues: result.targets.map { ($0.key, closed.contains($0.key) ? $0.value : $0.value + 1) })
        }
        func cells(_ grid: [Int64: [Int: Double]]) -> [String: String] {
            var cells: [String: String] = [:]
            for (id, years) in grid { for (year, value) in years { cells[GridField.target(resultID: id, year: year).name] = String(value) } }
            return cells
        }
        let cellText = [cells(grids[0]), cells(grids[1])]
        var expected = content.version.lockVersion
        var timings: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        var turn = 1
        while DispatchTime.now().uptimeNanoseconds < end {
            let before = cellText[1 - turn], after = cellText[turn]
            let changes = before.keys.sorted().map { ($0, before[$0], after[$0]) }
            let t0 = DispatchTime.now().uptimeNanoseconds
            try Agreements.saveGrid(.targets, agreementID: agreementID, programme: programme, by: actor, in: store) { _, _ in
                Agreements.GridEdit(.targets(grids[turn]), expected: expected, changes: changes)
            }
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            expected += 1
            turn = 1 - turn
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        content = try current(agreementID, store).1
        guard content.version.lockVersion == expected else {
            throw CommandLineTool.UsageError(message: "lock_version \(content.version.lockVersion), expected \(expected)")
        }
        timings.sort()
        let p50 = timings[timings.count / 2], p99 = timings[min(timings.count - 1, timings.count * 99 / 100)]
        print(String(format: "raw %.0f saves/s p50 %.3f ms p99 %.3f ms count %d", Double(timings.count) / elapsed, p50, p99, timings.count))
    }

    /// The agreement and the content of its newest version.
    static func current(_ id: Int64, _ store: DataStore) throws -> (Agreement, AgreementContent) {
        try store.read { c in
            guard let agreement = try Agreements.find(id: id, c), let version = try Agreements.versions(agreementID: id, c).last else {
                throw CommandLineTool.UsageError(message: "no agreement \(id)")
            }
            return (agreement, try Agreements.content(of: version, c))
        }
    }
}
