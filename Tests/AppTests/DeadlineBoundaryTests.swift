import Domain
import Foundation
import Testing
import TestSupport

/// Issue 16: the home pages list what is due within 21 days and what is late, per moment. The
/// demo's 2026 jaarplan and 2025 verantwoording are both due on 01-10-2026 with 14 days' grace
/// (last day 15-10-2026); IKC 1's jaarplan is a concept, its verantwoording is set back to one here.
@Suite("Deadline boundaries on the home pages")
struct DeadlineBoundaryTests {
    static func app(on day: Day) throws -> TestApp {
        let app = try TestApp(configure: { $0.today = { day } })
        try app.database.write { try $0.execute("UPDATE year_plans SET account_status = 'concept' WHERE ikc_id = 1 AND year = 2025") }
        return app
    }

    @Test("the day before, the day of, the last day of grace and the day after, for the jaarplan and the verantwoording",
          arguments: [(Day(year: 2026, month: 9, day: 30)!, "moet morgen zijn ingediend (01-10-2026)!"),
                      (Day(year: 2026, month: 10, day: 1)!, "moet vandaag zijn ingediend."),
                      (Day(year: 2026, month: 10, day: 15)!, "had op 01-10-2026 ingediend moeten zijn; de uitloop loopt vandaag af."),
                      (Day(year: 2026, month: 10, day: 16)!, "is te laat: de inleverdatum was 01-10-2026 (uitloop tot en met 15-10-2026).")])
    func boundaries(day: Day, says: String) throws {
        let app = try Self.app(on: day)
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        let mine = try director.get("/")
        let all = try leader.get("/")
        for line in ["Jaarplan 2026-2027 van OBS Montessori/Eestroom</a> \(says)", "Verantwoording 2025-2026 van OBS Montessori/Eestroom</a> \(says)"] {
            #expect(mine.contains(line), "director on \(day.dutch): \(line)")
            #expect(all.contains(line), "project leader on \(day.dutch): \(line)")
        }
        #expect(mine.contains("Jaarplannen (Plan en Do)") && mine.contains("Verantwoordingen (Check en Act)"))
        // A director sees only the own IKC; the Ontwikkelgroep has nothing to hand in.
        #expect(!mine.contains("Aventurijn"))
        #expect(!(try app.browser(loggedInAs: .ontwikkelgroep).get("/").contains("plan-reminders")))
    }

    @Test("22 days ahead nothing is listed; 21 days ahead it is, and a submitted moment never is")
    func window() throws {
        let early = try Self.app(on: Day(year: 2026, month: 9, day: 9)!)
        #expect(!(try early.browser(loggedInAs: .directeur).get("/").contains("van OBS Montessori/Eestroom</a> moet")))
        let app = try Self.app(on: Day(year: 2026, month: 9, day: 10)!)
        try app.database.write { try $0.execute("UPDATE year_plans SET account_status = 'ingediend' WHERE ikc_id = 1 AND year = 2025") }
        let home = try app.browser(loggedInAs: .directeur).get("/")
        #expect(home.contains("Jaarplan 2026-2027 van OBS Montessori/Eestroom</a> moet over 21 dagen zijn ingediend (01-10-2026)."))
        #expect(!home.contains("Verantwoording 2025-2026 van OBS Montessori/Eestroom"))
    }
}
