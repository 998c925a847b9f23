import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

@Suite("Indicators: the programme view and its CSV")
struct IndicatorProgrammeTests {
    @Test("the Ontwikkelgroep sees every IKC's rows, the programme figure, the chart and a Dutch CSV")
    func steeringGroupSeesAll() throws {
        let app = try TestApp()
        let og = try app.browser(loggedInAs: .ontwikkelgroep)
        let home = try og.get("/")
        #expect(home.contains("href=\"/indicators\""))
        let page = try og.get("/indicators/1?jaar=2023")
        #expect(page.status == 200)
        #expect(page.contains("Deelname VVE-peuters"))
        #expect(page.contains("Programmacijfer per jaar"))
        #expect(page.contains("ongewogen gemiddelde"))
        #expect(page.contains("<svg"))
        let names = try app.database.read { c in
            try c.rows("""
                SELECT DISTINCT i.name FROM ikcs i JOIN agreements a ON a.ikc_id = i.id JOIN agreement_versions v ON v.agreement_id = a.id
                WHERE v.status = 'vastgesteld' AND a.first_year <= 2023 AND a.last_year >= 2023
                """).map { try $0.string(0) }
        }
        #expect(names.count >= 3)
        for name in names { #expect(page.contains(HTMLEscaped(name)), "\(name)") }
        let csv = try og.get("/indicators/1/csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(csv.text.contains("Jaar;IKC;Nulmeting;Jaar nulmeting;Doel;Gemeten"))
        #expect(csv.text.contains(";Programma;"))
    }

    @Test("a director sees only the own IKC's rows; others only as the programme figure, and only once 3 IKCs reported")
    func directorSeesOwnRows() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let (own, others) = try app.database.read { c in
            (try c.row("SELECT name FROM ikcs WHERE id = 1")?.string(0) ?? "",
             try c.rows("SELECT name FROM ikcs WHERE id <> 1 AND kind = 'plus'").map { try $0.string(0) })
        }
        let page = try director.get("/indicators/1?jaar=2023")
        #expect(page.status == 200)
        #expect(page.contains(HTMLEscaped(own)))
        for name in others { #expect(!page.contains(">\(HTMLEscaped(name))<"), "\(name) shown to the director") }
        #expect(page.contains("U ziet de cijfers van uw eigen IKC"))
        let csv = try director.get("/indicators/1/csv")
        for name in others { #expect(!csv.text.contains(";\(name);"), "\(name) in the director's CSV") }

        // With fewer than 3 reporting IKCs the figure is withheld from the director.
        try app.database.write { c in
            try c.execute("""
                DELETE FROM measurements WHERE plan_id IN (SELECT id FROM year_plans WHERE year = 2023 AND ikc_id > 2)
                """)
        }
        let few = try director.get("/indicators/1?jaar=2023")
        #expect(few.contains("minder dan 3 IKC's gemeld"))
        let og = try app.browser(loggedInAs: .ontwikkelgroep)
        #expect(try !og.get("/indicators/1?jaar=2023").contains("minder dan 3 IKC's gemeld"))
    }

    func HTMLEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

@Suite("Indicators: numerator and denominator in the Check")
struct IndicatorFractionTests {
    @Test("a numerator larger than its denominator is a 422 at the cell; a good pair is stored and weighs the programme figure")
    func numeratorAboveDenominator() throws {
        let app = try TestApp()
        try app.database.write { c in
            try c.execute("UPDATE indicators SET numerator_label = 'peuters die VVE bezoeken', denominator_label = 'peuters met VVE-indicatie' WHERE id = 1")
            // The jaarplan approved: the verantwoording (Check) is open for the director.
            try c.execute("UPDATE year_plans SET status = 'goedgekeurd', account_status = 'concept' WHERE id = \(PlanWorkflowTests.conceptPlan)")
        }
        let director = try app.browser(loggedInAs: .directeur)
        let path = "/plans/\(PlanWorkflowTests.conceptPlan)"
        let form = try director.get(path)
        let result = try #require(try app.database.read { c in
            try c.row("""
                SELECT r.id FROM agreement_results r JOIN year_plans p ON p.agreement_version_id = r.version_id
                WHERE p.id = \(PlanWorkflowTests.conceptPlan) AND r.indicator_id = 1
                """)?.int64(0)
        })
        #expect(form.contains("Teller: peuters die VVE bezoeken"))
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        let refused = try director.post(path, [("lock_version", lock), ("numerator_\(result)", "70"), ("denominator_\(result)", "60")])
        #expect(refused.status == 422)
        #expect(refused.contains("id=\"numerator_\(result)-error\""))
        #expect(refused.contains("is groter dan de noemer"))
        #expect(refused.contains("value=\"70\""))

        let saved = try director.post(path, [("lock_version", lock), ("numerator_\(result)", "42"), ("denominator_\(result)", "60")])
        #expect(saved.status == 303)
        let stored = try app.database.read { c in
            try c.row("SELECT value, numerator, denominator FROM measurements WHERE plan_id = \(PlanWorkflowTests.conceptPlan) AND result_id = \(result)")
                .map { (try $0.optionalDouble(0), try $0.optionalDouble(1), try $0.optionalDouble(2)) }
        }
        #expect(stored?.0 == 70)
        #expect(stored?.1 == 42)
        #expect(stored?.2 == 60)
    }
}
