/// A decision that granted or renewed (herijking) an IKC's Plus predicate.
public struct PlusDecision: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case toekenning
        case herijking

        public var label: String {
            switch self {
            case .toekenning: "Toekenning"
            case .herijking: "Herijking"
            }
        }
    }

    public var kind: Kind
    public var decidedOn: Day
    /// The body that decided (Ontwikkelgroep, college van B&W …); empty when not recorded.
    public var body: String
    public var note: String

    public init(kind: Kind, decidedOn: Day, body: String = "", note: String = "") {
        self.kind = kind
        self.decidedOn = decidedOn
        self.body = body
        self.note = note
    }

    /// The decision a save of `new` over `old` records: a (new) grant when there was none or its
    /// date changed, a herijking when the date of the last herijking changed; nil otherwise.
    public static func implied(old: PlusPredicate?, new: PlusPredicate, body: String) -> PlusDecision? {
        if old == nil || old?.grantedOn != new.grantedOn {
            return PlusDecision(kind: .toekenning, decidedOn: new.grantedOn, body: body, note: new.notes)
        }
        if let last = new.lastReassessedOn, old?.lastReassessedOn != last {
            return PlusDecision(kind: .herijking, decidedOn: last, body: body, note: new.notes)
        }
        return nil
    }
}

/// A Plus IKC in an area whose classification changed: its predicate needs a herijking.
public struct PlusReassessmentDue: Sendable, Equatable {
    public var ikcID: Int64
    public var ikcName: String
    public var areaName: String
    /// Whether the area is an aandachtsgebied now (false: it no longer is).
    public var nowPriority: Bool

    public init(ikcID: Int64, ikcName: String, areaName: String, nowPriority: Bool) {
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.areaName = areaName
        self.nowPriority = nowPriority
    }
}

/// What the IKC and predicate pages show of the Plus rules: whether the IKC lies outside an
/// aandachtsgebied and why it holds the predicate anyway, the decisions, a pending herijking.
public struct PlusRules: Sendable, Equatable {
    public var outsideArea: Bool
    public var outsideAreaReason: String?
    public var decisions: [PlusDecision]
    /// Set when the area was reclassified and no herijking has been recorded since.
    public var reassessmentDue: PlusReassessmentDue?

    public init(outsideArea: Bool = false, outsideAreaReason: String? = nil, decisions: [PlusDecision] = [],
                reassessmentDue: PlusReassessmentDue? = nil) {
        self.outsideArea = outsideArea
        self.outsideAreaReason = outsideAreaReason
        self.decisions = decisions
        self.reassessmentDue = reassessmentDue
    }
}
