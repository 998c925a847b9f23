import App
import Domain
import Foundation
import Mail
import SQLite
import Store
import Testing
import TestSupport

@Suite("Deadline reminders by e-mail")
struct MailReminderTests {
    /// The 2026 plans are due on 1 October 2027 (14 days' grace, as in the demo).
    static let due = Day(year: 2027, month: 10, day: 1) ?? Day(ordinal: 0)

    static func room() throws -> Mailroom {
        let room = try Mailroom()
        try room.app.database.write { c in
            // Only this year's deadline, so that no other year's falls on the same days.
            try c.execute("DELETE FROM plan_deadlines WHERE year <> 2026")
            try c.execute("INSERT OR REPLACE INTO plan_deadlines (year, due_on, grace_days) VALUES (2026, \(due.iso), 14)")
        }
        return room
    }

    static func reminders(_ room: Mailroom) throws -> [String] {
        let email = room.app.account(.directeur).email
        return try room.app.database.read { c in
            try c.rows("SELECT subject FROM outbox WHERE kind = 'reminder' AND to_address = \(email) ORDER BY id").map { try $0.string(0) }
        }
    }

    @Test("22 days before nothing; 21 and 7 days before and the day after the due date one reminder each, once, also when the job runs twice")
    func boundaries() throws {
        let room = try Self.room()
        var expected = 0
        for (offset, fires) in [(-22, false), (-21, true), (-8, false), (-7, true), (0, false), (1, true), (2, false)] {
            let day = Self.due.addingDays(offset)
            try room.sender.runReminders(today: day)
            try room.sender.runReminders(today: day)
            if fires { expected += 1 }
            #expect(try Self.reminders(room).count == expected, "on \(day.iso) (\(offset) days)")
        }
        let subjects = try Self.reminders(room)
        #expect(subjects[0].contains("uiterlijk 01-10-2027"))
        #expect(subjects[2].contains("nog niet ingediend"))
        // Each moment is recorded once per plan, in the same transaction as its messages.
        #expect(try room.count("SELECT count(*) FROM reminders_sent WHERE ikc_id = 1 AND year = 2026") == 3)
    }

    @Test("a restarted server (a new sender) does not remind again, and a day missed is caught up once")
    func acrossRestarts() throws {
        let room = try Self.room()
        try room.sender.runReminders(today: Self.due.addingDays(-15))
        #expect(try Self.reminders(room).count == 1)
        let restarted = try MailSender(application: room.app.application, transport: FileTransport(directory: "/nonexistent"))
        try restarted.runReminders(today: Self.due.addingDays(-15))
        try restarted.runReminders(today: Self.due.addingDays(-9))
        #expect(try Self.reminders(room).count == 1)
        try restarted.runReminders(today: Self.due.addingDays(-3))
        #expect(try Self.reminders(room).count == 2)
    }

    @Test("a submitted plan gets no reminder")
    func submittedPlan() throws {
        let room = try Self.room()
        try room.app.database.write { c in
            try c.execute("UPDATE year_plans SET status = 'ingediend', submitted_at = '2027-09-01T10:00:00Z' WHERE ikc_id = 1 AND year = 2026")
        }
        try room.sender.runReminders(today: Self.due.addingDays(-7))
        #expect(try Self.reminders(room).isEmpty)
    }

    @Test("the verantwoording is reminded before its own deadline, apart from the jaarplan's, and not once it is submitted")
    func verantwoordingReminders() throws {
        let room = try Mailroom()
        let jaarplanDue = Day(year: 2026, month: 10, day: 1)!
        try room.app.database.write { c in
            try c.execute("DELETE FROM plan_deadlines WHERE year <> 2026")
            try c.execute("""
                UPDATE plan_deadlines SET due_on = \(jaarplanDue.iso), grace_days = 14, account_due_on = \(Self.due.iso), account_grace_days = 7
                WHERE year = 2026
                """)
            try c.execute("UPDATE year_plans SET status = 'goedgekeurd', account_status = 'concept' WHERE ikc_id = 1 AND year = 2026")
        }
        // 21 days before the verantwoording's due date: one reminder about the verantwoording.
        try room.sender.runReminders(today: Self.due.addingDays(-21))
        try room.sender.runReminders(today: Self.due.addingDays(-21))
        var subjects = try Self.reminders(room)
        #expect(subjects == ["Herinnering: verantwoording 2026-2027 van OBS Montessori/Eestroom uiterlijk 01-10-2027"])
        #expect(try room.count("SELECT count(*) FROM reminders_sent WHERE ikc_id = 1 AND year = 2026 AND kind = 'account_deadline'") == 1)
        // The jaarplan, approved, is not reminded of; its due date long past sends nothing either.
        #expect(try room.count("SELECT count(*) FROM reminders_sent WHERE kind = 'plan_deadline'") == 0)
        // Once the verantwoording is submitted, the week-before reminder does not come.
        try room.app.database.write { try $0.execute("UPDATE year_plans SET account_status = 'ingediend' WHERE ikc_id = 1 AND year = 2026") }
        try room.sender.runReminders(today: Self.due.addingDays(-7))
        subjects = try Self.reminders(room)
        #expect(subjects.count == 1)
        // Not submitted: the first day late says so, for the verantwoording.
        try room.app.database.write { try $0.execute("UPDATE year_plans SET account_status = 'teruggestuurd' WHERE ikc_id = 1 AND year = 2026") }
        try room.sender.runReminders(today: Self.due.addingDays(1))
        subjects = try Self.reminders(room)
        #expect(subjects.last == "Verantwoording 2026-2027 van OBS Montessori/Eestroom is nog niet ingediend")
    }

    @Test("reminders are sent with Auto-Submitted and a link to the plans; a director who turned them off gets none")
    func autoSubmittedAndOptOut() throws {
        let room = try Self.room()
        try room.sender.runReminders(today: Self.due.addingDays(-21))
        #expect(try room.sender.deliverDue() >= 1)
        let email = room.app.account(.directeur).email
        let mail = try #require(room.sink.received.first { $0.recipients == [email] })
        #expect(mail.header("Auto-Submitted") == "auto-generated")
        #expect(decodeQuotedPrintable(mail.data).contains("https://plusikc.gemeente.example/plans"))

        let director = try room.app.browser(loggedInAs: .directeur)
        let form = try director.get("/account/mail")
        #expect(form.status == 200)
        #expect(form.contains("checked"))
        #expect(try director.post("/account/mail", []).status == 303)
        #expect(try !director.get("/account/mail").contains("checked"))
        try room.sender.runReminders(today: Self.due.addingDays(-7))
        #expect(try Self.reminders(room).count == 1)
        // Turned off after a reminder was written: it is not sent either.
        #expect(try director.post("/account/mail", [("reminders", "1")]).status == 303)
        try room.sender.runReminders(today: Self.due.addingDays(1))
        #expect(try Self.reminders(room).count == 2)
        #expect(try director.post("/account/mail", []).status == 303)
        let before = room.sink.received.count
        try room.sender.deliverDue()
        #expect(room.sink.received.filter { $0.recipients == [email] }.count == 1)
        #expect(room.sink.received.count == before)
        #expect(try room.count("SELECT count(*) FROM outbox WHERE kind = 'reminder' AND state = 'failed' AND last_error LIKE '%Herinneringen staan uit%'") == 1)
    }
}
