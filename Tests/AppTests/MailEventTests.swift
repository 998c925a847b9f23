import App
import Domain
import Foundation
import Mail
import SQLite
import Store
import Testing
import TestSupport

/// The workflow events' messages (`MailEvents`), written by the Store verbs in the event's own
/// transaction when the handler passes the link.
@Suite("Messages of the workflow events")
struct MailEventTests {
    static func newPlan(_ room: Mailroom) throws -> Int64 {
        try room.app.database.write { c in
            try c.execute("INSERT INTO year_plans (ikc_id, year, status, created_at) VALUES (1, 2027, 'concept', '2027-08-01T10:00:00Z')")
            return c.lastInsertRowID
        }
    }

    static func userID(_ room: Mailroom, _ role: Role) throws -> Int64 {
        let email = room.app.account(role).email
        return try room.app.database.read { try $0.row("SELECT id FROM users WHERE email = \(email)")?.int64(0) ?? 0 }
    }

    static func plan(_ room: Mailroom, _ id: Int64) throws -> YearPlan {
        guard let plan = try room.app.database.read({ try YearPlans.find(id: id, $0) }) else { throw StoreError.notFound(record: "year_plan", id: id) }
        return plan
    }

    @Test("a plan submitted and then returned produce exactly two messages: the project leader's and the director's with the reason")
    func submittedAndReturned() throws {
        let room = try Mailroom()
        let store = room.app.application.store
        let id = try Self.newPlan(room)
        let link = "https://plusikc.gemeente.example/plans/\(id)"
        let director = room.app.account(.directeur), leader = room.app.account(.projectleider)
        let plan = try Self.plan(room, id)
        try YearPlans.save(plan, expected: plan.lockVersion, content: plan.content, note: nil, submit: true, mailLink: link,
                           by: try Self.userID(room, .directeur), in: store)
        let submitted = try Self.plan(room, id)
        try YearPlans.giveBack(submitted, expected: submitted.lockVersion, reason: "Vul de Check in.\r\nBcc: x@y", mailLink: link,
                               by: try Self.userID(room, .projectleider), in: store)
        #expect(try room.sender.deliverDue() == 2)
        let mails = room.sink.received
        #expect(mails.count == 2)
        #expect(mails[0].recipients == [leader.email])
        #expect(mails[0].header("Subject")?.contains("ingediend") == true)
        #expect(mails[1].recipients == [director.email])
        #expect(mails[1].header("Subject")?.contains("teruggestuurd") == true)
        #expect(mails[1].header("Bcc") == nil)
        let body = decodeQuotedPrintable(mails[1].data)
        #expect(body.contains("Vul de Check in."))
        #expect(body.contains(link))
    }

    @Test("a refused event leaves no message behind")
    func refused() throws {
        let room = try Mailroom()
        let id = try Self.newPlan(room)
        let plan = try Self.plan(room, id)
        // A stale version: the verb refuses, and its transaction (with the message) rolls back.
        #expect(throws: StoreError.self) {
            try YearPlans.save(plan, expected: plan.lockVersion + 5, content: plan.content, note: nil, submit: true,
                               mailLink: "https://x.example/plans/\(id)", by: try Self.userID(room, .directeur), in: room.app.application.store)
        }
        #expect(try room.count("SELECT count(*) FROM outbox") == 0)
    }

    @Test("approving a submitted plan through the review form mails the director the plan's public link")
    func approvedThroughTheForm() throws {
        let room = try Mailroom()
        let id = try Self.newPlan(room)
        let plan = try Self.plan(room, id)
        try YearPlans.save(plan, expected: plan.lockVersion, content: plan.content, note: nil, submit: true,
                           by: try Self.userID(room, .directeur), in: room.app.application.store)
        let browser = try room.app.browser(loggedInAs: .projectleider)
        try browser.get("/plans/\(id)")
        let submitted = try Self.plan(room, id)
        let answer = try browser.post("/plans/\(id)/review", [("lock_version", "\(submitted.lockVersion)"), (YearPlan.ReviewDecision.field, YearPlan.ReviewDecision.approve.rawValue)])
        #expect(answer.status == 303)
        let rows = try room.app.database.read { c in
            try c.rows("SELECT kind, to_address, body FROM outbox ORDER BY id").map { (try $0.string(0), try $0.string(1), try $0.string(2)) }
        }
        #expect(rows.count == 1)
        #expect(rows.first?.0 == "plan_approved")
        #expect(rows.first?.1 == room.app.account(.directeur).email)
        #expect(rows.first?.2.contains("https://plusikc.gemeente.example/plans/\(id)") == true)
    }

    @Test("approved, reopened, ter ondertekening and a published report reach the right people")
    func otherEvents() throws {
        let room = try Mailroom()
        let id = try Self.newPlan(room)
        let (version, report) = try room.app.database.write { c -> (Int64, Int64) in
            try c.execute("INSERT INTO reports (year, edition, status) VALUES (2025, 9, 'published')")
            let report = c.lastInsertRowID
            let version = try c.row("SELECT v.id FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id WHERE a.ikc_id = 1 LIMIT 1")?.int64(0) ?? 0
            #expect(try MailEvents.planApproved(planID: id, link: "https://x.example/p", c) == 1)
            #expect(try MailEvents.planReopened(planID: id, link: "https://x.example/p", c) == 1)
            #expect(try MailEvents.agreementToSign(versionID: version, link: "https://x.example/a", c) == 1)
            #expect(try MailEvents.reportPublished(reportID: report, link: "https://x.example/r", c) == 1)
            return (version, report)
        }
        #expect(version > 0 && report > 0)
        let kinds = try room.app.database.read { c in
            try c.rows("SELECT kind, to_address FROM outbox ORDER BY id").map { "\(try $0.string(0)) \(try $0.string(1))" }
        }
        let director = room.app.account(.directeur).email, og = room.app.account(.ontwikkelgroep).email
        #expect(kinds == ["plan_approved \(director)", "plan_reopened \(director)", "agreement_to_sign \(director)", "report_published \(og)"])
    }
}
