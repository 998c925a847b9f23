import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Control characters are refused in every text input, with a message at the field")
struct ControlCharacterTests {
    @Test("a NUL in a user's name is refused with a Dutch message and nothing is stored")
    func userName() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/users/new")
        let page = try leader.post("/users/new", [("name", "Jan\u{0}Boer"), ("email", "jan@example.org"), ("role", "ontwikkelgroep")])
        #expect(page.status == 422)
        #expect(page.contains(Check.invalidCharacterMessage))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM users WHERE email = 'jan@example.org'")?.int(0) } == 0)
    }

    @Test("an area's notes may hold line breaks and tabs, but not an escape; its name not even a line break")
    func areaForm() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/areas/new")
        let escape = try leader.post("/areas/new", [("name", "Westeinde"), ("notes", "kleur \u{1B}[31mrood")])
        #expect(escape.status == 422)
        #expect(escape.contains(Check.invalidCharacterMessage))
        let newline = try leader.post("/areas/new", [("name", "West\neinde"), ("notes", "")])
        #expect(newline.status == 422)
        #expect(newline.contains(Check.invalidCharacterMessage))
        let good = try leader.post("/areas/new", [("name", "Westeinde"), ("notes", "regel 1\r\nregel 2\tmet tab")])
        #expect(good.status == 303)
        let notes = try app.database.read { try $0.row("SELECT notes FROM areas WHERE name = 'Westeinde'")?.string(0) }
        #expect(notes?.contains("regel 2\tmet tab") == true)
    }

    @Test("a control character in an organisation's contact name and in the log-in e-mail is refused")
    func organisationAndLogin() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/organisations/new")
        let page = try leader.post("/organisations/new", [("name", "Stichting Test"), ("kind", "koepel"), ("contactName", "Els\u{7}Visser")])
        #expect(page.status == 422)
        #expect(page.contains(Check.invalidCharacterMessage))
        let anonymous = app.browser()
        _ = try anonymous.get("/login")
        let login = try anonymous.post("/login", [("email", "a\u{0}@example.org"), ("password", "whatever it is")])
        #expect(login.status == 422)
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM login_attempts WHERE succeeded = 0")?.int(0) } == 0)
    }

    @Test("an agreement CSV import with a control character in a cell is refused by line")
    func agreementImport() throws {
        let result = AgreementResult(id: 5, lineage: 3, goalID: 1, description: "A", indicator: "a", unit: .number, targets: [2024: 10])
        let version = AgreementVersion(id: 1, agreementID: 1, number: 1, status: .concept, reason: "", texts: AgreementTexts(),
                                       createdByName: nil, createdAt: "2026-01-01T00:00:00Z", fixedAt: nil, lockVersion: 1)
        let content = AgreementContent(version: version, parties: [], results: [result], contributions: [], staffing: [])
        let text = "Nr;Doel;Resultaat;Indicator;Eenheid;2024\r\n3;d;\"twee\nregels\";a\u{0}b;aantal;11\r\n"
        let imported = AgreementImport.targets(text, content: content, years: 2024...2024, yearLabel: { String($0) },
                                               parseNumber: { Double($0) })
        #expect(imported.errors.map(\.line) == [2])
        #expect(imported.errors.first?.message == "Kolom 4 bevat een ongeldig teken (een stuurteken).")
        #expect(imported.targetChanges.isEmpty)
    }
}
