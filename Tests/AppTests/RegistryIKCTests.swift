import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Registry: IKCs, Plus predicate, conditions and the home page")
struct RegistryIKCTests {
    static var today: Day { TestApp.today }

    func newIKCFields(name: String = "IKC De Wâlden", children: String = "180") -> [(String, String)] {
        [("name", name), ("kind", "regulier"), ("koepelID", "3"), ("areaID", "9"), ("childcareIDs", "5"), ("childcareIDs", "6"),
         ("directorName", "Marije Hoekstra"), ("childrenCount", children), ("profile", "Natuur en techniek")]
    }

    @Test("a project leader creates an IKC with two childcare organisations; it is logged and shown")
    func create() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/ikcs/new").status == 200)
        let saved = try leader.post("/ikcs/new", newIKCFields())
        #expect(saved.status == 303)
        let row = try #require(try app.database.read { try $0.row("SELECT id, kind, koepel_id, children_count FROM ikcs WHERE name = 'IKC De Wâlden'") })
        #expect(try row.string(1) == "regulier")
        #expect(try row.int(3) == 180)
        let id = try row.int64(0)
        let childcare = try app.database.read { try $0.rows("SELECT organisation_id FROM ikc_childcare WHERE ikc_id = \(id) ORDER BY 1").map { try $0.int64(0) } }
        #expect(childcare == [5, 6])
        let detail = try leader.get(saved.location ?? "")
        #expect(detail.contains("Stichting Kinderopvang Friesland, Sinne Kinderopvang"))
        #expect(detail.contains("Er is nog geen resultaatafspraak"))
        #expect(try app.database.read { try $0.row("SELECT action FROM audit_log WHERE record_type = 'ikc' AND record_id = \(id)")?.string(0) } == "create")
    }

    @Test("children outside 1-2,000 and a duplicate name are refused next to the fields with the input kept")
    func validation() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/ikcs/new")
        let page = try leader.post("/ikcs/new", newIKCFields(name: "aventurijn", children: "2001"))
        #expect(page.status == 422)
        #expect(page.contains("Er is al een IKC met deze naam."))
        #expect(page.contains("tussen 1 en 2.000"))
        #expect(page.contains("value=\"aventurijn\""))
        #expect(page.contains("value=\"2001\""))
        #expect(page.contains("value=\"Marije Hoekstra\""))
        #expect(try app.database.read { try IKCs.count($0) } == 9)
    }

    @Test("an IKC is edited with its version; a stale form is a 409 with both versions and nothing overwritten")
    func editAndConflict() throws {
        let app = try TestApp()
        let first = try app.browser(loggedInAs: .projectleider)
        let second = try app.browser(loggedInAs: .projectleider)
        let version = try #require(Page.value(of: "lock_version", in: try first.get("/ikcs/2/edit").text))
        _ = try second.get("/ikcs/2/edit")
        var fields: [(String, String)] = [("lock_version", version), ("name", "Aventurijn"), ("kind", "plus"), ("koepelID", "2"), ("areaID", "1"),
                                          ("childcareIDs", "6"), ("directorName", "Directeur Aventurijn"), ("profile", "Taal")]
        #expect(try first.post("/ikcs/2/edit", fields + [("childrenCount", "190")]).status == 303)
        #expect(try app.database.read { try $0.row("SELECT children_count FROM ikcs WHERE id = 2")?.int(0) } == 190)
        let audit = try app.database.read { try $0.row("SELECT old_values, new_values FROM audit_log WHERE record_type = 'ikc' AND action = 'update'") }
        #expect(try audit?.string(0) == "{\"children\":\"175\",\"profile\":\"Taal, ouderbetrokkenheid en gezondheid\"}")
        #expect(try audit?.string(1) == "{\"children\":\"190\",\"profile\":\"Taal\"}")
        fields[1] = ("name", "Aventurijn Noord")
        let stale = try second.post("/ikcs/2/edit", fields + [("childrenCount", "300")])
        #expect(stale.status == 409)
        #expect(stale.contains("Aventurijn Noord"))
        #expect(stale.contains("190"))
        #expect(stale.contains("300"))
        let row = try app.database.read { try $0.row("SELECT name, children_count FROM ikcs WHERE id = 2") }
        #expect(try row?.string(0) == "Aventurijn")
        #expect(try row?.int(1) == 190)
    }

    @Test("the overview filters by koepel, kind and area through the query and sorts by name both ways")
    func filters() throws {
        let app = try TestApp()
        let og = try app.browser(loggedInAs: .ontwikkelgroep)
        let pcbo = try og.get("/ikcs?koepel=3")
        #expect(pcbo.contains("3 IKC&#39;s") || pcbo.contains("3 IKC's"))
        #expect(pcbo.contains("IKC Prins Maurits"))
        #expect(!pcbo.contains("Aventurijn"))
        #expect(pcbo.contains("<option value=\"3\" selected>PCBO e.o.</option>"))
        let regular = try og.get("/ikcs?kind=regulier")
        #expect(regular.contains("Geen IKC&#39;s met deze keuze") || regular.contains("Geen IKC's met deze keuze"))
        let potmarge = try og.get("/ikcs?area=4")
        #expect(potmarge.contains("OBS Potmarge"))
        #expect(potmarge.contains("OBS Montessori/Eestroom"))
        #expect(!potmarge.contains("IKC Plataan"))
        let descending = try og.get("/ikcs?sort=-name").text
        let ascending = try og.get("/ikcs").text
        let a = try #require(ascending.range(of: "Aventurijn")), o = try #require(ascending.range(of: "OBS Potmarge"))
        #expect(a.lowerBound < o.lowerBound)
        let a2 = try #require(descending.range(of: "Aventurijn")), o2 = try #require(descending.range(of: "OBS Potmarge"))
        #expect(a2.lowerBound > o2.lowerBound)
    }

    @Test("results on track come from measurements against the year's target; without measurements a dash")
    func onTrack() throws {
        let app = try TestApp()
        try app.database.write { c in
            // Start without the demo year plans (DemoData+Plans), so only this test's measurements count.
            try c.execute("DELETE FROM measurements")
            try c.execute("DELETE FROM plan_activities")
            try c.execute("DELETE FROM plan_spending")
            try c.execute("DELETE FROM progress_notes")
            try c.execute("DELETE FROM staffing_actuals")
            try c.execute("DELETE FROM year_plans")
            try c.execute("INSERT INTO year_plans (ikc_id, year, status, created_at) VALUES (1, 2024, 'goedgekeurd', '2024-09-01T00:00:00Z')")
            let plan = c.lastInsertRowID
            let results = try c.rows("""
                SELECT r.id, t.value, r.direction FROM agreement_results r JOIN agreement_versions v ON v.id = r.version_id
                JOIN agreements a ON a.id = v.agreement_id JOIN result_targets t ON t.result_id = r.id AND t.year = 2024
                WHERE a.ikc_id = 1 ORDER BY r.position LIMIT 2
                """)
            // The first reaches its target, the second misses it.
            let first = try results[0], second = try results[1]
            let good = try first.string(2) == "lower" ? try first.double(1) - 1 : try first.double(1) + 1
            let bad = try second.string(2) == "lower" ? try second.double(1) + 5 : try second.double(1) - 5
            try c.execute("INSERT INTO measurements (plan_id, result_id, value) VALUES (\(plan), \(try first.int64(0)), \(good))")
            try c.execute("INSERT INTO measurements (plan_id, result_id, value) VALUES (\(plan), \(try second.int64(0)), \(bad))")
        }
        let leader = try app.browser(loggedInAs: .projectleider)
        let page = try leader.get("/ikcs").text
        let row = try #require(page.components(separatedBy: "<tr>").first { $0.contains("OBS Montessori/Eestroom") })
        #expect(row.contains(">1 van 2<"))
        let other = try #require(page.components(separatedBy: "<tr>").first { $0.contains("Aventurijn") })
        #expect(other.contains(">–<"))
        #expect(try leader.get("/ikcs/1").contains("Goedgekeurd"))
    }

    @Test("the detail page gathers agreement, plans, predicate dates and area indicators")
    func detail() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let page = try director.get("/ikcs/1")
        #expect(page.status == 200)
        #expect(page.contains("Vastgesteld"))
        #expect(page.contains("2022-2023 t/m 2028-2029"))
        #expect(page.contains("Gemeente Leeuwarden (Wethouder Onderwijs), getekend 30-06-2022"))
        #expect(page.contains("2024-2025: Goedgekeurd"))  // the demo year plans (DemoData+Plans)
        #expect(page.contains("<dt>Toegekend op</dt><dd>01-06-2025</dd>"))
        #expect(page.contains("<dt>Volgende herijking</dt><dd>01-06-2027</dd>"))
        #expect(page.contains("<dt>Einde termijn</dt><dd>01-06-2029</dd>"))
        #expect(page.contains("Kinderen in huishoudens met laag inkomen (%)"))
        #expect(page.contains("href=\"/agreements\""))
        #expect(!page.contains("Gegevens wijzigen"))
        #expect(try director.get("/ikcs/2/plus").status == 403)
        #expect(try director.get("/ikcs/1/plus").status == 200)
    }

    @Test("re-assessments due within three months are flagged in the overview and on the home page, others not")
    func dueFlags() throws {
        let app = try TestApp()
        let today = Self.today
        // IKC 2: next re-assessment in two months. IKC 3: in four months. The rest: long done.
        let soon = today.addingMonths(2).addingYears(-2)
        let later = today.addingMonths(4).addingYears(-2)
        try app.database.write { c in
            try c.execute("UPDATE plus_predicates SET granted_on = \(today.addingYears(-1).iso), last_reassessed_on = NULL")
            try c.execute("UPDATE plus_predicates SET granted_on = \(soon.iso) WHERE ikc_id = 2")
            try c.execute("UPDATE plus_predicates SET granted_on = \(later.iso) WHERE ikc_id = 3")
        }
        let leader = try app.browser(loggedInAs: .projectleider)
        let rows = try leader.get("/ikcs").text.components(separatedBy: "<tr>")
        let flagged = rows.filter { $0.contains("herijking/einde termijn") }
        #expect(flagged.count == 1)
        #expect(flagged.first?.contains("Aventurijn") == true)
        #expect(flagged.first?.contains(today.addingMonths(2).dutch) == true)
        let home = try leader.get("/")
        #expect(home.contains("Aventurijn</a>: herijking of einde termijn op \(today.addingMonths(2).dutch)"))
        #expect(!home.contains("IKC Plataan</a>: herijking"))
    }

    @Test("the predicate is saved with a version, and the conditions record who set them when")
    func predicateAndConditions() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/ikcs/3/plus")
        #expect(form.contains("Wordt geleid door een innovatieve directie"))
        let version = try #require(Page.value(of: "lock_version", in: form.text))
        let saved = try leader.post("/ikcs/3/plus", [("lock_version", version), ("grantedOn", "01-08-2022"), ("lastReassessedOn", "2024-08-01"), ("notes", "Herijkt")])
        #expect(saved.status == 303)
        let row = try app.database.read { try $0.row("SELECT granted_on, last_reassessed_on, notes FROM plus_predicates WHERE ikc_id = 3") }
        #expect(try row?.string(0) == "2022-08-01")
        #expect(try row?.string(1) == "2024-08-01")
        let page = try leader.get(saved.location ?? "")
        #expect(page.contains("<dt>Volgende herijking</dt><dd>01-08-2026</dd>"))
        #expect(page.contains("<dt>Einde termijn</dt><dd>01-08-2026</dd>"))
        let stale = try leader.post("/ikcs/3/plus", [("lock_version", version), ("grantedOn", "01-01-2020")])
        #expect(stale.status == 409)
        #expect(try app.database.read { try $0.row("SELECT granted_on FROM plus_predicates WHERE ikc_id = 3")?.string(0) } == "2022-08-01")
        let invalid = try leader.post("/ikcs/3/plus", [("lock_version", "2"), ("grantedOn", "gisteren")])
        #expect(invalid.status == 422)
        #expect(invalid.contains("value=\"gisteren\""))

        _ = try leader.get("/ikcs/3/plus")
        let conditions = try leader.post("/ikcs/3/conditions", [("state_1", "met"), ("note_1", ""), ("state_2", "not_met"), ("note_2", "Team nog niet zover"), ("state_3", "")])
        #expect(conditions.status == 303)
        let check = try app.database.read { try $0.row("SELECT state, note, set_by FROM plus_condition_checks WHERE ikc_id = 3 AND condition_id = 2") }
        #expect(try check?.string(0) == "not_met")
        #expect(try check?.string(1) == "Team nog niet zover")
        #expect(try check?.optionalInt64(2) != nil)
        let untouched = try app.database.read { try $0.row("SELECT set_by FROM plus_condition_checks WHERE ikc_id = 3 AND condition_id = 1")?.optionalInt64(0) }
        #expect(untouched == nil)  // was already "met": who set it stays as it was
        let after = try leader.get("/ikcs/3/plus")
        #expect(after.contains("Pien de Vries"))
        let logged = try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log WHERE record_type = 'plus_condition'")?.int(0) }
        #expect(logged == 1)
    }

    @Test("the home page shows each role its own: attention list, own IKC and plan, the reports")
    func homePages() throws {
        let app = try TestApp()
        try app.database.write { try $0.execute("UPDATE year_plans SET status = 'ingediend', submitted_at = '2026-09-25T10:00:00Z' WHERE ikc_id = 4 AND year = 2026") }
        let leader = try app.browser(loggedInAs: .projectleider)
        let home = try leader.get("/")
        #expect(home.contains("Vraagt aandacht"))
        #expect(home.contains("OBS Potmarge</a>: jaarplan 2026-2027 ingediend"))
        #expect(home.contains("IKC het Palet</a> <span class=\"status status--concept\">"))
        #expect(home.contains("IKC de Kinderkoepel</a> <span class=\"status status--signing\">"))
        let director = try app.browser(loggedInAs: .directeur)
        let own = try director.get("/")
        #expect(own.contains("OBS Montessori/Eestroom"))
        #expect(own.contains("jaarplan 2026-2027 concept (nog niet ingediend)"))
        #expect(!own.contains("Aventurijn"))
        let og = try app.browser(loggedInAs: .ontwikkelgroep)
        #expect(try og.get("/").contains("href=\"/reports\""))
    }
}
