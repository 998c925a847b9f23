import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Year plans over real HTTP. Demo plans on 23-11-2026 (DemoData+Plans): IKC 1 (the demo
/// director's) has plan 5 for 2026 in concept (past its deadline), plan 4 for 2025 and plan 3 for
/// 2024 approved; IKC 2's plan 6 (2022) is somebody else's and its plan 10 (2026) is submitted;
/// IKC 3's 2026 jaarplan is returned; IKC 5's agreement is a concept.
@Suite("Year plans")
struct PlanWorkflowTests {
    static let conceptPlan: Int64 = 5
    /// IKC 1's 2025 plan (approved in the demo).
    static let earlierPlan: Int64 = 4

    struct PlanRow {
        var status: String
        var intention: String
        var returnReason: String
        var snapshot: String?
        var lockVersion: Int64
    }

    func plan(_ app: TestApp, _ id: Int64) throws -> PlanRow {
        try app.database.read { c in
            guard let row = try c.row("SELECT status, intention, return_reason, reviewed_snapshot, lock_version FROM year_plans WHERE id = \(id)") else {
                throw StoreError.notFound(record: "year_plan", id: id)
            }
            return PlanRow(status: try row.string(0), intention: try row.string(1), returnReason: try row.string(2),
                           snapshot: try row.optionalString(3), lockVersion: try row.int64(4))
        }
    }

    func auditActions(_ app: TestApp, _ id: Int64) throws -> [String] {
        try app.database.read { c in
            try c.rows("SELECT action FROM audit_log WHERE record_type = 'year_plan' AND record_id = \(id) ORDER BY id").map { try $0.string(0) }
        }
    }

    /// Every field of plan `id` filled in, so that it can be submitted.
    func completeFields(_ app: TestApp, _ id: Int64, intention: String = "Taal en ouders voorop.") throws -> [(String, String)] {
        let (results, sources, roles) = try app.database.read { c in
            let version = try c.row("SELECT agreement_version_id FROM year_plans WHERE id = \(id)")?.int64(0) ?? 0
            return (try c.rows("SELECT id, unit FROM agreement_results WHERE version_id = \(version) ORDER BY id").map { (try $0.int64(0), try $0.string(1)) },
                    try c.rows("SELECT id FROM funding_sources ORDER BY id").map { try $0.int64(0) },
                    try c.rows("SELECT code FROM staffing_roles ORDER BY position").map { try $0.string(0) })
        }
        var fields: [(String, String)] = [("intention", intention), ("act_changes", "Volgend jaar meer ouders bereiken.")]
        for (index, (result, _)) in results.enumerated() {
            fields.append(("activities_\(result)", "Activiteit \(index + 1)"))
            if index == 1 {
                fields.append(("not_measured_\(result)", "1"))
                fields.append(("reason_\(result)", "Toets niet afgenomen"))
            } else {
                fields.append(("value_\(result)", "12,5"))
                fields.append(("source_\(result)", "Leerlingvolgsysteem"))
                fields.append(("measured_on_\(result)", "15-06-2026"))
            }
        }
        fields.append(("planned_\(sources[0])", "12.500"))
        fields.append(("spent_\(sources[0])", "11.250,50"))
        fields.append(("hours_\(roles[0])", "20,5"))
        return fields
    }

    func accountStatus(_ app: TestApp, _ id: Int64) throws -> String? {
        try app.database.read { try $0.row("SELECT account_status FROM year_plans WHERE id = \(id)")?.string(0) }
    }

    func lockVersion(_ page: Page) -> String { Page.value(of: "lock_version", in: page.text) ?? "" }

    @Test("the workflow over HTTP: a director submits, a project leader returns it with a reason, the director resubmits and it is approved")
    func workflow() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        let id = Self.conceptPlan
        let path = "/plans/\(id)"

        // Submitting a half-filled plan saves it and lists what is missing instead of failing silently.
        var page = try director.get(path)
        #expect(page.status == 200)
        #expect(page.contains("Nog niet ingevuld"))
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit"), ("intention", "Half af")])
        #expect(page.status == 422)
        #expect(page.contains("Jaarplan is niet ingediend"))
        #expect(page.contains("Plan: de geplande activiteiten"))
        #expect(try plan(app, id).status == "concept")
        #expect(try plan(app, id).intention == "Half af")

        // Complete, then submit.
        page = try director.get(path)
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit")] + completeFields(app, id))
        #expect(page.status == 303)
        #expect(try plan(app, id).status == "ingediend")

        // Returning needs a written reason.
        page = try leader.get(path)
        #expect(page.contains("Beoordelen"))
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("decision", "return"), ("reason", "  ")])
        #expect(page.status == 422)
        #expect(page.contains("Vul de reden van terugsturen in."))
        #expect(try plan(app, id).status == "ingediend")
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("decision", "return"), ("reason", "De bron van de taalmeting ontbreekt.")])
        #expect(page.status == 303)
        var row = try plan(app, id)
        #expect(row.status == "teruggestuurd")
        #expect(row.returnReason == "De bron van de taalmeting ontbreekt.")
        #expect(row.snapshot?.contains("Taal en ouders voorop.") == true)
        let returned = try app.database.read { try $0.row("SELECT summary, user_id FROM audit_log WHERE action = 'return' AND record_id = \(id)") }
        #expect(try returned?.string(0).contains("De bron van de taalmeting ontbreekt.") == true)
        #expect(try returned?.optionalInt64(1) != nil)

        // Editable again for the director, who sees the reason, changes the plan and resubmits.
        page = try director.get(path)
        #expect(page.contains("De bron van de taalmeting ontbreekt."))
        #expect(page.contains("Jaarplan opslaan en indienen"))
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit")] + completeFields(app, id, intention: "Taal, ouders en gezondheid."))
        #expect(page.status == 303)
        row = try plan(app, id)
        #expect(row.status == "ingediend")

        // The reviewer sees what changed since the return, then approves.
        page = try leader.get(path)
        #expect(page.contains("Gewijzigd sinds het terugsturen"))
        #expect(page.contains("Taal, ouders en gezondheid."))
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("decision", "approve")])
        #expect(page.status == 303)
        #expect(try plan(app, id).status == "goedgekeurd")

        // The verantwoording (Check and Act) is submitted and approved on its own.
        page = try director.get(path)
        #expect(page.contains("Verantwoording opslaan en indienen"))
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit_account")] + completeFields(app, id, intention: "Taal, ouders en gezondheid."))
        #expect(page.status == 303)
        #expect(try accountStatus(app, id) == "ingediend")
        page = try leader.get(path)
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("moment", "verantwoording"), ("decision", "approve")])
        #expect(page.status == 303)
        #expect(try accountStatus(app, id) == "goedgekeurd")

        // Approved is read-only for everybody, and the page says why.
        page = try leader.get(path)
        #expect(page.contains("Dit jaarplan is goedgekeurd. Alleen de projectleider kan het heropenen"))
        page = try leader.post(path, [("lock_version", String(try plan(app, id).lockVersion)), ("intention", "Later gewijzigd")])
        #expect(page.status == 403)
        #expect(try plan(app, id).intention == "Taal, ouders en gezondheid.")

        #expect(try auditActions(app, id) == ["update", "update", "submit", "return", "update", "submit", "approve", "update", "submit", "approve"])
    }

    @Test("a submitted plan cannot be changed by its director")
    func submittedIsReadOnlyForDirector() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let path = "/plans/\(Self.conceptPlan)"
        var page = try director.get(path)
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit")] + completeFields(app, Self.conceptPlan))
        #expect(page.status == 303)
        let before = try plan(app, Self.conceptPlan)
        page = try director.get(path)
        #expect(page.contains("U hebt dit jaarplan ingediend"))
        #expect(!page.contains("name=\"intention\""))
        page = try director.post(path, [("lock_version", String(before.lockVersion)), ("intention", "Stiekem gewijzigd")])
        #expect(page.status == 403)
        #expect(page.contains("U hebt dit jaarplan ingediend"))
        let after = try plan(app, Self.conceptPlan)
        #expect(after.intention == before.intention)
        #expect(after.lockVersion == before.lockVersion)
    }

    @Test("a director cannot open another IKC's plan")
    func directorOnlyOwnIKC() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        #expect(try director.get("/plans/6").status == 403)
        #expect(try director.get("/plans/10").status == 403)
        _ = try director.get("/plans/new")
        let plans = try app.database.read { try $0.row("SELECT COUNT(*) FROM year_plans")?.int(0) ?? 0 }
        #expect(try director.post("/plans/new", [("ikc", "2"), ("year", "2026")]).status == 403)
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM year_plans")?.int(0) ?? 0 } == plans)
        // The list shows only the own IKC.
        let list = try director.get("/plans")
        #expect(list.contains("OBS Montessori/Eestroom"))
        #expect(!list.contains("Aventurijn"))
        // The 2026 jaarplan is still a concept after its deadline (01-10-2026 + 14 days): the director is reminded.
        #expect(list.contains("Jaarplan 2026-2027 van OBS Montessori/Eestroom</a> is te laat"))
        #expect(try director.get("/").contains("Jaarplan 2026-2027 van OBS Montessori/Eestroom</a> is te laat"))
        // The project leader's home page flags the late plans.
        let leader = try app.browser(loggedInAs: .projectleider)
        #expect(try leader.get("/").contains("Jaarplan 2026-2027 van OBS Montessori/Eestroom</a> is te laat"))
    }

    @Test("the director's home page lists the own IKC's earlier plans that are not approved, with their state and a link")
    func homeListsEarlierOpenPlans() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        // Today the current programme year is 2026-2027; IKC 1's 2025 plan (4) is made a concept
        // again here (the demo has it approved), its 2024 plan (3) stays approved.
        try app.database.write { c in try c.execute("UPDATE year_plans SET status = 'concept', account_status = 'concept' WHERE id = \(Self.earlierPlan)") }
        var home = try director.get("/")
        #expect(home.contains("Nog niet goedgekeurde jaarplannen van eerdere jaren"))
        #expect(home.contains("<a href=\"/plans/\(Self.earlierPlan)\">Jaarplan 2025-2026</a>: concept (nog niet ingediend)"))
        #expect(!home.contains("href=\"/plans/3\""))  // approved: not listed
        #expect(!home.contains("href=\"/plans/10\""))  // another IKC's submitted plan

        // Submitted, then returned by the project leader: the home page says so.
        let path = "/plans/\(Self.earlierPlan)"
        var page = try director.get(path)
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit")] + completeFields(app, Self.earlierPlan))
        #expect(page.status == 303)
        home = try director.get("/")
        #expect(home.contains("<a href=\"/plans/\(Self.earlierPlan)\">Jaarplan 2025-2026</a>: ingediend, wacht op beoordeling"))
        page = try leader.get(path)
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("decision", "return"), ("reason", "Meting ontbreekt.")])
        #expect(page.status == 303)
        home = try director.get("/")
        #expect(home.contains("<a href=\"/plans/\(Self.earlierPlan)\">Jaarplan 2025-2026</a>: teruggestuurd: pas het aan en dien het opnieuw in"))

        // Once approved it is no longer listed.
        try app.database.write { c in try c.execute("UPDATE year_plans SET status = 'goedgekeurd', account_status = 'goedgekeurd' WHERE id = \(Self.earlierPlan)") }
        home = try director.get("/")
        #expect(!home.contains("Nog niet goedgekeurde jaarplannen van eerdere jaren"))
        #expect(!home.contains("href=\"/plans/\(Self.earlierPlan)\""))
    }

    @Test("'niet gemeten' is stored as a reason without a value, an empty field as nothing, and 0 as 0")
    func notMeasuredIsNotZero() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let results = try app.database.read { c in
            try c.rows("SELECT r.id FROM agreement_results r JOIN year_plans p ON p.agreement_version_id = r.version_id WHERE p.id = \(Self.conceptPlan) ORDER BY r.id")
                .map { try $0.int64(0) }
        }
        // Check is the verantwoording's, which opens for the director once the jaarplan is approved.
        try app.database.write { c in try c.execute("UPDATE year_plans SET status = 'goedgekeurd' WHERE id = \(Self.conceptPlan)") }
        let path = "/plans/\(Self.conceptPlan)"
        var page = try director.get(path)
        page = try director.post(path, [("lock_version", lockVersion(page)),
                                        ("not_measured_\(results[0])", "1"), ("reason_\(results[0])", "Geen afname dit jaar"),
                                        ("value_\(results[1])", "0"),
                                        ("value_\(results[2])", "")])
        #expect(page.status == 303)
        let rows = try app.database.read { c in
            try c.rows("SELECT result_id, value, not_measured_reason FROM measurements WHERE plan_id = \(Self.conceptPlan) ORDER BY result_id")
                .map { (try $0.int64(0), try $0.optionalDouble(1), try $0.optionalString(2)) }
        }
        #expect(rows.count == 2)
        #expect(rows[0].0 == results[0] && rows[0].1 == nil && rows[0].2 == "Geen afname dit jaar")
        #expect(rows[1].0 == results[1] && rows[1].1 == 0 && rows[1].2 == nil)
        page = try director.get(path)
        #expect(page.contains("niet gemeten (Geen afname dit jaar)"))
        #expect(page.contains("geen gegevens"))

        // A value together with "niet gemeten" is refused with the input kept.
        page = try director.post(path, [("lock_version", lockVersion(page)), ("value_\(results[0])", "12,5"), ("not_measured_\(results[0])", "1"),
                                        ("act_changes", "Blijft staan")])
        #expect(page.status == 422)
        #expect(page.contains("niet allebei"))
        #expect(page.contains("Blijft staan"))
    }

    @Test("realised spending is stored per source; the funding overview sums it per year over approved plans only; unknown stays NULL")
    func realisedSpending() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        let sources = try app.database.read { c in try c.rows("SELECT id FROM funding_sources ORDER BY id").map { try $0.int64(0) } }
        let path = "/plans/\(Self.conceptPlan)"
        // The project leader can fill in both parts while neither is approved.
        var page = try leader.get(path)
        page = try leader.post(path, [("lock_version", lockVersion(page)),
                                        ("planned_\(sources[0])", "€ 20.000"), ("spent_\(sources[0])", "18.765,43"),
                                        ("planned_\(sources[1])", "5.000"), ("spent_\(sources[1])", "")])
        #expect(page.status == 303)
        let rows = try app.database.read { c in
            try c.rows("SELECT funding_source_id, planned_cents, spent_cents FROM plan_spending WHERE plan_id = \(Self.conceptPlan) ORDER BY funding_source_id")
                .map { (try $0.int64(0), try $0.optionalInt64(1), try $0.optionalInt64(2)) }
        }
        #expect(rows.count == 2)
        #expect(rows[0].0 == sources[0] && rows[0].1 == 2_000_000 && rows[0].2 == 1_876_543)
        #expect(rows[1].0 == sources[1] && rows[1].1 == 500_000 && rows[1].2 == nil)

        // Amounts are parsed the Dutch way; an unreadable one is refused with the input kept.
        page = try leader.get(path)
        page = try leader.post(path, [("lock_version", lockVersion(page)), ("spent_\(sources[0])", "1234.56")])
        #expect(page.status == 422)
        #expect(page.contains("1234.56"))

        // The funding overview's sum per source and year counts approved plans only (the annual
        // report's rule), the same as summing their rows by hand.
        func byHand() throws -> [(Int64, Int64)] {
            try app.database.read { c in
                try c.rows("""
                    SELECT s.funding_source_id, SUM(s.spent_cents) FROM plan_spending s JOIN year_plans p ON p.id = s.plan_id
                    WHERE p.year = 2026 AND p.account_status = 'goedgekeurd' AND s.spent_cents IS NOT NULL
                    GROUP BY s.funding_source_id ORDER BY s.funding_source_id
                    """).map { (try $0.int64(0), try $0.int64(1)) }
            }
        }
        func check(_ sums: [(Int64, Int64)]) throws {
            let (totals, ledger) = try app.database.read { c in
                (try YearPlans.spentPerSource(year: 2026, c), try FundingSources.ledger(sources: try FundingSources.all(c), years: 2021...2028, c))
            }
            for (source, sum) in sums {
                #expect(totals.first { $0.sourceID == source }?.spentCents == sum)
                #expect(ledger.balance(source, 2026).spent == sum)
            }
            for source in sources where !sums.contains(where: { $0.0 == source }) {
                #expect(ledger.balance(source, 2026).spent == nil)  // unknown, not 0
            }
        }
        // The plan in concept: its spending is not realised yet, and its unknown figure is not counted either.
        let before = try byHand()
        let inConcept = try app.database.read { c in try YearPlans.spentPerSource(year: 2026, c) }
        let approvedUnknown = try app.database.read { c in
            try c.row("""
                SELECT COUNT(*) FROM plan_spending s JOIN year_plans p ON p.id = s.plan_id
                WHERE p.year = 2026 AND p.account_status = 'goedgekeurd' AND s.funding_source_id = \(sources[1]) AND s.spent_cents IS NULL
                """)?.int(0) ?? 0
        }
        #expect((inConcept.first { $0.sourceID == sources[1] }?.plansUnknown ?? 0) == approvedUnknown)
        try check(before)
        let everyPlan = try app.database.read { c in
            try c.row("SELECT SUM(s.spent_cents) FROM plan_spending s JOIN year_plans p ON p.id = s.plan_id WHERE p.year = 2026 AND s.funding_source_id = \(sources[0])")?.int64(0) ?? 0
        }
        #expect(everyPlan >= 1_876_543 + (before.first { $0.0 == sources[0] }?.1 ?? 0))  // the concept plan's figure is in the table, not in the sum

        // Submitted and approved: now it counts, and the unknown figure is counted apart.
        page = try director.get(path)
        let complete = try completeFields(app, Self.conceptPlan).filter { !$0.0.hasSuffix("_\(sources[0])") || !($0.0.hasPrefix("planned_") || $0.0.hasPrefix("spent_")) }
        // (A plan is only submitted with a spent figure for every planned source, so the second
        // source is no longer planned.)
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit"),
                                        ("planned_\(sources[0])", "20.000"), ("spent_\(sources[0])", "18.765,43"),
                                        ("planned_\(sources[1])", ""), ("spent_\(sources[1])", "")] + complete)
        #expect(page.status == 303)
        page = try leader.get(path)
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("decision", "approve")])
        #expect(page.status == 303)
        #expect(try plan(app, Self.conceptPlan).status == "goedgekeurd")
        // An approved jaarplan is not yet realised: only the approved verantwoording counts.
        try check(before)
        page = try director.get(path)
        page = try director.post(path, [("lock_version", lockVersion(page)), ("action", "submit_account"),
                                        ("spent_\(sources[0])", "18.765,43")] + complete)
        #expect(page.status == 303)
        page = try leader.get(path)
        page = try leader.post("\(path)/review", [("lock_version", lockVersion(page)), ("moment", "verantwoording"), ("decision", "approve")])
        #expect(page.status == 303)
        #expect(try accountStatus(app, Self.conceptPlan) == "goedgekeurd")
        let after = try byHand()
        #expect((after.first { $0.0 == sources[0] }?.1 ?? 0) == (before.first { $0.0 == sources[0] }?.1 ?? 0) + 1_876_543)
        try check(after)
    }

    @Test("a project leader approves several submitted plans at once from the list")
    func approveSeveral() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let submitted = try app.database.write { c in
            // The demo has one submitted 2026 jaarplan (IKC 2's); IKC 3's returned one is resubmitted here.
            try c.execute("UPDATE year_plans SET status = 'ingediend' WHERE ikc_id = 3 AND year = 2026")
            return try c.rows("SELECT id, lock_version FROM year_plans WHERE status = 'ingediend' AND year = 2026 ORDER BY id").map { (try $0.int64(0), try $0.int64(1)) }
        }
        #expect(submitted.count >= 2)
        let page = try leader.get("/plans?jaar=2026")
        #expect(page.contains("Aangevinkte plannen goedkeuren"))
        let picks = submitted.prefix(2).map { ("plans", "\($0.0):\($0.1)") }
        let answer = try leader.post("/plans/approve", Array(picks))
        #expect(answer.status == 303)
        for (id, _) in submitted.prefix(2) {
            #expect(try plan(app, id).status == "goedgekeurd")
            #expect(try auditActions(app, id).last == "approve")
        }
        // A stale pick approves nothing.
        let stale = try leader.post("/plans/approve", [("plans", "\(submitted[0].0):\(submitted[0].1)")])
        #expect(stale.status == 409)
    }

    @Test("opening a plan starts from the fixed agreement in force that year, with that year's targets")
    func openFromAgreement() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        _ = try leader.get("/plans/new?ikc=4&jaar=2027")
        let page = try leader.post("/plans/new", [("ikc", "4"), ("year", "2027")])
        #expect(page.status == 303)
        let (id, version, expected) = try app.database.read { c in
            let row = try c.row("SELECT id, agreement_version_id FROM year_plans WHERE ikc_id = 4 AND year = 2027")
            let expected = try YearPlans.versionInForce(ikcID: 4, year: 2027, c)?.versionID
            return (try row?.int64(0), try row?.optionalInt64(1), expected)
        }
        #expect(id != nil && version == expected && version != nil)
        #expect(page.location == "/plans/\(id ?? 0)?saved=geopend")
        let shown = try leader.get("/plans/\(id ?? 0)")
        #expect(shown.contains("Deelname VVE-peuters"))
        #expect(shown.contains("Doel dit jaar"))
        // IKC 5's agreement is still a concept: no plan can be opened from it.
        _ = try leader.get("/plans/new")
        let refused = try leader.post("/plans/new", [("ikc", "5"), ("year", "2025")])
        #expect(refused.status == 422)
        #expect(refused.contains("geen vastgestelde resultaatafspraak"))
    }

    @Test("results that stayed behind last year appear at the top of this year's plan with last year's Act text")
    func carryOver() throws {
        let app = try TestApp()
        try app.database.write { c in
            // Plan 4 is IKC 1's approved 2025 plan; its first result (higher is better) far behind.
            let result = try c.row("SELECT result_id FROM measurements WHERE plan_id = 4 ORDER BY result_id LIMIT 1")?.int64(0) ?? 0
            try c.execute("UPDATE measurements SET value = 1, not_measured_reason = NULL WHERE plan_id = 4 AND result_id = \(result)")
            try c.execute("UPDATE year_plans SET act_changes = 'Meer huisbezoeken door de jeugdondersteuner VVE.' WHERE id = 4")
        }
        let director = try app.browser(loggedInAs: .directeur)
        let page = try director.get("/plans/\(Self.conceptPlan)")
        #expect(page.contains("Achtergebleven in 2025-2026"))
        #expect(page.contains("Meer huisbezoeken door de jeugdondersteuner VVE."))
        let carry = page.text.range(of: "Achtergebleven in")?.lowerBound
        let planSection = page.text.range(of: "id=\"plan\"")?.lowerBound
        #expect(carry != nil && planSection != nil && carry! < planSection!)
    }

    @Test("project leaders set deadlines; late plans are flagged and directors are reminded")
    func deadlines() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        var page = try leader.get("/plans/deadlines")
        #expect(page.status == 200)
        page = try leader.post("/plans/deadlines", [("due_2025", "01-10-2025"), ("grace_2025", "14"),
                                                    ("account_due_2025", "01-10-2026"), ("account_grace_2025", "7")])
        #expect(page.status == 303)
        let stored = try app.database.read { try PlanDeadlines.find(year: 2025, $0) }
        #expect(stored == PlanDeadline(year: 2025, dueOn: Day(year: 2025, month: 10, day: 1)!, graceDays: 14,
                                       accountDueOn: Day(year: 2026, month: 10, day: 1)!, accountGraceDays: 7))
        let audit = try app.database.read { try $0.row("SELECT new_values FROM audit_log WHERE record_type = 'plan_deadline' AND record_id = 2025 ORDER BY id DESC")?.string(0) }
        #expect(audit?.contains("account_grace_days") == true)

        // Not a date, or outside its year: 422 with the Dutch message and the typed value kept; nothing stored.
        page = try leader.post("/plans/deadlines", [("due_2025", "31-02-2026"), ("grace_2025", "-1")])
        #expect(page.status == 422)
        #expect(page.contains("Vul de inleverdatum van het jaarplan 2025-2026 in als dd-mm-jjjj."))
        #expect(page.contains("value=\"31-02-2026\""))
        page = try leader.post("/plans/deadlines", [("due_2025", "01-10-2026"), ("grace_2025", "14"),
                                                    ("account_due_2025", "01-10-2025"), ("account_grace_2025", "7")])
        #expect(page.status == 422)
        #expect(page.contains("De inleverdatum van het jaarplan 2025-2026 moet in 2025-2026 liggen."))
        #expect(page.contains("De inleverdatum van de verantwoording 2025-2026 moet in 2026-2027 liggen."))
        #expect(page.contains("value=\"01-10-2026\""))
        #expect(try app.database.read { try PlanDeadlines.find(year: 2025, $0) } == stored)

        // Today (after 15-10-2026) IKC 1's 2026 jaarplan is still a concept: late; a missing plan is late too.
        let today = Day(year: 2026, month: 11, day: 23)!
        try app.database.write { try $0.execute("DELETE FROM year_plans WHERE ikc_id = 4 AND year = 2026") }
        let late = try app.database.read { try PlanReminders.late(today: today, $0) }
        #expect(late.contains { $0.ikcID == 1 && $0.year == 2026 && $0.planID == Self.conceptPlan && $0.moment == .jaarplan })
        #expect(late.contains { $0.ikcID == 4 && $0.year == 2026 && $0.planID == nil })
        #expect(!late.contains { $0.status == .goedgekeurd })
        #expect(!late.contains { $0.ikcID == 2 && $0.year == 2025 })  // the verantwoording submitted in time

        // The director of IKC 1 (2026 in concept) is reminded from 21 days before the due date.
        let before22 = try app.database.read { try PlanReminders.forDirector(ikcIDs: [1], today: Day(year: 2026, month: 9, day: 9)!, $0) }
        #expect(!before22.contains { $0.year == 2026 })
        let before21 = try app.database.read { try PlanReminders.forDirector(ikcIDs: [1], today: Day(year: 2026, month: 9, day: 10)!, $0) }
        #expect(before21.first { $0.year == 2026 }?.reminder == .upcoming(daysLeft: 21))
        let before7 = try app.database.read { try PlanReminders.forDirector(ikcIDs: [1], today: Day(year: 2026, month: 9, day: 24)!, $0) }
        #expect(before7.first { $0.year == 2026 }?.reminder == .soon(daysLeft: 7))
    }

    @Test("a save over a newer version is refused with 409 and writes nothing")
    func staleSave() throws {
        let app = try TestApp()
        let director = try app.browser(loggedInAs: .directeur)
        let leader = try app.browser(loggedInAs: .projectleider)
        let path = "/plans/\(Self.conceptPlan)"
        let old = try director.get(path)
        var page = try leader.get(path)
        page = try leader.post(path, [("lock_version", lockVersion(page)), ("intention", "Van de projectleider")])
        #expect(page.status == 303)
        page = try director.post(path, [("lock_version", lockVersion(old)), ("intention", "Van de directeur")])
        #expect(page.status == 409)
        #expect(try plan(app, Self.conceptPlan).intention == "Van de projectleider")
    }
}
