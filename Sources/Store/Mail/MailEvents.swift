import Domain
import SQLite

/// The messages of the workflow events, each written with `Outbox.enqueue` in the caller's
/// transaction: the Store verb of the event calls one of these after its own write, so the
/// message exists exactly when the event was committed. `link` is the absolute link to the
/// record (App builds it from `AppConfiguration.link`). Returns how many messages were written.
public enum MailEvents {
    /// A plan submitted: to every active project leader.
    @discardableResult
    public static func planSubmitted(planID: Int64, link: String, _ c: Connection) throws -> Int {
        guard let plan = try plan(planID, c) else { return 0 }
        return try send(to: users(role: .projectleider, c), kind: .planSubmitted, c) { name in
            MailTexts.planSubmitted(name: name, ikcName: plan.ikcName, yearLabel: plan.yearLabel, link: link)
        }
    }

    /// A plan returned, with its reason: to the IKC's active directors.
    @discardableResult
    public static func planReturned(planID: Int64, link: String, _ c: Connection) throws -> Int {
        guard let plan = try plan(planID, c) else { return 0 }
        return try send(to: directors(ikcID: plan.ikcID, c), kind: .planReturned, c) { name in
            MailTexts.planReturned(name: name, ikcName: plan.ikcName, yearLabel: plan.yearLabel, reason: plan.returnReason, link: link)
        }
    }

    /// A plan approved: to the IKC's active directors.
    @discardableResult
    public static func planApproved(planID: Int64, link: String, _ c: Connection) throws -> Int {
        guard let plan = try plan(planID, c) else { return 0 }
        return try send(to: directors(ikcID: plan.ikcID, c), kind: .planApproved, c) { name in
            MailTexts.planApproved(name: name, ikcName: plan.ikcName, yearLabel: plan.yearLabel, link: link)
        }
    }

    /// A plan reopened: to the IKC's active directors.
    @discardableResult
    public static func planReopened(planID: Int64, link: String, _ c: Connection) throws -> Int {
        guard let plan = try plan(planID, c) else { return 0 }
        return try send(to: directors(ikcID: plan.ikcID, c), kind: .planReopened, c) { name in
            MailTexts.planReopened(name: name, ikcName: plan.ikcName, yearLabel: plan.yearLabel, link: link)
        }
    }

    /// An agreement version ter ondertekening: to the IKC's active directors. (Signatories of
    /// the other parties have no account link in the schema yet: see the issue 20 report.)
    @discardableResult
    public static func agreementToSign(versionID: Int64, link: String, _ c: Connection) throws -> Int {
        guard let row = try c.row("""
            SELECT a.ikc_id, i.name, a.first_year, a.last_year FROM agreement_versions v
            JOIN agreements a ON a.id = v.agreement_id JOIN ikcs i ON i.id = a.ikc_id WHERE v.id = \(versionID)
            """) else { return 0 }
        let ikcName = try row.string(1), firstYear = try row.int(2), lastYear = try row.int(3)
        let period = "\(firstYear)–\(lastYear)"
        return try send(to: directors(ikcID: try row.int64(0), c), kind: .agreementToSign, c) { name in
            MailTexts.agreementToSign(name: name, ikcName: ikcName, period: period, link: link)
        }
    }

    /// A report published: to every active member of the Ontwikkelgroep.
    @discardableResult
    public static func reportPublished(reportID: Int64, link: String, _ c: Connection) throws -> Int {
        guard let row = try c.row("SELECT year, edition FROM reports WHERE id = \(reportID)") else { return 0 }
        let year = try row.int(0), edition = try row.int(1)
        let label = try ProgrammeSettings.programme(c).yearLabel(year)
        let title = "jaarrapportage \(label)" + (edition > 1 ? " (editie \(edition))" : "")
        return try send(to: users(role: .ontwikkelgroep, c), kind: .reportPublished, c) { name in
            MailTexts.reportPublished(name: name, title: title, link: link)
        }
    }

    // MARK: - Shared

    struct PlanFacts {
        var ikcID: Int64
        var ikcName: String
        var yearLabel: String
        var returnReason: String
    }

    static func plan(_ id: Int64, _ c: Connection) throws -> PlanFacts? {
        guard let row = try c.row("""
            SELECT p.ikc_id, i.name, p.year, p.return_reason FROM year_plans p JOIN ikcs i ON i.id = p.ikc_id WHERE p.id = \(id)
            """) else { return nil }
        let year = try row.int(2)
        let label = try ProgrammeSettings.programme(c).yearLabel(year)
        return PlanFacts(ikcID: try row.int64(0), ikcName: try row.string(1), yearLabel: label, returnReason: try row.string(3))
    }

    typealias Recipient = (id: Int64, name: String, email: String)

    static func users(role: Role, _ c: Connection) throws -> [Recipient] {
        try c.rows("SELECT id, name, email FROM users WHERE role = \(role.rawValue) AND active = 1 ORDER BY id").map {
            (try $0.int64(0), try $0.string(1), try $0.string(2))
        }
    }

    static func directors(ikcID: Int64, _ c: Connection) throws -> [Recipient] {
        try c.rows("""
            SELECT u.id, u.name, u.email FROM users u JOIN user_ikcs ui ON ui.user_id = u.id
            WHERE ui.ikc_id = \(ikcID) AND u.role = 'directeur' AND u.active = 1 ORDER BY u.id
            """).map { (try $0.int64(0), try $0.string(1), try $0.string(2)) }
    }

    static func send(to recipients: [Recipient], kind: MailKind, _ c: Connection, text: (String) -> MailTexts.Text) throws -> Int {
        for recipient in recipients {
            let message = text(recipient.name)
            try Outbox.enqueue(to: recipient.email, name: recipient.name, userID: recipient.id, kind: kind,
                               subject: message.subject, body: message.body, c)
        }
        return recipients.count
    }
}
