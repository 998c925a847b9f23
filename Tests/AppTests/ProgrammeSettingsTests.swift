import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Programme settings: every change validated and audited, contradictions refused")
struct ProgrammeSettingsTests {
    func count(_ app: TestApp, _ sql: SQL) throws -> Int { try app.database.read { try $0.row(sql)?.int(0) ?? 0 } }

    func programme(_ app: TestApp) throws -> Programme { try app.database.read { try ProgrammeSettings.programme($0) } }

    func entries(_ app: TestApp, _ list: ProgrammeList) throws -> [ProgrammeListEntry] {
        try app.database.read { try ProgrammeSettings.listEntries(list, $0) }
    }

    func general(_ p: Programme, _ change: (inout [String: String]) -> Void) -> [(String, String)] {
        var v = ["name": p.name, "shortName": p.shortName, "siteName": p.siteName, "municipality": p.municipality,
                 "yearKind": p.yearKind.rawValue, "firstYear": String(p.firstYear), "lastYear": String(p.lastYear),
                 "steeringGroup": p.steeringGroup, "minAge": String(p.minAge), "maxAge": String(p.maxAge),
                 "plusTermYears": String(p.plusTermYears), "plusReassessmentYears": String(p.plusReassessmentYears)]
        change(&v)
        return v.sorted { $0.key < $1.key }
    }

    /// The list form as the page posts it: the stored rows, changed by `change`, plus new rows.
    func listFields(_ list: ProgrammeList, _ rows: [ProgrammeListEntryForm]) -> [(String, String)] {
        var fields: [(String, String)] = [("\(list.rawValue)-count", String(rows.count))]
        for (i, row) in rows.enumerated() {
            fields.append((ProgrammeListForm.field(list, "key", i), row.key))
            fields.append((ProgrammeListForm.field(list, "label", i), row.label))
            fields.append((ProgrammeListForm.field(list, "position", i), row.position))
            for flag in row.flags { fields.append((ProgrammeListForm.field(list, flag, i), "1")) }
            if row.retire { fields.append((ProgrammeListForm.field(list, "retire", i), "1")) }
            if let number = list.number { fields.append((ProgrammeListForm.field(list, number.name, i), row.number)) }
        }
        return fields
    }

    func stored(_ app: TestApp, _ list: ProgrammeList) throws -> [ProgrammeListEntryForm] {
        try entries(app, list).map {
            ProgrammeListEntryForm(key: $0.key ?? "", label: $0.label, position: String($0.position), flags: $0.flags,
                                   number: $0.number.map { String($0).replacingOccurrences(of: ".", with: ",") } ?? "")
        }
    }

    func audits(_ app: TestApp) throws -> Int { try count(app, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'programme'") }

    @Test("the project leader changes names and the steering group; the change is stored and in the log")
    func savesGeneral() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try programme(app)
        #expect(try leader.get("/programma").contains(before.name))
        let page = try leader.post("/programma", general(before) { $0["steeringGroup"] = "Stuurgroep West"; $0["shortName"] = "KvK-2" })
        #expect(page.status == 303)
        let after = try programme(app)
        #expect(after.steeringGroup == "Stuurgroep West" && after.shortName == "KvK-2" && after.name == before.name)
        let audit = try app.database.read { try $0.row("SELECT summary, new_values FROM audit_log WHERE record_type = 'programme'") }
        #expect(try audit?.string(0) == "Programma-instellingen gewijzigd")
        #expect(try audit?.string(1).contains("Stuurgroep West") == true)
    }

    @Test("switching the year kind with agreements on record is refused with their count, and nothing changes")
    func yearKindRefused() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try programme(app)
        let agreements = try count(app, "SELECT COUNT(*) FROM agreements")
        #expect(agreements > 1)
        _ = try leader.get("/programma")
        let page = try leader.post("/programma", general(before) { $0["yearKind"] = "calendar"; $0["name"] = "Getypte naam" })
        #expect(page.status == 422)
        #expect(page.contains("Het soort jaar kan niet meer wijzigen: er staan \(agreements) resultaatafspraken op naam van de huidige jaren."))
        #expect(page.contains("value=\"Getypte naam\""))
        #expect(try programme(app) == before)
        #expect(try audits(app) == 0)
    }

    @Test("a period that leaves out years of stored agreements is refused with their count")
    func periodRefused() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try programme(app)
        let outside = try count(app, "SELECT COUNT(*) FROM agreements WHERE last_year > \(before.firstYear + 2)")
        #expect(outside > 0)
        _ = try leader.get("/programma")
        let page = try leader.post("/programma", general(before) { $0["lastYear"] = String(before.firstYear + 2) })
        #expect(page.status == 422)
        #expect(page.contains("laat jaren weg van \(outside == 1 ? "1 resultaatafspraak" : "\(outside) resultaatafspraken")"))
        #expect(try programme(app) == before)
        #expect(try audits(app) == 0)
    }

    @Test("a year range backwards is a Dutch message next to the field, with the typed years kept")
    func backwardsYears() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try programme(app)
        _ = try leader.get("/programma")
        let page = try leader.post("/programma", general(before) { $0["firstYear"] = "2028"; $0["lastYear"] = "2021" })
        #expect(page.status == 422)
        #expect(page.contains("Het laatste jaar (2021) ligt voor het eerste jaar (2028)."))
        #expect(page.contains("value=\"2028\"") && page.contains("value=\"2021\""))
        #expect(try programme(app) == before)
    }

    @Test("retiring a goal that results fall under is refused with the counts, and nothing changes")
    func goalInUseRefused() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let goals = try stored(app, .goals)
        let first = try #require(goals.first)
        let results = try count(app, "SELECT COUNT(*) FROM agreement_results WHERE goal_id = \(Int64(first.key) ?? 0)")
        let agreements = try count(app, """
            SELECT COUNT(DISTINCT v.agreement_id) FROM agreement_results r JOIN agreement_versions v ON v.id = r.version_id WHERE r.goal_id = \(Int64(first.key) ?? 0)
            """)
        #expect(results > 0)
        var rows = goals
        rows[0].retire = true
        rows[1].label = "Een getypte nieuwe naam"
        _ = try leader.get("/programma")
        let page = try leader.post("/programma/doelen", listFields(.goals, rows))
        #expect(page.status == 422)
        #expect(page.contains("Het doel ‘\(first.label)’ vervalt niet: \(results) resultaten in \(agreements) resultaatafspraken vallen eronder."))
        #expect(page.contains("value=\"Een getypte nieuwe naam\""))
        #expect(try stored(app, .goals) == goals)
        #expect(try audits(app) == 0)
    }

    @Test("retiring a party kind that has agreements is refused with their count, and nothing changes")
    func partyKindRefused() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let kinds = try stored(app, .organisationKinds)
        let index = try #require(kinds.firstIndex { $0.key == "kinderopvang" })
        let agreements = try count(app, """
            SELECT COUNT(DISTINCT v.agreement_id) FROM agreement_parties p JOIN agreement_versions v ON v.id = p.version_id WHERE p.role = 'kinderopvang'
            """)
        var rows = kinds
        rows[index].retire = true
        _ = try leader.get("/programma")
        let page = try leader.post("/programma/organisatiesoorten", listFields(.organisationKinds, rows))
        #expect(page.status == 422)
        #expect(page.contains("De soort ‘\(kinds[index].label)’ vervalt niet: zij is partij bij \(agreements) resultaatafspraken."))
        #expect(try stored(app, .organisationKinds) == kinds)
        #expect(try audits(app) == 0)
    }

    @Test("goals are added, renamed and reordered in one save, and an unused goal can be retired")
    func goalsEdited() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        var rows = try stored(app, .goals)
        rows[0].position = "3"
        rows[2].position = "1"
        rows[1].label = "Kwaliteit van onderwijs en opvang"
        rows.append(ProgrammeListEntryForm(key: "", label: "Een gezonde leefstijl", position: "4"))
        _ = try leader.get("/programma")
        #expect(try leader.post("/programma/doelen", listFields(.goals, rows)).status == 303)
        let after = try entries(app, .goals)
        #expect(after.map(\.label) == ["Bevorderen van goede gezondheid en welzijn", "Kwaliteit van onderwijs en opvang",
                                       "Verminderen van ongelijkheid", "Een gezonde leefstijl"])
        #expect(try audits(app) == 1)
        var again = try stored(app, .goals)
        again[3].retire = true
        _ = try leader.get("/programma")
        #expect(try leader.post("/programma/doelen", listFields(.goals, again)).status == 303)
        #expect(try entries(app, .goals).count == 3)
    }

    @Test("two IKC kinds cannot both carry the predicate")
    func onePredicate() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        var rows = try stored(app, .ikcKinds)
        rows[1].flags.insert("predicate")
        _ = try leader.get("/programma")
        let page = try leader.post("/programma/ikc-soorten", listFields(.ikcKinds, rows))
        #expect(page.status == 422)
        #expect(page.contains("Hoogstens één soort IKC draagt het predicaat; u koos er 2."))
        #expect(try programme(app).predicateKind?.code == "plus")
    }

    @Test("the area classification becomes a scale: a third level is added, chosen on the area form and shown by its name; a level in use is not retired")
    func areaScale() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        var rows = try stored(app, .areaClasses)
        rows.append(ProgrammeListEntryForm(key: "", label: "Extra aandacht", position: "3"))
        _ = try leader.get("/programma")
        #expect(try leader.post("/programma/gebiedsindeling", listFields(.areaClasses, rows)).status == 303)
        let form = try leader.get("/areas/new")
        #expect(form.contains("<option value=\"2\">Extra aandacht</option>"))
        let saved = try leader.post("/areas/new", [("name", "Nieuwe wijk"), ("isPriority", "2"), ("reassessedOn", ""), ("notes", "")])
        #expect(saved.status == 303)
        #expect(try count(app, "SELECT COUNT(*) FROM areas WHERE name = 'Nieuwe wijk' AND is_priority = 2") == 1)
        #expect(try leader.get("/areas").contains("<td>Extra aandacht</td>"))
        let bad = try leader.post("/areas/new", [("name", "Andere wijk"), ("isPriority", "7"), ("reassessedOn", ""), ("notes", "")])
        #expect(bad.status == 422)
        #expect(bad.contains("Kies een klasse van de gebiedsindeling."))
        var retire = try stored(app, .areaClasses)
        retire[2].retire = true
        _ = try leader.get("/programma")
        let refused = try leader.post("/programma/gebiedsindeling", listFields(.areaClasses, retire))
        #expect(refused.status == 422)
        #expect(refused.contains("De klasse ‘Extra aandacht’ vervalt niet: 1 gebied heeft deze klasse."))
        #expect(try entries(app, .areaClasses).count == 3)
    }

    @Test("a staffing role's default hours are edited on its list: a wrong number is refused in Dutch with what was typed kept and nothing changed; a good one is stored and in the log")
    func staffingHours() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/programma").contains("Standaard uren per week"))
        let before = try entries(app, .staffingRoles)
        var rows = try stored(app, .staffingRoles)
        for wrong in ["veel", "61", "-2"] {
            rows[0].number = wrong
            _ = try leader.get("/programma")
            let refused = try leader.post("/programma/formatie", listFields(.staffingRoles, rows))
            #expect(refused.status == 422)
            #expect(refused.contains("Vul bij ‘\(rows[0].label)’ als standaard uren per week een getal van 0 tot en met 60 in"))
            #expect(refused.contains("value=\"\(wrong)\""), "what was typed is kept")
            #expect(try entries(app, .staffingRoles) == before)
        }
        #expect(try audits(app) == 0)
        rows[0].number = "12,5"
        rows[1].number = ""
        _ = try leader.get("/programma")
        #expect(try leader.post("/programma/formatie", listFields(.staffingRoles, rows)).status == 303)
        let after = try entries(app, .staffingRoles)
        #expect(after[0].number == 12.5 && after[1].number == nil)
        #expect(try leader.get("/programma").contains("value=\"12,5\""))
        let audit = try app.database.read { try $0.row("SELECT new_values FROM audit_log WHERE record_type = 'programme'") }
        #expect(try audit?.string(0).contains("12,5") == true)
        #expect(try audits(app) == 1)
    }
}
