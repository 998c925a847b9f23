import Domain
import SQLite

/// Why a year plan verb refused, when the plan is in the wrong state for it.
public enum YearPlanError: Error, Equatable, Sendable {
    /// A plan picked for approval is not (or no longer) submitted; nothing was approved.
    case notSubmitted(year: Int, ikcName: String)
    /// A correction was to be approved again, but the moment is no longer with the director.
    case notReturned(moment: YearPlan.Moment, status: YearPlan.Status)
}

/// The verbs of the PDCA cycle (issue 9): each one transaction that claims the plan's version,
/// changes it and writes the audit row.
extension YearPlans {
    /// Opens a plan for `ikc` in `year` from the agreement version in force; returns its id.
    /// - Throws: `StoreError.duplicate(field: "year")` when the IKC has a plan for that year.
    public static func open(ikc: (id: Int64, name: String), year: Int, version: VersionInForce, by actor: Int64,
                            in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let yearLabel = try store.programme(c).yearLabel(year)
            let id = try open(ikcID: ikc.id, year: year, versionID: version.versionID, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "year_plan", recordID: id,
                                summary: "Jaarplan \(yearLabel) van \(ikc.name) geopend vanuit afspraakversie \(version.number)",
                                newValues: AuditLog.json([("ikc", String(ikc.id)), ("year", String(year)),
                                                          ("agreement_version", String(version.versionID)), ("status", "concept")]), c)
            return id
        }
    }

    /// Saves `plan` (as loaded at version `expected`) with new content, adds a Do note when there
    /// is one, and hands the jaarplan in when `submit` says so. Returns whether it was submitted.
    /// `mailLink`, the plan's absolute address, puts the "submitted" message to the project
    /// leaders in the outbox in the same transaction.
    @discardableResult
    public static func save(_ plan: YearPlan, expected: Int64, content: YearPlanContent, note: (day: Day, text: String)?, submit: Bool,
                            mailLink: String? = nil, by actor: Int64, in store: DataStore) throws -> Bool {
        try save(plan, expected: expected, content: content, note: note, submitting: submit ? .jaarplan : nil, mailLink: mailLink,
                 by: actor, in: store)
    }

    /// Saves `plan` (as loaded at version `expected`) with new content, adds a Do note when there
    /// is one, and hands `submitting` in when given (the caller checked that it may and that
    /// nothing is missing). Returns whether a moment was submitted.
    /// - Throws: `StoreError.staleVersion` when the plan changed since the form was loaded.
    /// `corrected` (YearPlanRules.corrected) are the moments a project leader corrects directly:
    /// the audit row says "gecorrigeerd door projectleider". `approving` approves that corrected
    /// moment again in the same transaction (from teruggestuurd; the caller checked it may).
    /// - Throws: `YearPlanError.notReturned` when `approving` is no longer with the director.
    @discardableResult
    public static func save(_ plan: YearPlan, expected: Int64, content: YearPlanContent, note: (day: Day, text: String)?,
                            submitting: YearPlan.Moment?, corrected: [YearPlan.Moment] = [], approving: YearPlan.Moment? = nil,
                            mailLink: String? = nil, by actor: Int64, in store: DataStore) throws -> Bool {
        try store.write { c -> Bool in
            let yearLabel = try store.programme(c).yearLabel(plan.year)
            try save(id: plan.id, expectedVersion: expected, content: content, c)
            let old = plan.content.flattened, new = content.flattened
            let keys = Set(old.keys).union(new.keys).sorted()
            if let diff = AuditLog.diff(keys.map { ($0, old[$0], new[$0]) }) {
                let correction = corrected.map { "\($0.auditWord) \(yearLabel) van \(plan.ikcName) gecorrigeerd door projectleider" }
                try AuditLog.record(userID: actor, action: corrected.isEmpty ? "update" : "correct", recordType: "year_plan", recordID: plan.id,
                                    summary: corrected.isEmpty ? "Jaarplan \(yearLabel) van \(plan.ikcName) opgeslagen" : correction.joined(separator: "; "),
                                    oldValues: diff.old, newValues: diff.new, c)
            }
            if let moment = approving {
                // Approved again straight from the correction; the save above moved the version on by one.
                try claim(.yearPlans, id: plan.id, expected: expected + 1, c)
                guard try markApproved(moment, id: plan.id, reviewer: actor, from: .teruggestuurd, c) else {
                    throw YearPlanError.notReturned(moment: moment, status: plan.state(moment).status)
                }
                try AuditLog.record(userID: actor, action: "approve", recordType: "year_plan", recordID: plan.id,
                                    summary: "\(moment.auditWord) \(yearLabel) van \(plan.ikcName) na correctie door de projectleider opnieuw goedgekeurd",
                                    oldValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.teruggestuurd.rawValue)]),
                                    newValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.goedgekeurd.rawValue)]), c)
            }
            if let note {
                try addNote(planID: plan.id, on: note.day, text: note.text, authorID: actor, c)
                try AuditLog.record(userID: actor, action: "note", recordType: "year_plan", recordID: plan.id,
                                    summary: "Voortgangsnotitie van \(note.day.dutch) toegevoegd",
                                    newValues: AuditLog.json([("noted_on", note.day.iso), ("text", note.text)]), c)
            }
            guard let moment = submitting else { return false }
            // The save above moved the version on by one.
            try claim(.yearPlans, id: plan.id, expected: expected + 1, c)
            guard try markSubmitted(moment, id: plan.id, c) else {
                throw StoreError.staleVersion(record: VersionedTable.yearPlans.record, id: plan.id, expected: expected, actual: expected + 2)
            }
            try AuditLog.record(userID: actor, action: "submit", recordType: "year_plan", recordID: plan.id,
                                summary: "\(moment.auditWord) \(yearLabel) van \(plan.ikcName) ingediend",
                                oldValues: AuditLog.json([("moment", moment.rawValue), ("status", plan.state(moment).status.rawValue)]),
                                newValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.ingediend.rawValue)]), c)
            if let mailLink { try MailEvents.planSubmitted(planID: plan.id, link: mailLink, c) }
            return true
        }
    }

    /// ingediend → goedgekeurd for one moment of `plan` as loaded at version `expected`.
    /// - Throws: `StoreError.staleVersion` when the plan changed since, or the moment is no longer submitted.
    public static func approve(_ plan: YearPlan, _ moment: YearPlan.Moment = .jaarplan, expected: Int64, mailLink: String? = nil,
                               by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let yearLabel = try store.programme(c).yearLabel(plan.year)
            try approve(id: plan.id, moment, expected: expected, reviewer: actor, c)
            try AuditLog.record(userID: actor, action: "approve", recordType: "year_plan", recordID: plan.id,
                                summary: "\(moment.auditWord) \(yearLabel) van \(plan.ikcName) goedgekeurd",
                                oldValues: AuditLog.json([("moment", moment.rawValue), ("status", plan.state(moment).status.rawValue)]),
                                newValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.goedgekeurd.rawValue)]), c)
            if let mailLink { try MailEvents.planApproved(planID: plan.id, link: mailLink, c) }
        }
    }

    /// Approves every picked plan (id, version as listed) in one transaction: all or none. A plan
    /// whose verantwoording is submitted has that approved, otherwise its jaarplan.
    /// Returns the year of the last plan approved.
    /// - Throws: `YearPlanError.notSubmitted` when a picked plan is not (or no longer) submitted,
    ///   `StoreError.staleVersion` when one changed since the list was loaded, `StoreError.notFound`.
    public static func approve(picks: [(id: Int64, version: Int64)], mailLink: ((Int64) -> String)? = nil, by actor: Int64,
                               in store: DataStore) throws -> Int {
        try store.write { c -> Int in
            var year = 0
            let programme = try store.programme(c)
            for pick in picks {
                guard let plan = try find(id: pick.id, c) else { throw StoreError.notFound(record: VersionedTable.yearPlans.record, id: pick.id) }
                let moment: YearPlan.Moment = plan.account.status == .ingediend ? .verantwoording : .jaarplan
                guard plan.state(moment).status == .ingediend else { throw YearPlanError.notSubmitted(year: plan.year, ikcName: plan.ikcName) }
                try approve(id: plan.id, moment, expected: pick.version, reviewer: actor, c)
                try AuditLog.record(userID: actor, action: "approve", recordType: "year_plan", recordID: plan.id,
                                    summary: "\(moment.auditWord) \(programme.yearLabel(plan.year)) van \(plan.ikcName) goedgekeurd (vanuit de lijst)",
                                    oldValues: AuditLog.json([("moment", moment.rawValue), ("status", plan.state(moment).status.rawValue)]),
                                    newValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.goedgekeurd.rawValue)]), c)
                if let mailLink { try MailEvents.planApproved(planID: plan.id, link: mailLink(plan.id), c) }
                year = plan.year
            }
            return year
        }
    }

    /// ingediend → teruggestuurd for one moment, with the reviewer's reason, keeping that moment's
    /// content as reviewed so that the next submission shows what changed.
    /// - Throws: `StoreError.staleVersion` when the plan changed since it was loaded, or is no longer submitted.
    public static func giveBack(_ plan: YearPlan, _ moment: YearPlan.Moment = .jaarplan, expected: Int64, reason: String,
                                mailLink: String? = nil, by actor: Int64, in store: DataStore) throws {
        let snapshot = snapshotJSON(plan.content.flattened(moment))
        try store.write { c in
            let yearLabel = try store.programme(c).yearLabel(plan.year)
            try claim(.yearPlans, id: plan.id, expected: expected, c)
            guard try markReturned(moment, id: plan.id, from: .ingediend, reason: reason, snapshot: snapshot, reviewer: actor, c) else {
                throw StoreError.staleVersion(record: VersionedTable.yearPlans.record, id: plan.id, expected: expected, actual: expected + 1)
            }
            let state = plan.state(moment)
            try AuditLog.record(userID: actor, action: "return", recordType: "year_plan", recordID: plan.id,
                                summary: "\(moment.auditWord) \(yearLabel) van \(plan.ikcName) teruggestuurd: \(reason)",
                                oldValues: AuditLog.json([("moment", moment.rawValue), ("status", state.status.rawValue), ("return_reason", state.returnReason)]),
                                newValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.teruggestuurd.rawValue), ("return_reason", reason)]), c)
            if let mailLink { try MailEvents.planReturned(planID: plan.id, link: mailLink, c) }
        }
    }

    /// goedgekeurd → teruggestuurd for one moment (issue 16): a project leader reopens what was
    /// approved, with a required reason. It goes back to the director (or the project leader
    /// corrects it), and counts as realised again only once it is approved again.
    /// - Throws: `StoreError.staleVersion` when the plan changed since it was loaded, or is no longer approved.
    public static func reopen(_ plan: YearPlan, _ moment: YearPlan.Moment, expected: Int64, reason: String,
                              mailLink: String? = nil, by actor: Int64, in store: DataStore) throws {
        let snapshot = snapshotJSON(plan.content.flattened(moment))
        try store.write { c in
            let yearLabel = try store.programme(c).yearLabel(plan.year)
            try claim(.yearPlans, id: plan.id, expected: expected, c)
            guard try markReturned(moment, id: plan.id, from: .goedgekeurd, reason: reason, snapshot: snapshot, reviewer: actor, c) else {
                throw StoreError.staleVersion(record: VersionedTable.yearPlans.record, id: plan.id, expected: expected, actual: expected + 1)
            }
            try AuditLog.record(userID: actor, action: "reopen", recordType: "year_plan", recordID: plan.id,
                                summary: "\(moment.auditWord) \(yearLabel) van \(plan.ikcName) heropend: \(reason)",
                                oldValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.goedgekeurd.rawValue)]),
                                newValues: AuditLog.json([("moment", moment.rawValue), ("status", YearPlan.Status.teruggestuurd.rawValue), ("reason", reason)]), c)
            if let mailLink { try MailEvents.planReopened(planID: plan.id, link: mailLink, c) }
        }
    }

    /// ingediend → goedgekeurd inside a verb's transaction.
    static func approve(id: Int64, _ moment: YearPlan.Moment = .jaarplan, expected: Int64, reviewer: Int64, _ c: Connection) throws {
        try claim(.yearPlans, id: id, expected: expected, c)
        guard try markApproved(moment, id: id, reviewer: reviewer, c) else {
            throw StoreError.staleVersion(record: VersionedTable.yearPlans.record, id: id, expected: expected, actual: expected + 1)
        }
    }
}

extension PlanDeadlines {
    /// Sets (or, for nil, removes) the deadline of each year in `wanted`; a year whose deadline
    /// does not change is left alone and not logged.
    public static func change(_ wanted: [(year: Int, deadline: PlanDeadline?)], by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let programme = try store.programme(c)
            let current = try all(c)
            for (year, deadline) in wanted {
                let old = current.first { $0.year == year }
                guard old != deadline else { continue }
                if let deadline {
                    try set(PlanDeadline(year: year, dueOn: deadline.dueOn, graceDays: deadline.graceDays,
                                         accountDueOn: deadline.accountDueOn, accountGraceDays: deadline.accountGraceDays), c)
                } else {
                    try remove(year: year, c)
                }
                let diff = AuditLog.diff([("due_on", old?.dueOn.iso, deadline?.dueOn.iso),
                                          ("grace_days", old.map { String($0.graceDays) }, deadline.map { String($0.graceDays) }),
                                          ("account_due_on", old?.accountDueOn?.iso, deadline?.accountDueOn?.iso),
                                          ("account_grace_days", old.map { String($0.accountGraceDays) }, deadline.map { String($0.accountGraceDays) })])
                try AuditLog.record(userID: actor, action: "update", recordType: "plan_deadline", recordID: Int64(year),
                                    summary: "Inleverdata jaarplan en verantwoording \(programme.yearLabel(year)) gewijzigd",
                                    oldValues: diff?.old, newValues: diff?.new, c)
            }
        }
    }
}
