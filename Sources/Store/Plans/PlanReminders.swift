import Domain
import SQLite

/// Reminders about plan deadlines, for the home pages and the plans list, per moment: the
/// jaarplan is due before its year (`due_on`), the verantwoording after it (`account_due_on`).
/// An item is due within 21 days, in its grace period, or late, and not yet submitted.
public enum PlanReminders {
    public typealias Item = PlanReminder

    /// Everything due within 21 days or late on `today`, per moment, for the given IKCs (nil:
    /// every Plus IKC), in order of due date and IKC name. Only IKCs with a fixed agreement for
    /// the year or with a plan count.
    public static func open(ikcIDs: [Int64]?, today: Day, _ c: Connection) throws -> [Item] {
        var out: [Item] = []
        for deadline in try PlanDeadlines.all(c) {
            let moments = YearPlan.Moment.allCases.compactMap { moment in deadline.moment(moment).map { (moment, $0) } }
                .filter { today.days(until: $0.1.dueOn) <= 21 }
            guard !moments.isEmpty else { continue }
            for row in try YearPlans.overview(year: deadline.year, ikcIDs: ikcIDs, c) where row.hasAgreementInForce || row.planID != nil {
                for (moment, due) in moments {
                    let status = moment == .jaarplan ? row.status : row.accountStatus
                    let reminder = due.reminder(status: status, today: today)
                    guard reminder != .none else { continue }
                    out.append(Item(ikcID: row.ikcID, ikcName: row.ikcName, year: deadline.year, planID: row.planID, moment: moment,
                                    status: status, deadline: due, reminder: reminder))
                }
            }
        }
        return out.sorted { ($0.deadline.dueOn, $0.ikcName) < ($1.deadline.dueOn, $1.ikcName) }
    }

    /// The reminders for a director's IKCs on `today`: due within 21 days, in grace, or late.
    public static func forDirector(ikcIDs: [Int64], today: Day, _ c: Connection) throws -> [Item] {
        try open(ikcIDs: ikcIDs, today: today, c)
    }

    /// Every late jaarplan or verantwoording (or missing plan past its deadline) on `today`.
    public static func late(today: Day, _ c: Connection) throws -> [Item] {
        try open(ikcIDs: nil, today: today, c).filter { $0.reminder == .late }
    }
}
