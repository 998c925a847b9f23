import Domain
import SQLite

extension Agreements {
    /// Version `number` of `agreement` (nil: the newest) with everything its pages show, and for
    /// a concept what still keeps it from signing. Nil when there is no such version. The Act
    /// proposals are for project leaders, the partner candidates for the parties form.
    public static func page(of agreement: Agreement, version number: Int? = nil, withProposals: Bool = false,
                            withPartnerCandidates: Bool = false, _ c: Connection) throws -> AgreementPageData? {
        let versions = try versions(agreementID: agreement.id, c)
        let chosen = number.map { n in versions.first { $0.number == n } } ?? versions.last
        guard let version = chosen else { return nil }
        let content = try content(of: version, c)
        var candidates: [AgreementParty] = []
        if withPartnerCandidates {
            let parties = Set(content.parties.map(\.organisationID))
            candidates = try organisationChoices(c).filter { !parties.contains($0.organisationID) }
        }
        var data = AgreementPageData(agreement: agreement, content: content, versions: versions, goals: try ProgrammeSettings.goals(c),
                                     sources: try fundingSources(c), roles: try ProgrammeSettings.staffingRoles(c),
                                     programme: try ProgrammeSettings.programme(c), documents: try documents(agreementID: agreement.id, c),
                                     organisationNames: try Organisations.names(c),
                                     proposals: withProposals ? try proposals(agreementID: agreement.id, c) : [],
                                     partnerCandidates: candidates)
        data.closedYears = try closedYears(agreementID: agreement.id, c)
        data.yearUnlocks = try yearUnlocks(agreementID: agreement.id, c)
        if version.status == .concept {
            data.signingProblems = AgreementRules.problemsBeforeSigning(content, goals: data.goals, years: data.years,
                                                                         requireEveryGoal: data.programme.requiresEveryGoal,
                                                                         yearLabel: data.programme.yearLabel)
        }
        return data
    }

    /// The newest version of `agreement` with only what saving `grid` reads: the parties, the
    /// results and that grid's cells, with the funding sources for contributions and the staffing
    /// roles for staffing; no goals, documents, organisation names, closed years or signing
    /// problems (a page shown after a refusal loads `page`). `programme` is the session's.
    static func forSaving(_ agreement: Agreement, grid: AgreementGrid, programme: Programme, _ c: Connection) throws -> AgreementPageData? {
        let versions = try versions(agreementID: agreement.id, c)
        guard let version = versions.last else { return nil }
        return AgreementPageData(agreement: agreement, content: try content(of: version, grid: grid, c), versions: versions, goals: [],
                                 sources: grid == .contributions ? try fundingSources(c) : [],
                                 roles: grid == .staffing ? try ProgrammeSettings.staffingRoles(c) : [],
                                 programme: programme, documents: [], organisationNames: [:])
    }
}
