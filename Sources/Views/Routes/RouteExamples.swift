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
        case session, users, audit, ikcs, organisations, areas, agreements, funding, plans, reports, twoFactor, mail, indicators
        case programme
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
        case .mail(let r): "mail." + r.caseName.rawValue
        case .programme(let r): "programme." + r.caseName.rawValue
        case .indicators(let r): "indicators." + r.caseName.rawValue
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
            case .mail: MailRoute.CaseName.allCases.map { "mail." + $0.rawValue }
            case .programme: ProgrammeRoute.CaseName.allCases.map { "programme." + $0.rawValue }
            case .indicators: IndicatorRoute.CaseName.allCases.map { "indicators." + $0.rawValue }
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
        case .mail: MailRoute.CaseName.allCases.map { .mail(MailRoute.example($0)) }
        case .programme: ProgrammeRoute.CaseName.allCases.map { .programme(ProgrammeRoute.example($0)) }
        case .indicators: IndicatorRoute.CaseName.allCases.map { .indicators(IndicatorRoute.example($0)) }
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
        case index, csv
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .csv: .csv
        }
    }

    public static func example(_ name: CaseName) -> AuditRoute {
        switch name {
        case .index: .index
        case .csv: .csv
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
