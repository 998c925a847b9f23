import Domain

// Route enumeration for tests: every case of `Route` and of each feature route enum has a name
// (`CaseName`) and an example value. Both are exhaustive switches, so a new route case does not
// compile until it is named, and a new name does not compile until it has an example. Tests
// print every example, parse it back, and ask the authorisation rules about it.
// Example ids point at the demo data, at records of IKC 1 (the demo director's) where it matters.

extension Route {
    /// The cases of `Route`; a feature case stands for all of that feature's cases.
    public enum CaseName: String, CaseIterable, Sendable {
        case home, login, logout, health, account, setPassword, accessibility
        case users, userNew, user, userPasswordLink, auditLog
        case registry, agreements, funding, plans, reports
    }

    /// The name of this route's case, with the feature's case after a dot ("registry.ikc").
    public var caseName: String {
        switch self {
        case .home: "home"
        case .login: "login"
        case .logout: "logout"
        case .health: "health"
        case .account: "account"
        case .setPassword: "setPassword"
        case .accessibility: "accessibility"
        case .users: "users"
        case .userNew: "userNew"
        case .user: "user"
        case .userPasswordLink: "userPasswordLink"
        case .auditLog: "auditLog"
        case .registry(let r): "registry." + r.caseName.rawValue
        case .agreements(let r): "agreements." + r.caseName.rawValue
        case .funding(let r): "funding." + r.caseName.rawValue
        case .plans(let r): "plans." + r.caseName.rawValue
        case .reports(let r): "reports." + r.caseName.rawValue
        }
    }

    /// Every case name `caseName` can return, worked out from the `CaseName` enums alone.
    public static var allCaseNames: [String] {
        CaseName.allCases.flatMap { name -> [String] in
            switch name {
            case .registry: RegistryRoute.CaseName.allCases.map { "registry." + $0.rawValue }
            case .agreements: AgreementRoute.CaseName.allCases.map { "agreements." + $0.rawValue }
            case .funding: FundingRoute.CaseName.allCases.map { "funding." + $0.rawValue }
            case .plans: PlanRoute.CaseName.allCases.map { "plans." + $0.rawValue }
            case .reports: ReportRoute.CaseName.allCases.map { "reports." + $0.rawValue }
            default: [name.rawValue]
            }
        }
    }

    /// The examples of one case name; one route, or every example of a feature.
    public static func examples(_ name: CaseName) -> [Route] {
        switch name {
        case .home: [.home]
        case .login: [.login]
        case .logout: [.logout]
        case .health: [.health]
        case .account: [.account]
        case .setPassword: [.setPassword(token: "Tk3n_with-Dash")]
        case .accessibility: [.accessibility]
        case .users: [.users]
        case .userNew: [.userNew]
        case .user: [.user(2)]
        case .userPasswordLink: [.userPasswordLink(2)]
        case .auditLog: [.auditLog]
        case .registry: RegistryRoute.CaseName.allCases.map { .registry(RegistryRoute.example($0)) }
        case .agreements: AgreementRoute.CaseName.allCases.map { .agreements(AgreementRoute.example($0)) }
        case .funding: FundingRoute.CaseName.allCases.map { .funding(FundingRoute.example($0)) }
        case .plans: PlanRoute.CaseName.allCases.map { .plans(PlanRoute.example($0)) }
        case .reports: ReportRoute.CaseName.allCases.map { .reports(ReportRoute.example($0)) }
        }
    }

    /// At least one example of every case of `Route` and of every feature route enum.
    public static var examples: [Route] { CaseName.allCases.flatMap(examples) }
}

extension RegistryRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case ikcs, ikcNew, ikc, ikcEdit, organisations, organisationNew, organisation
        case areas, areaNew, area, ikcPlus, ikcConditions, areaIndicators, areaImport
    }

    public var caseName: CaseName {
        switch self {
        case .ikcs: .ikcs
        case .ikcNew: .ikcNew
        case .ikc: .ikc
        case .ikcEdit: .ikcEdit
        case .organisations: .organisations
        case .organisationNew: .organisationNew
        case .organisation: .organisation
        case .areas: .areas
        case .areaNew: .areaNew
        case .area: .area
        case .ikcPlus: .ikcPlus
        case .ikcConditions: .ikcConditions
        case .areaIndicators: .areaIndicators
        case .areaImport: .areaImport
        }
    }

    public static func example(_ name: CaseName) -> RegistryRoute {
        switch name {
        case .ikcs: .ikcs
        case .ikcNew: .ikcNew
        case .ikc: .ikc(1)
        case .ikcEdit: .ikcEdit(1)
        case .organisations: .organisations
        case .organisationNew: .organisationNew
        case .organisation: .organisation(1)
        case .areas: .areas
        case .areaNew: .areaNew
        case .area: .area(1)
        case .ikcPlus: .ikcPlus(1)
        case .ikcConditions: .ikcConditions(1)
        case .areaIndicators: .areaIndicators(2)
        case .areaImport: .areaImport
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
