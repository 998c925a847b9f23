/// One row of the agreements overview (`/agreements`): the newest version of an agreement, read
/// by Store and shown by Views.
public struct AgreementOverviewRow: Sendable, Equatable {
    /// A party's contribution over the whole period.
    public struct PartyTotal: Sendable, Equatable {
        public var name: String
        public var role: String
        public var cents: Int64

        public init(name: String, role: String, cents: Int64) {
            self.name = name
            self.role = role
            self.cents = cents
        }
    }

    public var id: Int64
    public var ikcID: Int64
    public var ikcName: String
    public var firstYear: Int
    public var lastYear: Int
    public var versionNumber: Int
    public var status: AgreementStatus
    /// The parties in role order (gemeente, koepel, kinderopvang, partners).
    public var partyTotals: [PartyTotal]
    /// The number of results per programme goal id.
    public var resultsPerGoal: [Int64: Int]
    /// A newer version than the one shown (the one in force) that is not fixed yet.
    public var pendingAmendment: PendingAmendment? = nil

    public init(id: Int64, ikcID: Int64, ikcName: String, firstYear: Int, lastYear: Int, versionNumber: Int, status: AgreementStatus,
                partyTotals: [PartyTotal] = [], resultsPerGoal: [Int64: Int] = [:], pendingAmendment: PendingAmendment? = nil) {
        self.pendingAmendment = pendingAmendment
        self.id = id
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.versionNumber = versionNumber
        self.status = status
        self.partyTotals = partyTotals
        self.resultsPerGoal = resultsPerGoal
    }
}
