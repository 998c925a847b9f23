/// A resultaatafspraak (table `agreements`): one per Plus IKC and period. What was agreed lives
/// in its versions; version n+1 (an amendment, bijstelling) replaces the figures of version n.
public struct Agreement: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var ikcID: Int64
    public var ikcName: String
    public var firstYear: Int
    public var lastYear: Int
    public var createdAt: String

    public init(id: Int64, ikcID: Int64, ikcName: String, firstYear: Int, lastYear: Int, createdAt: String) {
        self.id = id
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.createdAt = createdAt
    }

    public var years: ClosedRange<Int> { firstYear...lastYear }
}

public enum AgreementStatus: String, Sendable, CaseIterable {
    case concept
    case terOndertekening = "ter_ondertekening"
    case vastgesteld

    public var label: String {
        switch self {
        case .concept: "Concept"
        case .terOndertekening: "Ter ondertekening"
        case .vastgesteld: "Vastgesteld"
        }
    }
}

/// The four text sections of a version.
public struct AgreementTexts: Sendable, Equatable {
    public var analysis: String
    public var governance: String
    public var jobStructure: String
    public var organisation: String

    public init(analysis: String = "", governance: String = "", jobStructure: String = "", organisation: String = "") {
        self.analysis = analysis
        self.governance = governance
        self.jobStructure = jobStructure
        self.organisation = organisation
    }

    /// (form field, heading, text) in document order.
    public var sections: [(field: String, title: String, text: String)] {
        [("analysis", "Data-analyse en aanbod", analysis),
         ("governance", "Aansturing", governance),
         ("job_structure", "Functiehuis", jobStructure),
         ("organisation", "Organisatie van onderwijs en opvang", organisation)]
    }
}

/// One version of an agreement (table `agreement_versions`).
public struct AgreementVersion: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var agreementID: Int64
    public var number: Int
    public var status: AgreementStatus
    public var reason: String
    public var texts: AgreementTexts
    public var createdByName: String?
    public var createdAt: String
    public var fixedAt: String?
    public var lockVersion: Int64

    public init(id: Int64, agreementID: Int64, number: Int, status: AgreementStatus, reason: String, texts: AgreementTexts,
                createdByName: String?, createdAt: String, fixedAt: String?, lockVersion: Int64) {
        self.id = id
        self.agreementID = agreementID
        self.number = number
        self.status = status
        self.reason = reason
        self.texts = texts
        self.createdByName = createdByName
        self.createdAt = createdAt
        self.fixedAt = fixedAt
        self.lockVersion = lockVersion
    }

    public var isEditable: Bool { status == .concept }
}

/// A party to a version and who signs for it.
public struct AgreementParty: Sendable, Equatable {
    public var organisationID: Int64
    public var organisationName: String
    public var role: String
    public var signatoryName: String
    public var signatoryTitle: String
    public var signedOn: Day?

    public init(organisationID: Int64, organisationName: String, role: String, signatoryName: String = "",
                signatoryTitle: String = "", signedOn: Day? = nil) {
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.role = role
        self.signatoryName = signatoryName
        self.signatoryTitle = signatoryTitle
        self.signedOn = signedOn
    }

    public static let roles: [(String, String)] = [("gemeente", "Gemeente"), ("koepel", "Koepel PO"),
                                                   ("kinderopvang", "Kinderopvang"), ("partner", "Partner")]

    public static func roleLabel(_ role: String) -> String { roles.first { $0.0 == role }?.1 ?? role }

    /// The gemeente, the koepel and the childcare organisation(s) are the core of every agreement;
    /// only partners added later can be removed again.
    public var isPartner: Bool { role == "partner" }
}

public enum ResultUnit: String, Sendable, CaseIterable {
    case percent, number, euro, score, yesno

    public var label: String {
        switch self {
        case .percent: "percentage"
        case .number: "aantal"
        case .euro: "euro"
        case .score: "score"
        case .yesno: "ja/nee"
        }
    }
}

/// A result in an agreement version with its target per year. `lineage` ties the same result
/// across versions, so the compare page can match them.
public struct AgreementResult: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var lineage: Int64
    public var goalID: Int64
    public var position: Int
    public var description: String
    public var indicator: String
    public var unit: ResultUnit
    public var baselineValue: Double?
    public var baselineYear: Int?
    public var direction: IndicatorDirection
    public var dataSource: String
    public var accumulation: TargetAccumulation
    public var targets: [Int: Double]
    /// The library indicator it measures (`indicators`); nil: linked by its text, unit and
    /// direction when stored (migration 0010's rule).
    public var indicatorID: Int64? = nil

    public init(id: Int64 = 0, lineage: Int64 = 0, goalID: Int64, position: Int = 0, description: String, indicator: String,
                unit: ResultUnit, baselineValue: Double? = nil, baselineYear: Int? = nil, direction: IndicatorDirection = .higher,
                dataSource: String = "", accumulation: TargetAccumulation = .perYear, targets: [Int: Double] = [:]) {
        self.id = id
        self.lineage = lineage
        self.goalID = goalID
        self.position = position
        self.description = description
        self.indicator = indicator
        self.unit = unit
        self.baselineValue = baselineValue
        self.baselineYear = baselineYear
        self.direction = direction
        self.dataSource = dataSource
        self.accumulation = accumulation
        self.targets = targets
    }
}

/// A financial contribution (bijdrage): party × funding source × year, whole cents.
public struct Contribution: Sendable, Equatable, Hashable {
    public var organisationID: Int64
    public var fundingSourceID: Int64
    public var year: Int
    public var cents: Int64

    public init(organisationID: Int64, fundingSourceID: Int64, year: Int, cents: Int64) {
        self.organisationID = organisationID
        self.fundingSourceID = fundingSourceID
        self.year = year
        self.cents = cents
    }
}

/// Hours per week of one staffing role in one year, and which party pays.
public struct Staffing: Sendable, Equatable {
    public var roleCode: String
    public var year: Int
    public var hours: Double
    public var paidBy: Int64?

    public init(roleCode: String, year: Int, hours: Double, paidBy: Int64?) {
        self.roleCode = roleCode
        self.year = year
        self.hours = hours
        self.paidBy = paidBy
    }
}

/// Everything one version says: the unit the page, the print view, the compare page and the
/// amendment copy work on.
public struct AgreementContent: Sendable, Equatable {
    public var version: AgreementVersion
    public var parties: [AgreementParty]
    public var results: [AgreementResult]
    public var contributions: [Contribution]
    public var staffing: [Staffing]

    public init(version: AgreementVersion, parties: [AgreementParty], results: [AgreementResult],
                contributions: [Contribution], staffing: [Staffing]) {
        self.version = version
        self.parties = parties
        self.results = results
        self.contributions = contributions
        self.staffing = staffing
    }

    public func results(goal: Int64) -> [AgreementResult] {
        results.filter { $0.goalID == goal }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    public func contribution(organisation: Int64, source: Int64, year: Int) -> Int64? {
        contributions.first { $0.organisationID == organisation && $0.fundingSourceID == source && $0.year == year }?.cents
    }

    /// Total per party over the whole period.
    public func totalCents(organisation: Int64) -> Int64 {
        contributions.reduce(0) { $0 + ($1.organisationID == organisation ? $1.cents : 0) }
    }

    public func totalCents(year: Int) -> Int64 {
        contributions.reduce(0) { $0 + ($1.year == year ? $1.cents : 0) }
    }

    public var totalCents: Int64 { contributions.reduce(0) { $0 + $1.cents } }

    public var allSigned: Bool { !parties.isEmpty && parties.allSatisfy { $0.signedOn != nil } }
}

/// A signed document attached to a version (without its bytes).
public struct AgreementDocument: Sendable, Equatable {
    public var id: Int64
    public var versionID: Int64
    public var filename: String
    public var sizeBytes: Int
    public var uploadedAt: String

    public init(id: Int64, versionID: Int64, filename: String, sizeBytes: Int, uploadedAt: String) {
        self.id = id
        self.versionID = versionID
        self.filename = filename
        self.sizeBytes = sizeBytes
        self.uploadedAt = uploadedAt
    }
}

/// A proposal to amend the agreement, written in the Act section of one of the IKC's yearly
/// plans (`year_plans.act_amendment_proposal`). A project leader can start an amendment from it.
public struct AmendmentProposal: Sendable, Equatable {
    public var planID: Int64
    public var year: Int
    public var planStatus: YearPlan.Status
    public var text: String

    public init(planID: Int64, year: Int, planStatus: YearPlan.Status, text: String) {
        self.planID = planID
        self.year = year
        self.planStatus = planStatus
        self.text = text
    }

    /// The reason of an amendment started from this proposal, within the 2,000 characters a
    /// reason may have (a longer proposal is cut off with an ellipsis; the plan keeps it whole).
    public func reason(yearLabel: (Int) -> String) -> String {
        let full = "Voorstel uit jaarplan \(yearLabel(year)): \(text.trimmingWhitespace())"
        guard full.count > AgreementRules.maxReasonLength else { return full }
        return String(full.prefix(AgreementRules.maxReasonLength - 1)) + "…"
    }
}
