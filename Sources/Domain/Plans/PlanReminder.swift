/// A deadline that asks for attention: a moment (jaarplan or verantwoording) of an IKC's year
/// that is due within 21 days, in its grace period, or late, and not yet submitted. Store finds
/// them (PlanReminders), the home pages and the plans list show them (PlanReminderSection).
public struct PlanReminder: Sendable, Equatable {
    public var ikcID: Int64
    public var ikcName: String
    public var year: Int
    public var planID: Int64?
    /// Which moment is due: the jaarplan or the verantwoording.
    public var moment: YearPlan.Moment
    /// The moment's status (nil: no plan yet).
    public var status: YearPlan.Status?
    /// The moment's own deadline (its due date and grace period).
    public var deadline: PlanDeadline
    public var reminder: PlanDeadline.Reminder

    public init(ikcID: Int64, ikcName: String, year: Int, planID: Int64?, moment: YearPlan.Moment, status: YearPlan.Status?,
                deadline: PlanDeadline, reminder: PlanDeadline.Reminder) {
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.year = year
        self.planID = planID
        self.moment = moment
        self.status = status
        self.deadline = deadline
        self.reminder = reminder
    }
}
