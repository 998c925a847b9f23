/// A kind of IKC as the programme configures it (table `ikc_kinds`).
public struct IKCKindSetting: Sendable, Equatable {
    public var code: String
    public var label: String
    /// IKCs of this kind get agreements and year plans.
    public var inProgramme: Bool
    /// The kind that carries the programme's predicate (KvK2: Plus IKC); at most one.
    public var carriesPredicate: Bool

    public init(code: String, label: String, inProgramme: Bool = false, carriesPredicate: Bool = false) {
        self.code = code
        self.label = label
        self.inProgramme = inProgramme
        self.carriesPredicate = carriesPredicate
    }
}

/// A kind of organisation (table `organisation_kinds`) and whether it signs agreements.
/// The codes `gemeente`, `koepel` (the IKC's school board) and `kinderopvang` have a fixed
/// meaning in every programme; their labels are the programme's words.
public struct OrganisationKindSetting: Sendable, Equatable {
    public var code: String
    public var label: String
    public var signs: Bool

    public init(code: String, label: String, signs: Bool = false) {
        self.code = code
        self.label = label
        self.signs = signs
    }

    /// The codes the application relies on, which cannot be retired.
    public static let structural: Set<String> = ["gemeente", "koepel", "kinderopvang", "partner"]
}

/// A level of the area classification (table `area_classes`); 0 is the lowest.
public struct AreaClass: Sendable, Equatable {
    public var level: Int
    public var label: String
    /// IKCs in an area of this level may carry the predicate.
    public var qualifies: Bool

    public init(level: Int, label: String, qualifies: Bool = false) {
        self.level = level
        self.label = label
        self.qualifies = qualifies
    }
}

extension Programme {
    /// The kind that carries the predicate, if the programme has one.
    public var predicateKind: IKCKindSetting? { ikcKinds.first { $0.carriesPredicate } }

    /// The predicate's name, from the first word of the kind that carries it (KvK2: "Plus IKC"
    /// gives "Plus-predicaat"); nil when the programme has no predicate.
    public var predicateName: String? {
        predicateKind.map { kind in "\(kind.label.split(separator: " ").first.map(String.init) ?? kind.label)-predicaat" }
    }

    /// The label of an IKC kind code (the code itself when it is not configured).
    public func ikcKindLabel(_ code: String) -> String { ikcKinds.first { $0.code == code }?.label ?? IKCKind(rawValue: code)?.label ?? code }

    /// The label of an organisation kind (also the role of an agreement party).
    public func organisationKindLabel(_ code: String) -> String {
        organisationKinds.first { $0.code == code }?.label ?? AgreementParty.roleLabel(code)
    }

    /// The role of an agreement party: its organisation kind's label, but "Partner" for any
    /// other partner (the kind's label, KvK2 "Andere partner", reads as a kind, not a role).
    public func partyRoleLabel(_ code: String) -> String { code == "partner" ? "Partner" : organisationKindLabel(code) }

    /// The label of an area level.
    public func areaClassLabel(_ level: Int) -> String { areaClasses.first { $0.level == level }?.label ?? String(level) }

    /// The kinds whose organisations sign every agreement.
    public var signingKinds: [OrganisationKindSetting] { organisationKinds.filter(\.signs) }

    /// How many copies a printed agreement is signed in: one per signing party kind, in words
    /// ("in drievoud" for three).
    public var copiesPhrase: String {
        switch signingKinds.count {
        case 0, 1: "in enkelvoud"
        case 2: "in tweevoud"
        case 3: "in drievoud"
        case 4: "in viervoud"
        case 5: "in vijfvoud"
        default: "in \(signingKinds.count)-voud"
        }
    }

    /// "Doel 1 t/m 3" for three goals; "Doel 1" for one.
    public func goalRangePhrase(goalCount: Int) -> String {
        goalCount <= 1 ? "Doel 1" : "Doel 1 t/m \(goalCount)"
    }
}
