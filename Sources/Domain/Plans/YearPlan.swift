/// A jaarplan: the PDCA record of one IKC for one programme year (DOMAIN.md, "Jaarplan").
public struct YearPlan: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case concept
        case ingediend
        case teruggestuurd
        case goedgekeurd

        public var label: String {
            switch self {
            case .concept: "Concept"
            case .ingediend: "Ingediend"
            case .teruggestuurd: "Teruggestuurd"
            case .goedgekeurd: "Goedgekeurd"
            }
        }

        /// Whether the plan has been handed in (and not handed back).
        public var isSubmitted: Bool { self == .ingediend || self == .goedgekeurd }
    }

    public var id: Int64
    public var ikcID: Int64
    public var ikcName: String
    public var year: Int
    public var agreementVersionID: Int64?
    public var status: Status
    public var content: YearPlanContent
    /// Moments as stored (ISO-8601 UTC).
    public var submittedAt: String?
    public var reviewedAt: String?
    public var reviewerName: String?
    public var returnReason: String
    /// The plan's content as it was when it was last returned (JSON), to show what changed.
    public var reviewedSnapshot: String?
    public var createdAt: String
    public var lockVersion: Int64
    /// The verantwoording's state (Check and Act); the fields above are the jaarplan's.
    public var account: MomentState

    public init(id: Int64, ikcID: Int64, ikcName: String, year: Int, agreementVersionID: Int64?, status: Status,
                content: YearPlanContent, submittedAt: String?, reviewedAt: String?, reviewerName: String?,
                returnReason: String, reviewedSnapshot: String?, createdAt: String, lockVersion: Int64,
                account: MomentState = MomentState()) {
        self.account = account
        self.id = id
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.year = year
        self.agreementVersionID = agreementVersionID
        self.status = status
        self.content = content
        self.submittedAt = submittedAt
        self.reviewedAt = reviewedAt
        self.reviewerName = reviewerName
        self.returnReason = returnReason
        self.reviewedSnapshot = reviewedSnapshot
        self.createdAt = createdAt
        self.lockVersion = lockVersion
    }
}

/// A Check value: measured, explicitly not measured (with a reason), or not yet filled in.
/// "Niet gemeten" is never the value 0, and an empty field is never 0 either.
public enum MeasuredValue: Sendable, Equatable {
    case empty
    case value(Double)
    case notMeasured(reason: String)

    public var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}

public struct Measurement: Sendable, Equatable {
    public var value: MeasuredValue
    public var dataSource: String
    public var measuredOn: Day?
    /// For a percentage whose library indicator has numerator and denominator labels: the counts
    /// the value came from (both or neither); the programme figure is then weighted.
    public var numerator: Double? = nil
    public var denominator: Double? = nil

    public init(value: MeasuredValue = .empty, dataSource: String = "", measuredOn: Day? = nil) {
        self.value = value
        self.dataSource = dataSource
        self.measuredOn = measuredOn
    }

    public var isEmpty: Bool { value == .empty && dataSource.isEmpty && measuredOn == nil }
}

/// Everything a director fills in (Plan, Check, Act), as one value: what a save writes, what the
/// completeness check reads and what the review snapshot records. Absent keys are NULL, not 0.
public struct YearPlanContent: Sendable, Equatable {
    public var intention: String
    public var actChanges: String
    public var actAmendmentProposal: String
    /// Planned activities per agreement result id.
    public var activities: [Int64: String]
    /// Check per agreement result id.
    public var measurements: [Int64: Measurement]
    /// Planned and realised spending in cents per funding source id.
    public var plannedCents: [Int64: Int64]
    public var spentCents: [Int64: Int64]
    /// Staffing hours per week actually deployed, per staffing role code.
    public var staffingHours: [String: Double]

    public init(intention: String = "", actChanges: String = "", actAmendmentProposal: String = "",
                activities: [Int64: String] = [:], measurements: [Int64: Measurement] = [:],
                plannedCents: [Int64: Int64] = [:], spentCents: [Int64: Int64] = [:], staffingHours: [String: Double] = [:]) {
        self.intention = intention
        self.actChanges = actChanges
        self.actAmendmentProposal = actAmendmentProposal
        self.activities = activities
        self.measurements = measurements
        self.plannedCents = plannedCents
        self.spentCents = spentCents
        self.staffingHours = staffingHours
    }

    /// The content as flat key → text pairs with canonical values (cents as integers, numbers
    /// in Swift's shortest form), for the review snapshot, the diff and the audit log.
    /// Keys: intention, act_changes, act_amendment_proposal, activities.<result>,
    /// measurement.<result>, measurement_source.<result>, measured_on.<result>,
    /// planned.<source>, spent.<source>, staffing.<role>.
    public var flattened: [String: String] {
        var out: [String: String] = [:]
        func put(_ key: String, _ value: String) { if !value.isEmpty { out[key] = value } }
        put("intention", intention)
        put("act_changes", actChanges)
        put("act_amendment_proposal", actAmendmentProposal)
        for (id, text) in activities { put("activities.\(id)", text) }
        for (id, m) in measurements {
            switch m.value {
            case .empty: break
            case .value(let v): out["measurement.\(id)"] = YearPlanContent.canonical(v)
            case .notMeasured(let reason): out["measurement.\(id)"] = "niet gemeten: " + reason
            }
            put("measurement_source.\(id)", m.dataSource)
            if let day = m.measuredOn { out["measured_on.\(id)"] = day.iso }
        }
        for (id, cents) in plannedCents { out["planned.\(id)"] = String(cents) }
        for (id, cents) in spentCents { out["spent.\(id)"] = String(cents) }
        for (code, hours) in staffingHours { out["staffing.\(code)"] = YearPlanContent.canonical(hours) }
        return out
    }

    /// A number without a needless ".0".
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// One changed field between two flattened contents.
public struct PlanChange: Sendable, Equatable {
    public var key: String
    public var old: String?
    public var new: String?

    public init(key: String, old: String?, new: String?) {
        self.key = key
        self.old = old
        self.new = new
    }
}

public enum PlanDiff {
    /// The fields that differ, in key order, so the reviewer sees what changed since the review.
    public static func changes(from old: [String: String], to new: [String: String]) -> [PlanChange] {
        let keys = Set(old.keys).union(new.keys).sorted()
        return keys.compactMap { key in
            old[key] == new[key] ? nil : PlanChange(key: key, old: old[key], new: new[key])
        }
    }
}
