import Domain
import SQLite

/// The deadline reminders (issues 20 and 16): 21 and 7 days before a due date and on the first
/// day late, to the directors of each IKC whose jaarplan or verantwoording is not submitted;
/// each moment has its own due date (`plan_deadlines.due_on` / `account_due_on`). Each (IKC,
/// year, kind, moment) is recorded in `reminders_sent` (kind `plan_deadline` for the jaarplan,
/// `account_deadline` for the verantwoording) in the same transaction as the messages, so the job
/// can run as often as it likes, and after a restart, and still mails each reminder once.
/// The same selection as the home page's reminders: Plus IKCs with an agreement in force for the
/// year or with a plan.
public enum DeadlineReminders {
    /// The `reminders_sent.kind` of the jaarplan's reminders; the verantwoording's is `accountKind`.
    public static let kind = "plan_deadline"
    public static let accountKind = "account_deadline"

    static func kind(_ part: YearPlan.Moment) -> String { part == .jaarplan ? kind : accountKind }

    public struct Due: Sendable, Equatable {
        public var ikcID: Int64
        public var ikcName: String
        public var year: Int
        public var planID: Int64?
        public var deadline: PlanDeadline
        public var moment: MailTexts.ReminderMoment
        /// The jaarplan or the verantwoording; `deadline` is that moment's own.
        public var part: YearPlan.Moment = .jaarplan
    }

    /// The reminders due on `today` that were not written yet.
    public static func due(today: Day, _ c: Connection) throws -> [Due] {
        var out: [Due] = []
        for deadline in try PlanDeadlines.all(c) {
            for part in YearPlan.Moment.allCases {
                guard let own = deadline.moment(part), let moment = MailTexts.ReminderMoment.due(today: today, dueOn: own.dueOn) else { continue }
                out += try due(year: deadline.year, part: part, deadline: own, moment: moment, c)
            }
        }
        return out
    }

    /// The IKCs whose `part` of `year` is not submitted and not yet reminded of at `moment`.
    static func due(year: Int, part: YearPlan.Moment, deadline: PlanDeadline, moment: MailTexts.ReminderMoment, _ c: Connection) throws -> [Due] {
        let rows = try c.rows("""
            SELECT i.id, i.name, p.id, p.status, p.account_status
            FROM ikcs i LEFT JOIN year_plans p ON p.ikc_id = i.id AND p.year = \(year)
            WHERE (i.kind IN (SELECT code FROM ikc_kinds WHERE in_programme = 1) OR p.id IS NOT NULL)
              AND (p.id IS NOT NULL OR EXISTS (SELECT 1 FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                    WHERE a.ikc_id = i.id AND a.first_year <= \(year) AND a.last_year >= \(year) AND v.status = 'vastgesteld'))
              AND NOT EXISTS (SELECT 1 FROM reminders_sent r
                    WHERE r.ikc_id = i.id AND r.year = \(year) AND r.kind = \(kind(part)) AND r.moment = \(moment.rawValue))
            ORDER BY i.id
            """)
        var out: [Due] = []
        for row in rows {
            let status = try row.optionalString(part == .jaarplan ? 3 : 4).flatMap(YearPlan.Status.init(rawValue:))
            if let status, status.isSubmitted { continue }
            out.append(Due(ikcID: try row.int64(0), ikcName: try row.string(1), year: year, planID: try row.optionalInt64(2),
                           deadline: deadline, moment: moment, part: part))
        }
        return out
    }

    /// Writes the reminders due on `today` to the outbox, each once; returns how many messages.
    /// `link` gives the absolute link to the plan (or the plans page when there is none yet).
    @discardableResult
    public static func run(today: Day, link: (_ ikcID: Int64, _ year: Int, _ planID: Int64?) -> String, in store: DataStore) throws -> Int {
        guard !(try store.read { try due(today: today, $0) }).isEmpty else { return 0 }
        return try store.write { c -> Int in
            let programme = try store.programme(c)
            var count = 0
            for item in try due(today: today, c) {
                try c.execute("""
                    INSERT OR IGNORE INTO reminders_sent (ikc_id, year, plan_id, kind, moment, sent_on)
                    VALUES (\(item.ikcID), \(item.year), \(item.planID), \(kind(item.part)), \(item.moment.rawValue), \(today.iso))
                    """)
                guard c.changes == 1 else { continue }
                let directors = try c.rows("""
                    SELECT u.id, u.name, u.email FROM users u JOIN user_ikcs ui ON ui.user_id = u.id
                    WHERE ui.ikc_id = \(item.ikcID) AND u.role = 'directeur' AND u.active = 1 AND u.mail_reminders = 1
                    ORDER BY u.id
                    """)
                for director in directors {
                    let text = MailTexts.reminder(name: try director.string(1), ikcName: item.ikcName, yearLabel: programme.yearLabel(item.year),
                                                  dueOn: item.deadline.dueOn, lastDay: item.deadline.lastDay, today: today,
                                                  moment: item.moment, part: item.part, link: link(item.ikcID, item.year, item.planID))
                    try Outbox.enqueue(to: try director.string(2), name: try director.string(1), userID: try director.int64(0), kind: .reminder,
                                       subject: text.subject, body: text.body, autoSubmitted: true, c)
                    count += 1
                }
            }
            return count
        }
    }
}

/// A user's own mail settings.
public enum MailPreferences {
    public static func remindersOn(userID: Int64, _ c: Connection) throws -> Bool {
        try c.row("SELECT mail_reminders FROM users WHERE id = \(userID)")?.bool(0) ?? false
    }

    /// Turns the deadline reminders of the user's own account on or off, with an audit row.
    public static func setReminders(userID: Int64, on: Bool, in store: DataStore) throws {
        try store.write { c in
            try c.execute("UPDATE users SET mail_reminders = \(on) WHERE id = \(userID)")
            try AuditLog.record(userID: userID, action: "update", recordType: "user", recordID: userID,
                                summary: on ? "Herinneringen per e-mail aangezet" : "Herinneringen per e-mail uitgezet",
                                newValues: AuditLog.json([("mail_reminders", on ? "1" : "0")]), c)
        }
    }
}
