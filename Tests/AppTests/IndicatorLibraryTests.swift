import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Indicators: the library and the results form")
struct IndicatorLibraryTests {
    func count(_ app: TestApp) throws -> Int {
        try app.database.read { try $0.row("SELECT COUNT(*) FROM indicators")?.int(0) ?? 0 }
    }

    @Test("a project leader adds an indicator; without a name or unit it is a 422 with the typed values kept")
    func addAndRefuse() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try count(app)
        _ = try leader.get("/indicators/new")
        let refused = try leader.post("/indicators/new", [("name", ""), ("definition", "Kinderen met een VVE-indicatie, getypt"), ("unit", ""),
                                                          ("direction", "higher"), ("decimals", "1")])
        #expect(refused.status == 422)
        #expect(refused.contains("Vul de naam van de indicator in."))
        #expect(refused.contains("Kies de eenheid van de indicator"))
        #expect(refused.contains("Kinderen met een VVE-indicatie, getypt"))
        #expect(try count(app) == before)

        let saved = try leader.post("/indicators/new", [("name", "Bereik voorschool"), ("unit", "percent"), ("direction", "higher"),
                                                        ("decimals", "2"), ("numerator_label", "peuters met VVE-indicatie die VVE bezoeken"),
                                                        ("denominator_label", "peuters met VVE-indicatie")])
        #expect(saved.status == 303)
        #expect(try count(app) == before + 1)
        let list = try leader.get("/indicators")
        #expect(list.contains("Bereik voorschool"))
        let audit = try app.database.read { try $0.row("SELECT action, summary FROM audit_log WHERE record_type = 'indicator' ORDER BY id DESC") }
        #expect(try audit?.string(0) == "create")
        #expect(try audit?.string(1).contains("Bereik voorschool") == true)
    }

    @Test("an edit is logged with old and new values; a stale form is a conflict")
    func editWithAudit() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/indicators/1/edit")
        #expect(form.status == 200)
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        let saved = try leader.post("/indicators/1/edit", [("lock_version", lock), ("name", "Deelname VVE-peuters"), ("unit", "percent"),
                                                           ("direction", "higher"), ("decimals", "1"), ("definition", "Aandeel peuters met indicatie op de VVE")])
        #expect(saved.status == 303)
        let audit = try app.database.read {
            try $0.row("SELECT old_values, new_values FROM audit_log WHERE record_type = 'indicator' AND record_id = 1 ORDER BY id DESC")
        }
        #expect(try audit?.string(1).contains("Aandeel peuters met indicatie op de VVE") == true)
        let stale = try leader.post("/indicators/1/edit", [("lock_version", lock), ("name", "Iets anders"), ("unit", "percent"),
                                                           ("direction", "higher"), ("decimals", "1")])
        #expect(stale.status == 409)
    }

    @Test("retiring an indicator in use is refused with the reason; an unused one retires and is no longer offered")
    func retire() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/indicators/1/edit")
        let refused = try leader.post("/indicators/1/retire", [("lock_version", Page.value(of: "lock_version", in: form.text) ?? ""), ("retired", "1")])
        #expect(refused.status == 409)
        #expect(refused.contains("wordt gebruikt door"))
        #expect(try app.database.read { try $0.row("SELECT retired FROM indicators WHERE id = 1")?.int(0) } == 0)

        _ = try leader.get("/indicators/new")
        let added = try leader.post("/indicators/new", [("name", "Ongebruikt"), ("unit", "number"), ("direction", "higher"), ("decimals", "0")])
        let id = try #require(added.location?.split(separator: "/").last.flatMap { Int64($0.split(separator: "?").first ?? "") })
        let edit = try leader.get("/indicators/\(id)/edit")
        let retired = try leader.post("/indicators/\(id)/retire", [("lock_version", Page.value(of: "lock_version", in: edit.text) ?? ""), ("retired", "1")])
        #expect(retired.status == 303)
        #expect(try !leader.get("/agreements/5/results").contains("Ongebruikt"))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM indicators WHERE id = \(id)")?.int(0) } == 1)
    }

    @Test("the results form adds a new library indicator without losing what the rows hold, then saves the result linked to it")
    func addFromResultsForm() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/agreements/5/results")
        #expect(form.status == 200)
        #expect(form.contains("Kies een indicator uit de bibliotheek"))
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        let rows = Int(Page.value(of: "rows", in: form.text) ?? "") ?? 0
        #expect(rows == 7)
        var fields: [(String, String)] = [("lock_version", lock), ("rows", String(rows))]
        let stored = try app.database.read { c in
            try c.rows("""
                SELECT r.id, r.goal_id, r.description, r.indicator_id, r.baseline_value FROM agreement_results r
                JOIN agreement_versions v ON v.id = r.version_id WHERE v.agreement_id = 5 ORDER BY r.goal_id, r.position
                """).map { (try $0.int64(0), try $0.int64(1), try $0.string(2), try $0.int64(3), try $0.optionalDouble(4)) }
        }
        for (index, r) in stored.enumerated() {
            fields += [("r\(index)_id", String(r.0)), ("r\(index)_goal", String(r.1)), ("r\(index)_position", String(index + 1)),
                       ("r\(index)_description", r.2), ("r\(index)_indicator_id", String(r.3)), ("r\(index)_baseline", "")]
        }
        let n = stored.count
        fields += [("r\(n)_goal", "1"), ("r\(n)_position", String(n + 1)), ("r\(n)_description", "Meer peuters op de voorschool"),
                   ("r\(n)_baseline", "55,5"), ("r\(n)_baseline_year", "2024"), ("r\(n)_indicator_id", "")]
        let added = try leader.post("/agreements/5/results", fields + [("action", "add_indicator"), ("new_name", "Bereik voorschool"),
                                                                       ("new_unit", "percent"), ("new_direction", "higher"), ("new_decimals", "1")])
        #expect(added.status == 200)
        #expect(added.contains("is toegevoegd aan de bibliotheek"))
        #expect(added.contains("Meer peuters op de voorschool"))
        #expect(added.contains("55,5"))
        let newID = try #require(try app.database.read { try $0.row("SELECT id FROM indicators WHERE name = 'Bereik voorschool'")?.int64(0) })
        #expect(added.contains("<option value=\"\(newID)\" selected>"))

        // A wrong new indicator keeps the rows too.
        let wrong = try leader.post("/agreements/5/results", fields + [("action", "add_indicator"), ("new_name", ""), ("new_unit", "")])
        #expect(wrong.status == 422)
        #expect(wrong.contains("Meer peuters op de voorschool"))

        // A new row without an indicator is refused at its choice, not at a field it does not have.
        let unchosen = try leader.post("/agreements/5/results", fields)
        #expect(unchosen.status == 422)
        #expect(unchosen.contains("id=\"r\(n)_indicator_id-error\""))
        #expect(!unchosen.contains("Kies de eenheid"))

        var save = fields
        save.removeAll { $0.0 == "r\(n)_indicator_id" }
        save.append(("r\(n)_indicator_id", String(newID)))
        let saved = try leader.post("/agreements/5/results", save)
        #expect(saved.status == 303)
        let linked = try app.database.read { c in
            try c.row("""
                SELECT r.indicator_id, r.indicator, r.unit FROM agreement_results r JOIN agreement_versions v ON v.id = r.version_id
                WHERE v.agreement_id = 5 AND r.description = 'Meer peuters op de voorschool'
                """).map { (try $0.int64(0), try $0.string(1), try $0.string(2)) }
        }
        #expect(linked?.0 == newID)
        #expect(linked?.1 == "Bereik voorschool")
        #expect(linked?.2 == "percent")
    }
}
