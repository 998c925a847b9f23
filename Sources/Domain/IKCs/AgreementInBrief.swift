/// The newest version of an IKC's newest agreement in brief, for the IKC's page.
public struct AgreementInBrief: Sendable, Equatable {
    public var agreementID: Int64
    public var firstYear: Int
    public var lastYear: Int
    public var versionNumber: Int
    public var status: AgreementStatus
    public var results: Int
    public var contributionCents: Int64
    /// Each party as a line: name, signatory and when it signed.
    public var parties: [String]
    /// A newer version than the one in force (the figures above), shown apart.
    public var pending: PendingAmendment?

    public init(agreementID: Int64, firstYear: Int, lastYear: Int, versionNumber: Int, status: AgreementStatus, results: Int,
                contributionCents: Int64, parties: [String], pending: PendingAmendment? = nil) {
        self.pending = pending
        self.agreementID = agreementID
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.versionNumber = versionNumber
        self.status = status
        self.results = results
        self.contributionCents = contributionCents
        self.parties = parties
    }
}
