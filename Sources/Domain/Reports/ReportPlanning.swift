/// What the annual report says about budget statuses and staffing capacity (issue 19).
public struct ReportPlanning: Sendable, Equatable, Codable {
    /// The sources whose budget of the year is not decided, by name.
    public var undecided: [Undecided]
    public var staffing: [StaffingTotal]

    public struct Undecided: Sendable, Equatable, Codable {
        public var name: String
        public var item: Funding.Undecided

        public init(name: String, item: Funding.Undecided) {
            self.name = name
            self.item = item
        }
    }

    public init(undecided: [Undecided], staffing: [StaffingTotal]) {
        self.undecided = undecided
        self.staffing = staffing
    }

    /// A role's hours a week in the year: promised by the agreements in force, available in the pool, realised.
    public struct StaffingTotal: Sendable, Equatable, Codable {
        public var role: String
        public var promised: Double
        public var available: Double
        public var realised: Double?
        public var shortfall: Double
        /// Hours × hourly cost × weeks of the promised hours; nil without a pool.
        public var costCents: Int64?

        public init(role: String, promised: Double, available: Double, realised: Double?, shortfall: Double, costCents: Int64?) {
            self.role = role
            self.promised = promised
            self.available = available
            self.realised = realised
            self.shortfall = shortfall
            self.costCents = costCents
        }
    }
}
