import Domain

// Route enumeration for tests: every case of `Route` and of each feature route enum has a name
// (`CaseName`) and an example value. Both are exhaustive switches, so a new route case does not
// compile until it is named, and a new name does not compile until it has an example. Tests
// print every example, parse it back, and ask the authorisation rules about it.
// Example ids point at the demo data, at records of IKC 1 (the demo director's) where it matters.

extension Route {
    /// The cases of `Route`; a feature case stands for all of that feature's cases.
    public enum CaseName: String, CaseIterable, Sendable {
        case home, health, accessibility
        case session, users, audit, ikcs, organisations, areas, agreements, funding, plans, reports, twoFactor
    }

    /// The name of this route's case, with the feature's case after a dot ("ikcs.ikc").
    public var caseName: String {
        switch self {
        case .home: "home"
        case .health: "health"
        case .accessibility: "accessibility"
        case .session(let r): "session." + r.caseName.rawValue
        case .users(let r): "users." + r.caseName.rawValue
        case .audit(let r): "audit." + r.caseName.rawValue
        case .ikcs(let r): "ikcs." + r.caseName.rawValue
        case .organisations(let r): "organisations." + r.caseName.rawValue
        case .areas(let r): "areas." + r.caseName.rawValue
        case .agreements(let r): "agreements." + r.caseName.rawValue
        case .funding(let r): "funding." + r.caseName.rawValue
        case .plans(let r): "plans." + r.caseName.rawValue
        case .reports(let r): "reports." + r.caseName.rawValue
        case .twoFactor(let r): "twoFactor." + r.caseName.rawValue
        }
    }

    /// Every case name `caseName` can return, worked out from the `CaseName` enums alone.
    public static var allCaseNames: [String] {
        CaseName.allCases.flatMap { name -> [String] in
            switch name {
            case .session: SessionRoute.CaseName.allCases.map { "session." + $0.rawValue }
            case .users: UserRoute.CaseName.allCases.map { "users." + $0.rawValue }
            case .audit: AuditRoute.CaseName.allCases.map { "audit." + $0.rawValue }
            case .ikcs: IKCRoute.CaseName.allCases.map { "ikcs." + $0.rawValue }
            case .organisations: OrganisationRoute.CaseName.allCases.map { "organisations." + $0.rawValue }
            case .areas: AreaRoute.CaseName.allCases.map { "areas." + $0.rawValue }
            case .agreements: AgreementRoute.CaseName.allCases.map { "agreements." + $0.rawValue }
            case .funding: FundingRoute.CaseName.allCases.map { "funding." + $0.rawValue }
            case .plans: PlanRoute.CaseName.allCases.map { "plans." + $0.rawValue }
            case .reports: ReportRoute.CaseName.allCases.map { "reports." + $0.rawValue }
            case .twoFactor: TwoFactorRoute.CaseName.allCases.map { "twoFactor." + $0.rawValue }
            default: [name.rawValue]
            }
        }
    }

    /// The examples of one case name; one route, or every example of a feature.
    public static func examples(_ name: CaseName) -> [Route] {
        switch name {
        case .home: [.home]
        case .health: [.health]
        case .accessibility: [.accessibility]
        case .session: SessionRoute.CaseName.allCases.map { .session(SessionRoute.example($0)) }
        case .users: UserRoute.CaseName.allCases.map { .users(UserRoute.example($0)) }
        case .audit: AuditRoute.CaseName.allCases.map { .audit(AuditRoute.example($0)) }
        case .ikcs: IKCRoute.CaseName.allCases.map { .ikcs(IKCRoute.example($0)) }
        case .organisations: OrganisationRoute.CaseName.allCases.map { .organisations(OrganisationRoute.example($0)) }
        case .areas: AreaRoute.CaseName.allCases.map { .areas(AreaRoute.example($0)) }
        case .agreements: AgreementRoute.CaseName.allCases.map { .agreements(AgreementRoute.example($0)) }
        case .funding: FundingRoute.CaseName.allCases.map { .funding(FundingRoute.example($0)) }
        case .plans: PlanRoute.CaseName.allCases.map { .plans(PlanRoute.example($0)) }
        case .reports: ReportRoute.CaseName.allCases.map { .reports(ReportRoute.example($0)) }
        case .twoFactor: TwoFactorRoute.CaseName.allCases.map { .twoFactor(TwoFactorRoute.example($0)) }
        }
    }

    /// At least one example of every case of `Route` and of every feature route enum.
    public static var examples: [Route] { CaseName.allCases.flatMap(examples) }
}

extension SessionRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case login, logout, account, setPassword
    }

    public var caseName: CaseName {
        switch self {
        case .login: .login
        case .logout: .logout
        case .account: .account
        case .setPassword: .setPassword
        }
    }

    public static func example(_ name: CaseName) -> SessionRoute {
        switch name {
        case .login: .login
        case .logout: .logout
        case .account: .account
        case .setPassword: .setPassword(token: "Tk3n_with-Dash")
        }
    }
}

extension UserRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, user, passwordLink
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .user: .user
        case .passwordLink: .passwordLink
        }
    }

    public static func example(_ name: CaseName) -> UserRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .user: .user(2)
        case .passwordLink: .passwordLink(2)
        }
    }
}

extension AuditRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        }
    }

    public static func example(_ name: CaseName) -> AuditRoute {
        switch name {
        case .index: .index
        }
    }
}

extension IKCRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, ikc, edit, plus, conditions
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .ikc: .ikc
        case .edit: .edit
        case .plus: .plus
        case .conditions: .conditions
        }
    }

    public static func example(_ name: CaseName) -> IKCRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .ikc: .ikc(1)
        case .edit: .edit(1)
        case .plus: .plus(1)
        case .conditions: .conditions(1)
        }
    }
}

extension OrganisationRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, organisation
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .organisation: .organisation
        }
    }

    public static func example(_ name: CaseName) -> OrganisationRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .organisation: .organisation(1)
        }
    }
}

extension AreaRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, area, indicators, importCSV
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .area: .area
        case .indicators: .indicators
        case .importCSV: .importCSV
        }
    }

    public static func example(_ name: CaseName) -> AreaRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .area: .area(1)
        case .indicators: .indicators(2)
        case .importCSV: .importCSV
        }
    }
}

extension AgreementRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, show, results, targets, contributions, staffing, texts, status, sign, upload
        case document, amend, compare, print, exportTargets, exportContributions, importCSV, proposal
        case parties, removeParty
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .show: .show
        case .results: .results
        case .targets: .targets
        case .contributions: .contributions
        case .staffing: .staffing
        case .texts: .texts
        case .status: .status
        case .sign: .sign
        case .upload: .upload
        case .document: .document
        case .amend: .amend
        case .compare: .compare
        case .print: .print
        case .exportTargets: .exportTargets
        case .exportContributions: .exportContributions
        case .importCSV: .importCSV
        case .proposal: .proposal
        case .parties: .parties
        case .removeParty: .removeParty
        }
    }

    /// Agreement 1 is IKC 1's (fixed), 5 is a concept, 8 is out for signing.
    public static func example(_ name: CaseName) -> AgreementRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .show: .show(1)
        case .results: .results(5)
        case .targets: .targets(5)
        case .contributions: .contributions(5)
        case .staffing: .staffing(5)
        case .texts: .texts(5)
        case .status: .status(5)
        case .sign: .sign(8)
        case .upload: .upload(1)
        case .document: .document(1, 1)
        case .amend: .amend(1)
        case .compare: .compare(1)
        case .print: .print(1)
        case .exportTargets: .exportTargets(1)
        case .exportContributions: .exportContributions(1)
        case .importCSV: .importCSV(5)
        case .proposal: .proposal(1, 1)
        case .parties: .parties(5)
        case .removeParty: .removeParty(5, 1)
        }
    }
}

extension FundingRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, indexCSV, new, source, sourceEdit, sourceCSV, year, yearCSV, scenario, scenarioCSV
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .indexCSV: .indexCSV
        case .new: .new
        case .source: .source
        case .sourceEdit: .sourceEdit
        case .sourceCSV: .sourceCSV
        case .year: .year
        case .yearCSV: .yearCSV
        case .scenario: .scenario
        case .scenarioCSV: .scenarioCSV
        }
    }

    public static func example(_ name: CaseName) -> FundingRoute {
        switch name {
        case .index: .index
        case .indexCSV: .indexCSV
        case .new: .new
        case .source: .source(1)
        case .sourceEdit: .sourceEdit(1)
        case .sourceCSV: .sourceCSV(1)
        case .year: .year(2025)
        case .yearCSV: .yearCSV(2025)
        case .scenario: .scenario
        case .scenarioCSV: .scenarioCSV
        }
    }
}

extension PlanRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, approveMany, deadlines, plan, review
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .approveMany: .approveMany
        case .deadlines: .deadlines
        case .plan: .plan
        case .review: .review
        }
    }

    /// Plan 4 is IKC 1's 2025 plan, in concept.
    public static func example(_ name: CaseName) -> PlanRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .approveMany: .approveMany
        case .deadlines: .deadlines
        case .plan: .plan(4)
        case .review: .review(4)
        }
    }
}

extension ReportRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, year, publish, yearCSV, edition, editionCSV, withdraw, share, unshare, shared
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .year: .year
        case .publish: .publish
        case .yearCSV: .yearCSV
        case .edition: .edition
        case .editionCSV: .editionCSV
        case .withdraw: .withdraw
        case .share: .share
        case .unshare: .unshare
        case .shared: .shared
        }
    }

    /// The demo has no published edition: 999 stands for one.
    public static func example(_ name: CaseName) -> ReportRoute {
        switch name {
        case .index: .index
        case .year: .year(2024)
        case .publish: .publish(2024)
        case .yearCSV: .yearCSV(2024, table: .goals)
        case .edition: .edition(999)
        case .editionCSV: .editionCSV(999, table: .money)
        case .withdraw: .withdraw(999)
        case .share: .share(999)
        case .unshare: .unshare(999)
        case .shared: .shared(token: "sh4re_Token-1")
        }
    }
}
extension TwoFactorRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case code, enrol, reset
    }

    public var caseName: CaseName {
        switch self {
        case .code: .code
        case .enrol: .enrol
        case .reset: .reset
        }
    }

    public static func example(_ name: CaseName) -> TwoFactorRoute {
        switch name {
        case .code: .code
        case .enrol: .enrol
        case .reset: .reset(2)
        }
    }
}
