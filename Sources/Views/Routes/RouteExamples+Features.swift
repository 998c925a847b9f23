import Domain

// The examples of the larger feature routes (see RouteExamples.swift).

extension AgreementRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, show, results, targets, contributions, staffing, texts, status, sign, upload
        case document, amend, compare, print, exportTargets, exportContributions, importCSV, proposal
        case parties, removeParty, signatories, signature, unlockYear
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
        case .signatories: .signatories
        case .signature: .signature
        case .unlockYear: .unlockYear
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
        case .signatories: .signatories(5)
        case .signature: .signature(8)
        case .unlockYear: .unlockYear(1)
        }
    }
}

extension FundingRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, indexCSV, new, source, sourceEdit, sourceCSV, year, yearCSV, scenario, scenarioCSV
        case staffing, staffingCSV, staffingRole, settings
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
        case .staffing: .staffing
        case .staffingCSV: .staffingCSV
        case .staffingRole: .staffingRole
        case .settings: .settings
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
        case .staffing: .staffing
        case .staffingCSV: .staffingCSV
        case .staffingRole: .staffingRole("jo_0_12")
        case .settings: .settings
        }
    }
}

extension PlanRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, new, approveMany, deadlines, plan, review, reopen
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .new: .new
        case .approveMany: .approveMany
        case .deadlines: .deadlines
        case .plan: .plan
        case .review: .review
        case .reopen: .reopen
        }
    }

    /// Plan 5 is IKC 1's 2026 plan, in concept (the demo on 23-11-2026).
    public static func example(_ name: CaseName) -> PlanRoute {
        switch name {
        case .index: .index
        case .new: .new
        case .approveMany: .approveMany
        case .deadlines: .deadlines
        case .plan: .plan(5)
        case .review: .review(5)
        case .reopen: .reopen(5)
        }
    }
}

extension ReportRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, year, publish, yearCSV, edition, editionCSV, oldYearCSV, oldEditionCSV, withdraw, share, unshare, shared, sharedCSV, ikc
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .year: .year
        case .publish: .publish
        case .yearCSV: .yearCSV
        case .edition: .edition
        case .editionCSV: .editionCSV
        case .oldYearCSV: .oldYearCSV
        case .oldEditionCSV: .oldEditionCSV
        case .withdraw: .withdraw
        case .share: .share
        case .unshare: .unshare
        case .shared: .shared
        case .sharedCSV: .sharedCSV
        case .ikc: .ikc
        }
    }

    /// The demo has no published edition: 999 stands for one.
    public static func example(_ name: CaseName) -> ReportRoute {
        switch name {
        case .index: .index
        case .ikc: .ikc(2024, 1)
        case .year: .year(2024)
        case .publish: .publish(2024)
        case .yearCSV: .yearCSV(2024, table: .goals)
        case .edition: .edition(999)
        case .editionCSV: .editionCSV(999, table: .money)
        case .withdraw: .withdraw(999)
        case .share: .share(999)
        case .unshare: .unshare(999)
        case .oldYearCSV: .oldYearCSV(2024, table: .goals)
        case .oldEditionCSV: .oldEditionCSV(999, table: .money)
        case .sharedCSV: .sharedCSV(token: "sh4re_Token-1", table: .results)
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

extension MailRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case index, resend, preferences
    }

    public var caseName: CaseName {
        switch self {
        case .index: .index
        case .resend: .resend
        case .preferences: .preferences
        }
    }

    public static func example(_ name: CaseName) -> MailRoute {
        switch name {
        case .index: .index
        case .resend: .resend(1)
        case .preferences: .preferences
        }
    }
}
