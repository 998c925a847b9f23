import Domain
import SQLite
import Store
import Testing
import TestSupport

/// `seed-demo` places the programme's history relative to today (issue 16): the same coherent
/// picture on any day, not everything late a year later.
@Suite("Demo data on any day")
struct DemoDataDayTests {
    struct Plan {
        var ikcID: Int64
        var year: Int
        var status: String
        var account: String
        var returnReason: String
    }

    static func plans(_ c: Connection) throws -> [Plan] {
        try c.rows("SELECT ikc_id, year, status, account_status, return_reason FROM year_plans ORDER BY id").map {
            Plan(ikcID: try $0.int64(0), year: try $0.int(1), status: try $0.string(2), account: try $0.string(3), returnReason: try $0.string(4))
        }
    }

    @Test("at 23-11-2026, 01-03-2027 and 15-10-2028 the past is complete, last year's verantwoording partly waits, this year's jaarplan is approved for most, one returned, one late",
          arguments: [(Day(year: 2026, month: 11, day: 23)!, 2026), (Day(year: 2027, month: 3, day: 1)!, 2026), (Day(year: 2028, month: 10, day: 15)!, 2028)])
    func pictureOnAnyDay(today: Day, current: Int) throws {
        let temporary: TemporaryDatabase
        if today == TestApp.today {
            temporary = try DatabaseTemplate.seeded().copy()  // the tests' day: the template is that seed
        } else {
            temporary = try TemporaryDatabase()
            _ = try DemoData.seed(temporary.database, today: today, renderReport: { draft, _, _ in "<p>Editie \(draft.edition)</p>" },
                                  hashPassword: { _ in "$y$x" })
        }
        try temporary.database.read { (c: Connection) throws in
            let plans = try Self.plans(c)
            let ikcs = Set(plans.map(\.ikcID))
            #expect(ikcs.count == 7, "every IKC with a fixed agreement has plans")
            #expect(plans.map(\.year).max() == current, "no plan after this year")
            // The past: complete and approved, both moments.
            let past = plans.filter { $0.year <= current - 2 }
            #expect(past.count == ikcs.count * (current - 1 - 2022))
            #expect(past.allSatisfy { $0.status == "goedgekeurd" && $0.account == "goedgekeurd" })
            // Last year: jaarplan approved; the verantwoording submitted and waiting for some, approved for the others.
            let last = plans.filter { $0.year == current - 1 }
            #expect(last.count == ikcs.count && last.allSatisfy { $0.status == "goedgekeurd" })
            let waiting = last.filter { $0.account == "ingediend" }.count
            #expect(waiting > 0 && waiting < last.count)
            #expect(last.allSatisfy { $0.account == "ingediend" || $0.account == "goedgekeurd" })
            // This year: the jaarplan approved for most, one submitted, one returned with a reason, one still a concept past its due date.
            let this = plans.filter { $0.year == current }
            #expect(this.count == ikcs.count)
            #expect(this.filter { $0.status == "goedgekeurd" }.count * 2 > this.count)
            let returned = this.filter { $0.status == "teruggestuurd" }
            #expect(returned.count == 1 && !(returned.first?.returnReason.isEmpty ?? true))
            #expect(this.filter { $0.status == "ingediend" }.count == 1)
            #expect(this.allSatisfy { $0.account == "concept" })
            // Past the jaarplan's due date: the returned one (back with its director) and the late concept.
            let overdue = try PlanReminders.open(ikcIDs: nil, today: today, c).filter {
                if case .inGrace = $0.reminder { return true }
                return $0.reminder == .late
            }
            #expect(overdue.allSatisfy { $0.year == current && $0.moment == .jaarplan })
            #expect(overdue.map(\.status) == [.concept, .teruggestuurd] || overdue.map(\.status) == [.teruggestuurd, .concept])
            #expect(overdue.first { $0.status == .concept }?.ikcID == 1)  // the demo director's
            // Nothing happened after today.
            let latest = try c.row("""
                SELECT MAX(m) FROM (SELECT MAX(submitted_at) AS m FROM year_plans UNION ALL SELECT MAX(reviewed_at) FROM year_plans
                    UNION ALL SELECT MAX(account_submitted_at) FROM year_plans UNION ALL SELECT MAX(account_reviewed_at) FROM year_plans
                    UNION ALL SELECT MAX(published_at) FROM reports UNION ALL SELECT MAX(noted_on) FROM progress_notes)
                """)?.string(0) ?? ""
            #expect(latest < today.iso)
            // Area reassessments and Plus predicates move with the year too (as on 23-11-2026: reassessed
            // in March a year and a half ago, granted in June a year and a half ago).
            #expect(try c.row("SELECT MIN(reassessed_on), MAX(reassessed_on) FROM areas").map { [try $0.string(0), try $0.string(1)] }
                    == ["\(current - 1)-03-01", "\(current - 1)-03-01"])
            #expect(try c.row("SELECT MAX(granted_on) FROM plus_predicates")?.string(0) == "\(current - 1)-06-01")
            // Every completed year has a published first edition with a foreword and conclusions.
            let reports = try c.rows("SELECT year, edition, status, foreword <> '' AND conclusions <> '' FROM reports ORDER BY year").map {
                (year: try $0.int(0), edition: try $0.int(1), status: try $0.string(2), written: try $0.bool(3))
            }
            #expect(reports.map(\.year) == Array(2022...(current - 2)))
            #expect(reports.allSatisfy { $0.edition == 1 && $0.status == "published" && $0.written })
        }
    }
}
