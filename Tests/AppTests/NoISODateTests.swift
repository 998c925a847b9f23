import Domain
import Foundation
import Testing
import TestSupport

/// Issue 16: no ISO date anywhere in the UI: the pages' text says dates as dd-mm-jjjj. (A date
/// input's value attribute is ISO by the HTML standard; the browser shows it the local way.)
@Suite("No ISO dates in the UI")
struct NoISODateTests {
    /// The page's text without tags, comments, scripts and attribute values.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    }

    @Test("the pages of every role read without a yyyy-mm-dd date")
    func noISODates() throws {
        let app = try TestApp()
        let edition = try #require(try app.database.read { try $0.row("SELECT id FROM reports WHERE status = 'published' ORDER BY year DESC")?.int64(0) })
        let paths = ["/", "/plans", "/plans?jaar=2025", "/plans/3", "/plans/5", "/plans/deadlines", "/reports", "/reports/2024",
                     "/reports/editions/\(edition)", "/ikcs", "/ikcs/1", "/ikcs/1/plus", "/agreements/1", "/areas", "/areas/1",
                     "/funding", "/funding/1", "/audit", "/users"]
        for role in [Role.projectleider, .directeur, .ontwikkelgroep] {
            let browser = try app.browser(loggedInAs: role)
            for path in paths {
                let page = try browser.get(path)
                guard page.status == 200 else { continue }
                let text = Self.visibleText(page.text)
                let iso = text.range(of: #"\b\d{4}-\d{2}-\d{2}\b"#, options: .regularExpression).map { String(text[$0]) }
                #expect(iso == nil, "\(role) \(path): \(iso ?? "")")
            }
        }
    }

    @Test("a baseline's year is said as the programme says years: plan, agreement and report")
    func baselineYears() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        for path in ["/plans/3", "/agreements/1", "/reports/2024/ikcs/1"] {
            let page = try leader.get(path)
            #expect(page.contains(" (2021-2022)"), "\(path)")
            #expect(!page.contains(" (2021)<") && !page.contains(" (2021)\n"), "\(path)")
        }
    }
}
