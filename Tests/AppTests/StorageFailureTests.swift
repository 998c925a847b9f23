import App
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// A full disk, made with SQLite's `PRAGMA max_page_count` on the writer: the database may not
/// grow, so a save that needs a new page fails with SQLITE_FULL exactly as on a full file system.
@Suite("A full disk: nothing is saved, the user keeps the input, /health says so")
struct StorageFailureTests {
    static let concept: Int64 = 5

    /// Lets the database grow no further and fills what room is left: a filler table takes every
    /// free page, then tiny audit rows for the agreement fill the pages a save's audit row would
    /// go to. Ends with a successful (empty) write, so /health is ok again before the test's save.
    static func fillUp(_ database: Database) throws {
        try database.write { try $0.executeScript("CREATE TABLE filler (b BLOB)") }
        let pages = try database.write { try $0.row("PRAGMA page_count")?.int(0) } ?? 0
        try database.write { try $0.executeScript("PRAGMA max_page_count = \(pages + 4)") }
        for size in [65_536, 4096, 512, 64, 8, 1] {
            while (try? database.write { try $0.execute("INSERT INTO filler (b) VALUES (zeroblob(\(size)))") }) != nil {}
        }
        for size in [512, 64, 8, 1] {
            while (try? database.write { c in
                try c.execute("""
                    INSERT INTO audit_log (at, action, record_type, record_id, summary)
                    VALUES ('x', 'x', 'agreement', \(concept), substr(hex(zeroblob(\(size))), 1, \(size)))
                    """)
            }) != nil {}
        }
        #expect(database.storageFailure?.primaryCode == 13)
        try database.write { _ in }
        #expect(database.storageFailure == nil)
    }

    /// Frees the room again (the operator cleared the disk): a successful write.
    static func freeUp(_ database: Database) throws {
        try database.write { c in
            try c.executeScript("DROP TABLE filler; DELETE FROM audit_log WHERE action = 'x'; PRAGMA max_page_count = 1073741823")
        }
    }

    /// The cells of the targets form: every `t_` input's name.
    static func targetCells(_ html: String) -> [String] {
        html.components(separatedBy: "name=\"t_").dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map { "t_" + $0 }
        }
    }

    @Test("a save on a full disk answers 503 with the grid as typed and /health 503; once there is room it saves and /health is ok")
    func targetsGrid() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let path = "/agreements/\(Self.concept)/targets"
        let form = try leader.get(path)
        let cells = Self.targetCells(form.text)
        #expect(cells.count > 10)
        let lock = try #require(Page.value(of: "lock_version", in: form.text))
        let fields = [("lock_version", lock)] + cells.map { ($0, "1") }
        func storedOnes() throws -> Int? { try app.database.read { try $0.row("SELECT COUNT(*) FROM result_targets WHERE value = 1")?.int(0) } }
        let before = try storedOnes()

        #expect(try leader.get("/health").status == 200)
        try Self.fillUp(app.database)
        let refused = try leader.post(path, fields)
        #expect(refused.status == 503)
        #expect(refused.contains("Er is niets opgeslagen"))
        #expect(refused.contains("neem contact op met de beheerder"))
        for cell in cells { #expect(refused.contains("name=\"\(cell)\" value=\"1\""), "\(cell)") }
        #expect(try storedOnes() == before)

        let health = try app.browser().get("/health")
        #expect(health.status == 503)
        #expect(health.text.contains("SQLite 13"))
        #expect(health.header("Cache-Control") == "no-store")
        // Reads keep working, even when the session's idle clock is due for a refresh, and
        // /health stays 503 until a write succeeds.
        #expect(try leader.get("/agreements/\(Self.concept)").status == 200)
        #expect(try leader.get("/agreements/\(Self.concept)").status == 200)
        #expect(try app.browser().get("/health").status == 503)

        try Self.freeUp(app.database)
        #expect(try app.browser().get("/health").status == 200)
        let saved = try leader.post(path, fields)
        #expect(saved.status == 303)
        #expect(try storedOnes() ?? 0 >= cells.count)
        #expect(try app.database.read { try $0.row("PRAGMA integrity_check")?.string(0) } == "ok")
    }

    @Test("the texts form on a full disk answers 503 and shows the typed text again; the generic 503 page elsewhere")
    func textsForm() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let path = "/agreements/\(Self.concept)/texts"
        let lock = try #require(Page.value(of: "lock_version", in: try leader.get(path).text))
        let analysis = "Een lange analyse van de wijk. " + String(repeating: "Meer tekst over de kinderen en de buurt. ", count: 300)
        try Self.fillUp(app.database)
        let refused = try leader.post(path, [("lock_version", lock), ("analysis", analysis), ("governance", "Sturing"),
                                             ("job_structure", "Functies"), ("organisation", "Organisatie")])
        #expect(refused.status == 503)
        #expect(refused.contains("Er is niets opgeslagen"))
        #expect(refused.contains("Meer tekst over de kinderen en de buurt."))
        #expect(refused.contains(">Sturing</textarea>"))

        // A form without its own re-render path gets the Dutch 503 page.
        _ = try leader.get("/areas/new")
        let area = try leader.post("/areas/new", [("name", "Westeinde " + String(repeating: "x", count: 150)), ("notes", String(repeating: "Toelichting. ", count: 300))])
        #expect(area.status == 503)
        #expect(area.contains("Er is niets opgeslagen"))
        #expect(area.contains("neem contact op met de beheerder"))
        try Self.freeUp(app.database)
        #expect(try app.database.read { try $0.row("PRAGMA integrity_check")?.string(0) } == "ok")
    }
}

extension StorageFailureTests {
    @Test("a year plan and a report draft on a full disk answer 503 and show the typed text again")
    func planAndReport() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        let planPath = "/plans/5"  // IKC 1's 2026 jaarplan, a concept
        let lock = try #require(Page.value(of: "lock_version", in: try director.get(planPath).text))
        _ = try leader.get("/reports/2023")
        let intention = "Taal en ouders voorop. " + String(repeating: "Ouders lezen voor in de klas. ", count: 400)
        let foreword = "Een goed jaar. " + String(repeating: "Het voorwoord gaat verder. ", count: 400)
        try Self.fillUp(app.database)

        let plan = try director.post(planPath, [("lock_version", lock), ("intention", intention)])
        #expect(plan.status == 503)
        #expect(plan.contains("Er is niets opgeslagen"))
        #expect(plan.contains("Ouders lezen voor in de klas."))
        let report = try leader.post("/reports/2023", [("lock_version", ""), ("foreword", foreword), ("conclusions", "Door.")])
        #expect(report.status == 503)
        #expect(report.contains("Het voorwoord gaat verder."))

        try Self.freeUp(app.database)
        #expect(try director.post(planPath, [("lock_version", lock), ("intention", intention)]).status == 303)
        #expect(try app.database.read { try $0.row("PRAGMA integrity_check")?.string(0) } == "ok")
    }
}

@Suite("A read-only database: pages still open, saves answer 503")
struct ReadOnlyDatabaseTests {
    @Test("with the database read-only a logged-in user still reads (the session's idle clock waits), a save is 503, /health names SQLite 8")
    func readOnly() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/areas/new")
        try app.database.write { c in
            try c.execute("UPDATE sessions SET last_seen_at = last_seen_at - 120")
            try c.executeScript("PRAGMA query_only = ON")
        }
        #expect(try leader.get("/ikcs").status == 200)
        let area = try leader.post("/areas/new", [("name", "Westeinde")])
        #expect(area.status == 503)
        #expect(area.contains("Er is niets opgeslagen"))
        let health = try app.browser().get("/health")
        #expect(health.status == 503)
        #expect(health.text.contains("SQLite 8"))
        // (query_only refuses even BEGIN IMMEDIATE, so this database stays read-only; recovery is
        // the full-disk test's part.)
        #expect(try leader.get("/areas").status == 200)
    }
}
