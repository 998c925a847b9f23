import Domain
import Foundation
import Testing
import TestSupport

/// The Plus rules: a predicate outside an aandachtsgebied needs a reason, a reclassified area's
/// Plus IKCs wait for a herijking on the home page, and the decisions are shown with the dates.
@Suite("The Plus rules")
struct PlusRulesTests {
    func lock(_ page: Page) -> String { Page.value(of: "lock_version", in: page.text) ?? "" }

    @Test("a Plus predicate for an IKC outside an aandachtsgebied without a reason is refused with 422; with one it is kept and shown")
    func outsideAreaNeedsReason() throws {
        let app = try TestApp()
        let outside = try #require(try app.database.read { try $0.row("SELECT id FROM areas WHERE is_priority = 0 LIMIT 1")?.int64(0) })
        try app.database.write { try $0.execute("UPDATE ikcs SET area_id = \(outside) WHERE id = 3") }
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/ikcs/3").contains("de reden voor het Plus-predicaat is niet vastgelegd"))
        let form = try leader.get("/ikcs/3/plus")
        #expect(form.contains("name=\"outsideAreaReason\""))
        let refused = try leader.post("/ikcs/3/plus", [("lock_version", lock(form)), ("grantedOn", "01-08-2022"), ("notes", "Getypt"),
                                                       ("decisionBody", "Ontwikkelgroep"), ("outsideAreaReason", " ")])
        #expect(refused.status == 422)
        #expect(refused.contains("Vul in waarom het toch het Plus-predicaat krijgt."))
        #expect(refused.contains("value=\"Ontwikkelgroep\""))
        #expect(refused.contains(">Getypt</textarea>"))
        let reason = "Veel kinderen uit de Vrijheidswijk gaan hier naar school."
        let saved = try leader.post("/ikcs/3/plus", [("lock_version", lock(form)), ("grantedOn", "01-08-2022"), ("notes", ""),
                                                     ("decisionBody", "Ontwikkelgroep"), ("outsideAreaReason", reason)])
        #expect(saved.status == 303)
        #expect(try app.database.read { try $0.row("SELECT reason FROM plus_exceptions WHERE ikc_id = 3")?.string(0) } == reason)
        let page = try leader.get("/ikcs/3")
        #expect(page.contains("Reden voor het Plus-predicaat: \(reason)"))
        #expect(!page.contains("is niet vastgelegd"))
        // An IKC inside an aandachtsgebied is not asked.
        #expect(!(try leader.get("/ikcs/2/plus")).contains("name=\"outsideAreaReason\""))
    }

    @Test("a herijking is recorded with its decision, and the IKC page shows term, herijking and decision")
    func decisionShown() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let form = try leader.get("/ikcs/3/plus")
        let granted = try #require(Page.value(of: "grantedOn", in: form.text))
        let saved = try leader.post("/ikcs/3/plus", [("lock_version", lock(form)), ("grantedOn", granted), ("lastReassessedOn", "15-09-2025"),
                                                     ("notes", "Voorwaarden besproken"), ("decisionBody", "Ontwikkelgroep")])
        #expect(saved.status == 303)
        let page = try leader.get("/ikcs/3")
        #expect(page.contains("<dt>Volgende herijking</dt>"))
        #expect(page.contains("<dt>Einde termijn</dt>"))
        #expect(page.contains("<tr><th scope=\"row\">15-09-2025</th><td>Herijking</td><td>Ontwikkelgroep</td><td>Voorwaarden besproken</td></tr>"))
        #expect(page.contains("termijn vier jaar, herijking elke twee jaar"))
    }

    @Test("reclassifying an area lists its Plus IKCs for herijking on the project leader's home page until it is recorded")
    func reclassification() throws {
        let app = try TestApp()
        let area = try #require(try app.database.read { try $0.row("SELECT area_id FROM ikcs WHERE id = 1")?.int64(0) })
        let (name, ikc) = try app.database.read { c in
            (try c.row("SELECT name FROM areas WHERE id = \(area)")?.string(0) ?? "", try c.row("SELECT name FROM ikcs WHERE id = 1")?.string(0) ?? "")
        }
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(!(try leader.get("/")).contains("herijkt moeten worden"))
        let form = try leader.get("/areas/\(area)")
        let saved = try leader.post("/areas/\(area)", [("lock_version", lock(form)), ("name", name), ("reassessedOn", "01-10-2026"), ("notes", "")])
        #expect(saved.status == 303)
        let home = try leader.get("/")
        #expect(home.contains("herijkt moeten worden"))
        #expect(home.contains("\(ikc)</a>: het gebied \(name) is geen aandachtsgebied meer"))
        #expect(try leader.get("/ikcs/1").contains("Herijking nodig: het gebied \(name) is geen aandachtsgebied meer."))
        // Recording the herijking (with the reason the area now asks for) clears it.
        let plus = try leader.get("/ikcs/1/plus")
        let granted = try #require(Page.value(of: "grantedOn", in: plus.text))
        let done = try leader.post("/ikcs/1/plus", [("lock_version", lock(plus)), ("grantedOn", granted), ("lastReassessedOn", "01-11-2026"),
                                                    ("notes", ""), ("decisionBody", "Ontwikkelgroep"), ("outsideAreaReason", "Blijft Plus tot het einde van de termijn.")])
        #expect(done.status == 303)
        #expect(!(try leader.get("/")).contains("\(ikc)</a>: het gebied"))
        #expect(!(try leader.get("/ikcs/1")).contains("Herijking nodig"))
    }
}
