import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Registry: areas and area indicators")
struct RegistryAreaTests {
    /// Posts a CSV file the way a browser's file input does (multipart/form-data).
    func upload(_ browser: Browser, _ bytes: [UInt8], filename: String = "indicatoren.csv") throws -> Page {
        _ = try browser.get("/areas/import")
        let boundary = "----plusikc-test-boundary"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrfToken ?? "")\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try browser.request("POST", "/areas/import", body: body, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
    }

    func indicator(_ app: TestApp, area: String, year: Int, _ name: String) throws -> Double? {
        try app.database.read {
            try $0.row("""
                SELECT i.value FROM area_indicators i JOIN areas a ON a.id = i.area_id
                WHERE a.name = \(area) AND i.year = \(year) AND i.indicator = \(name)
                """)?.double(0)
        }
    }

    func count(_ app: TestApp) throws -> Int { try app.database.read { try Areas.indicatorCount($0) } }

    @Test("a good semicolon file in UTF-8 with BOM and decimal commas is imported whole and logged")
    func goodFile() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try count(app)
        let csv = "\u{FEFF}gebied;jaar;indicator;waarde;bron\r\nVrijheidswijk;2025;Jeugdmonitor: kinderen die zich veilig voelen (%);81,5;Jeugdmonitor\r\nNijlân & De Zwette;2025-2026;Jeugdmonitor: kinderen die zich veilig voelen (%);1.234,5;Jeugdmonitor\r\n"
        let page = try upload(leader, Array(csv.utf8))
        #expect(page.status == 303)
        #expect(try count(app) == before + 2)
        #expect(try indicator(app, area: "Vrijheidswijk", year: 2025, "Jeugdmonitor: kinderen die zich veilig voelen (%)") == 81.5)
        #expect(try indicator(app, area: "Nijlân & De Zwette", year: 2025, "Jeugdmonitor: kinderen die zich veilig voelen (%)") == 1234.5)
        #expect(try leader.get(page.location ?? "/areas").contains("2 indicatoren zijn geïmporteerd"))
        let audit = try app.database.read { try $0.row("SELECT action, summary FROM audit_log WHERE record_type = 'area_indicator'") }
        #expect(try audit?.string(0) == "import")
        #expect(try audit?.string(1).contains("2 gebiedsindicatoren") == true)
    }

    @Test("a comma-separated file replaces an existing figure of the same area, year and indicator")
    func commaFileReplaces() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try count(app)
        let csv = "area,year,indicator,value,source\nVrijheidswijk,2024,Kinderen in huishoudens met laag inkomen (%),\"17,25\",Kinderen in Tel\n"
        #expect(try upload(leader, Array(csv.utf8)).status == 303)
        #expect(try count(app) == before)
        #expect(try indicator(app, area: "Vrijheidswijk", year: 2024, "Kinderen in huishoudens met laag inkomen (%)") == 17.25)
    }

    @Test("a file with one bad line is rejected whole with the line number and reason; nothing is imported")
    func badLine() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try count(app)
        let audit = try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) }
        let csv = "gebied;jaar;indicator;waarde\nVrijheidswijk;2025;Nieuw;1,5\nVrijheidswijk;2025;Nieuw 2;veel\nOud-Oost;2025;Nieuw;2\n"
        let page = try upload(leader, Array(csv.utf8))
        #expect(page.status == 422)
        #expect(page.contains("is niet geïmporteerd"))
        #expect(page.contains("Regel 3: &#39;veel&#39; is geen getal.") || page.contains("Regel 3: 'veel' is geen getal."))
        #expect(try count(app) == before)
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM audit_log")?.int(0) } == audit)
    }

    @Test("a NUL in an indicator's name is refused with its line; nothing is imported")
    func controlCharacter() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try count(app)
        let csv = "gebied;jaar;indicator;waarde\nVrijheidswijk;2025;Goed;1,5\nVrijheidswijk;2025;Slecht\u{0}deel;2\n"
        let page = try upload(leader, Array(csv.utf8))
        #expect(page.status == 422)
        #expect(page.contains("Regel 3: De indicator bevat een ongeldig teken (een stuurteken)."))
        #expect(try count(app) == before)
    }

    @Test("a file that is not UTF-8 is refused with a hint to save it as CSV UTF-8")
    func notUTF8() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        // "Nijl\xE2n" in Windows-1252
        let bytes: [UInt8] = Array("gebied;jaar;indicator;waarde\nNijl".utf8) + [0xE2] + Array("n;2025;X;1\n".utf8)
        let page = try upload(leader, bytes)
        #expect(page.status == 422)
        #expect(page.contains("CSV UTF-8"))
    }

    @Test("an indicator entered by hand with a decimal comma is stored, and a bad one keeps the input")
    func handEntry() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/areas/2").status == 200)
        let saved = try leader.post("/areas/2/indicators", [("year", "2025"), ("indicator", "VVE-bereik (%)"), ("value", "72,5"), ("source", "GGD")])
        #expect(saved.status == 303)
        #expect(try indicator(app, area: "Vrijheidswijk", year: 2025, "VVE-bereik (%)") == 72.5)
        #expect(try leader.get("/areas/2").contains("72,5"))
        let bad = try leader.post("/areas/2/indicators", [("year", "1999"), ("indicator", "VVE-bereik (%)"), ("value", "veel")])
        #expect(bad.status == 422)
        #expect(bad.contains("value=\"veel\""))
        #expect(bad.contains("Vul een getal in"))
    }

    @Test("areas are created and edited with the aandachtsgebied flag and herijking date; validation keeps input")
    func crud() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/areas/new")
        let invalid = try leader.post("/areas/new", [("name", "Oud-oost"), ("reassessedOn", "31-02-2025"), ("notes", "wijk <3")])
        #expect(invalid.status == 422)
        #expect(invalid.contains("Er is al een gebied met deze naam."))
        #expect(invalid.contains("Vul een geldige datum in"))
        #expect(invalid.contains("value=\"31-02-2025\""))
        let created = try leader.post("/areas/new", [("name", "Westeinde"), ("isPriority", "1"), ("reassessedOn", "01-03-2025")])
        #expect(created.status == 303)
        let id = try #require(try app.database.read { try $0.row("SELECT id, is_priority, reassessed_on FROM areas WHERE name = 'Westeinde'") })
        #expect(try id.bool(1))
        #expect(try id.string(2) == "2025-03-01")
        let path = "/areas/\(try id.int64(0))"
        let form = try leader.get(path)
        let version = try #require(Page.value(of: "lock_version", in: form.text))
        #expect(try leader.post(path, [("lock_version", version), ("name", "Westeinde"), ("reassessedOn", "2025-03-01")]).status == 303)
        #expect(try app.database.read { try $0.row("SELECT is_priority FROM areas WHERE name = 'Westeinde'")?.bool(0) } == false)
        let stale = try leader.post(path, [("lock_version", version), ("name", "Westeinde-Noord"), ("isPriority", "1")])
        #expect(stale.status == 409)
        #expect(stale.contains("Westeinde-Noord"))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM areas WHERE name = 'Westeinde'")?.int(0) } == 1)
        let actions = try app.database.read { try $0.rows("SELECT action FROM audit_log WHERE record_type = 'area' ORDER BY id").map { try $0.string(0) } }
        #expect(actions == ["create", "update"])
    }

    @Test("an area whose herijking is more than two years ago is flagged as overdue")
    func overdue() throws {
        let app = try TestApp()
        try app.database.write { try $0.execute("UPDATE areas SET reassessed_on = '2020-01-01' WHERE id = 3") }
        let leader = try app.browser(loggedInAs: .projectleider)
        let list = try leader.get("/areas")
        #expect(list.contains("herijking te laat"))
        #expect(try leader.get("/").contains("Bilgaard &amp; Havankpark e.o."))
    }
}
