import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Registry: organisations")
struct RegistryOrganisationTests {
    @Test("a project leader creates an organisation with its contact and signatory, and it is logged")
    func create() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/organisations/new").status == 200)
        let saved = try leader.post("/organisations/new", [
            ("name", "Kinderopvang Tjoeke"), ("kind", "kinderopvang"), ("contactName", "Anna de Jong"),
            ("contactEmail", "anna@tjoeke.nl"), ("signatoryName", "Piet Zijlstra"), ("signatoryTitle", "directeur-bestuurder"),
        ])
        #expect(saved.status == 303)
        let row = try app.database.read { try $0.row("SELECT id, kind, contact_email, signatory_name FROM organisations WHERE name = 'Kinderopvang Tjoeke'") }
        #expect(try row?.string(1) == "kinderopvang")
        #expect(try row?.string(2) == "anna@tjoeke.nl")
        #expect(try row?.string(3) == "Piet Zijlstra")
        let list = try leader.get(saved.location ?? "/organisations")
        #expect(list.contains("Kinderopvang Tjoeke"))
        #expect(list.contains("Piet Zijlstra, directeur-bestuurder"))
        let audit = try app.database.read { try $0.row("SELECT action, new_values FROM audit_log WHERE record_type = 'organisation'") }
        #expect(try audit?.string(0) == "create")
        #expect(try audit?.string(1).contains("\"signatory_name\":\"Piet Zijlstra\"") == true)
    }

    @Test("a project leader edits an organisation; only the changed fields are logged")
    func edit() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/organisations/2")
        let version = try #require(Page.value(of: "lock_version", in: form.text))
        #expect(form.contains("value=\"Proloog\""))
        let saved = try leader.post("/organisations/2", [
            ("lock_version", version), ("name", "Proloog"), ("kind", "koepel"), ("contactName", "Jan Bakker"),
            ("contactEmail", "jan@proloog.nl"), ("signatoryName", "Voorzitter College van Bestuur"), ("signatoryTitle", "bestuurder"),
        ])
        #expect(saved.status == 303)
        let row = try app.database.read { try $0.row("SELECT contact_name, lock_version FROM organisations WHERE id = 2") }
        #expect(try row?.string(0) == "Jan Bakker")
        #expect(try row?.int64(1) == 2)
        let audit = try app.database.read { try $0.row("SELECT old_values, new_values FROM audit_log WHERE record_type = 'organisation' AND action = 'update'") }
        #expect(try audit?.string(0) == "{\"contact_name\":\"Voorzitter College van Bestuur\",\"contact_email\":\"\"}")
        #expect(try audit?.string(1) == "{\"contact_name\":\"Jan Bakker\",\"contact_email\":\"jan@proloog.nl\"}")
    }

    @Test("validation errors are shown next to the fields with the input kept; names are unique")
    func validation() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/organisations/new")
        let page = try leader.post("/organisations/new", [("name", ""), ("kind", "koepel"), ("contactName", "Els <Visser>"), ("contactEmail", "geen-adres")])
        #expect(page.status == 422)
        #expect(page.contains("Vul de naam in."))
        #expect(page.contains("Vul een geldig e-mailadres in"))
        #expect(page.contains("value=\"Els &lt;Visser&gt;\""))
        #expect(page.contains("value=\"geen-adres\""))
        let duplicate = try leader.post("/organisations/new", [("name", "proloog"), ("kind", "koepel")])
        #expect(duplicate.status == 422)
        #expect(duplicate.contains("Er is al een organisatie met deze naam."))
        let count = try app.database.read { try $0.row("SELECT COUNT(*) FROM organisations")?.int(0) }
        #expect(count == 7)
        let version = try #require(Page.value(of: "lock_version", in: try leader.get("/organisations/3").text))
        let kindChange = try leader.post("/organisations/3", [("lock_version", version), ("name", "PCBO e.o."), ("kind", "partner")])
        #expect(kindChange.status == 422)
        #expect(kindChange.contains("is de koepel van een of meer IKC"))
    }

    @Test("saving over a newer version is a 409 that shows both versions and overwrites nothing")
    func staleEdit() throws {
        let app = try TestApp()
        let first = try app.browser(loggedInAs: .projectleider)
        let second = try app.browser(loggedInAs: .projectleider)
        let version = try #require(Page.value(of: "lock_version", in: try first.get("/organisations/5").text))
        _ = try second.get("/organisations/5")
        let fields: (String) -> [(String, String)] = { contact in
            [("lock_version", version), ("name", "Stichting Kinderopvang Friesland"), ("kind", "kinderopvang"), ("contactName", contact),
             ("contactEmail", ""), ("signatoryName", "Directeur-bestuurder"), ("signatoryTitle", "bestuurder")]
        }
        #expect(try first.post("/organisations/5", fields("Eerste Persoon")).status == 303)
        let stale = try second.post("/organisations/5", fields("Tweede Persoon"))
        #expect(stale.status == 409)
        #expect(stale.contains("Iemand anders was u voor"))
        #expect(stale.contains("Eerste Persoon"))
        #expect(stale.contains("Tweede Persoon"))
        #expect(stale.contains("Nu opgeslagen"))
        let contact = try app.database.read { try $0.row("SELECT contact_name FROM organisations WHERE id = 5")?.string(0) }
        #expect(contact == "Eerste Persoon")
    }

    @Test("the Ontwikkelgroep reads organisations but gets no form")
    func readOnly() throws {
        let app = try TestApp()
        let og = try app.browser(loggedInAs: .ontwikkelgroep)
        let page = try og.get("/organisations/2")
        #expect(page.status == 200)
        #expect(!page.contains("name=\"lock_version\""))
        #expect(!(try og.get("/organisations").contains("Organisatie toevoegen")))
    }
}
