import App
import Domain
import Foundation
import Mail
import SQLite
import Store
import Testing
import TestSupport

/// The workflow events' messages (`MailEvents`), called as the Store verbs will call them: in
/// the event's own transaction. The plan verbs on this branch are not hooked yet (issue 15).
@Suite("Messages of the workflow events")
struct MailEventTests {
    static func newPlan(_ room: Mailroom) throws -> Int64 {
        try room.app.database.write { c in
            try c.execute("INSERT INTO year_plans (ikc_id, year, status, created_at) VALUES (1, 2026, 'concept', '2027-08-01T10:00:00Z')")
            return c.lastInsertRowID
        }
    }

    @Test("a plan submitted and then returned produce exactly two messages: the project leader's and the director's with the reason")
    func submittedAndReturned() throws {
        let room = try Mailroom()
        let id = try Self.newPlan(room)
        let link = "https://plusikc.gemeente.example/plans/\(id)"
        try room.app.database.write { c in
            try YearPlans.submit(id: id, expectedVersion: 1, c)
            #expect(try MailEvents.planSubmitted(planID: id, link: link, c) == 1)
        }
        try room.app.database.write { c in
            try YearPlans.giveBack(id: id, expectedVersion: 2, reviewerID: nil, reason: "Vul de Check in.\r\nBcc: x@y", snapshot: "{}", c)
            #expect(try MailEvents.planReturned(planID: id, link: link, c) == 1)
        }
        #expect(try room.sender.deliverDue() == 2)
        let mails = room.sink.received
        #expect(mails.count == 2)
        #expect(mails[0].recipients == [room.app.account(.projectleider).email])
        #expect(mails[0].header("Subject")?.contains("ingediend") == true)
        #expect(mails[1].recipients == [room.app.account(.directeur).email])
        #expect(mails[1].header("Subject")?.contains("teruggestuurd") == true)
        #expect(mails[1].header("Bcc") == nil)
        let body = decodeQuotedPrintable(mails[1].data)
        #expect(body.contains("Vul de Check in."))
        #expect(body.contains(link))
    }

    @Test("a rolled-back event leaves no message behind")
    func rolledBack() throws {
        let room = try Mailroom()
        let id = try Self.newPlan(room)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try room.app.database.write { c in
                try YearPlans.submit(id: id, expectedVersion: 1, c)
                try MailEvents.planSubmitted(planID: id, link: "https://x.example/plans/\(id)", c)
                throw Abort()
            }
        }
        #expect(try room.count("SELECT count(*) FROM outbox") == 0)
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
