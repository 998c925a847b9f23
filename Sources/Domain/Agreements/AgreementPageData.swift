/// One agreement version with everything its pages show: read by Store in one snapshot
/// (`Agreements.page`), rendered by Views.
public struct AgreementPageData: Sendable {
    public var agreement: Agreement
    public var content: AgreementContent
    public var versions: [AgreementVersion]
    public var goals: [ProgrammeGoal]
    public var sources: [(id: Int64, name: String)]
    public var roles: [CodeLabel]
    public var programme: Programme
    public var documents: [AgreementDocument]
    public var organisationNames: [Int64: String]
    /// Problems that keep a concept from going to signing (shown on the page of a concept).
    public var signingProblems: ValidationErrors
    /// Act proposals from the IKC's yearly plans (loaded for project leaders only).
    public var proposals: [AmendmentProposal]
    /// The organisations that are no party of this version yet (loaded for the parties form only).
    public var partnerCandidates: [AgreementParty]
    /// Years whose verantwoording is approved and not unlocked: their cells are read-only in an amendment.
    public var closedYears: Set<Int> = []
    /// Years a project leader opened again, with the reason (the compare page shows them).
    public var yearUnlocks: [YearUnlock] = []

    public init(agreement: Agreement, content: AgreementContent, versions: [AgreementVersion], goals: [ProgrammeGoal],
                sources: [(id: Int64, name: String)], roles: [CodeLabel], programme: Programme, documents: [AgreementDocument],
                organisationNames: [Int64: String], signingProblems: ValidationErrors = ValidationErrors(),
                proposals: [AmendmentProposal] = [], partnerCandidates: [AgreementParty] = []) {
        self.agreement = agreement
        self.content = content
        self.versions = versions
        self.goals = goals
        self.sources = sources
        self.roles = roles
        self.programme = programme
        self.documents = documents
        self.organisationNames = organisationNames
        self.signingProblems = signingProblems
        self.proposals = proposals
        self.partnerCandidates = partnerCandidates
    }

    public var version: AgreementVersion { content.version }
    public var years: ClosedRange<Int> { agreement.years }
    public var isLatest: Bool { versions.last?.id == content.version.id }
    public var latestNumber: Int { versions.last?.number ?? content.version.number }
    public var latestStatus: AgreementStatus { versions.last?.status ?? content.version.status }

    public func sourceName(_ id: Int64) -> String { sources.first { $0.id == id }?.name ?? "Bron \(id)" }
    public func roleLabel(_ code: String) -> String { roles.first { $0.code == code }?.label ?? code }
    public func organisationName(_ id: Int64?) -> String {
        guard let id else { return "–" }
        return content.parties.first { $0.organisationID == id }?.organisationName ?? organisationNames[id] ?? "Organisatie \(id)"
    }
    public var periodLabel: String { "\(programme.yearLabel(years.lowerBound)) tot en met \(programme.yearLabel(years.upperBound))" }
}
