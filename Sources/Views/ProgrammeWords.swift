import Domain

/// The programme's own words for the pages (issue 22): a page never spells "Plus IKC",
/// "Ontwikkelgroep" or "koepel" itself but asks the settings (a `Programme?`, or its context).
/// Without settings (nil) the words are KvK2's.
extension Optional where Wrapped == Programme {
    /// The name in the header and every title (KvK2: "Plus IKC").
    public var siteName: String { self?.siteName ?? "Plus IKC" }

    /// The steering group (KvK2: "Ontwikkelgroep"), also the name of its members' role.
    public var steeringGroup: String { self?.steeringGroup ?? "Ontwikkelgroep" }

    /// A role's name in this programme.
    public func roleLabel(_ role: Role) -> String { role == .ontwikkelgroep ? steeringGroup : role.label }

    /// The label of an organisation kind or party role ("koepel" → KvK2 "Koepel PO").
    public func kindLabel(_ code: String) -> String {
        self.map { $0.organisationKindLabel(code) } ?? AgreementParty.roleLabel(code)
    }

    /// The label of the IKC's school board ("Koepel PO", "Schoolbestuur").
    public var boardLabel: String { kindLabel("koepel") }

    /// The label of an IKC kind.
    public func ikcKindLabel(_ kind: IKCKind) -> String { self.map { $0.ikcKindLabel(kind.rawValue) } ?? kind.label }

    /// The IKC kinds for a select: the programme's, else KvK2's.
    public var ikcKindOptions: [(String, String)] {
        if let kinds = self?.ikcKinds, !kinds.isEmpty { return kinds.map { ($0.code, $0.label) } }
        return IKCKind.allCases.map { ($0.rawValue, $0.label) }
    }

    /// What the IKCs that get agreements are called, singular and plural (KvK2: "Plus IKC",
    /// "Plus IKC's"; Amsterdam West: "Kindcentrum", "Kindcentra").
    public var programmeIKC: String { self?.ikcKinds.first(where: \.inProgramme)?.label ?? "Plus IKC" }

    public var programmeIKCs: String { ProgrammeWords.plural(programmeIKC) }

    /// The predicate's name (KvK2: "Plus-predicaat"); nil when the programme has none.
    public var predicateName: String? { self.map { $0.predicateName } ?? "Plus-predicaat" }

    /// The predicate's term and herijking as a sentence (KvK2: 4 and 2 years).
    public var predicateTermSentence: String {
        let p = self ?? Programme.kvk2Term
        return "Het predicaat geldt \(AreaPages.inWords(p.plusTermYears)) jaar en wordt elke \(AreaPages.inWords(p.plusReassessmentYears)) jaar herijkt."
    }
}

extension Programme {
    /// Only the term matters: KvK2's 4 years with a herijking every 2.
    static let kvk2Term = Programme(name: "", municipality: "", firstYear: 0, lastYear: 0, yearKind: .school)
}

enum ProgrammeWords {
    static func plural(_ word: String) -> String {
        if word.hasSuffix("um") { return String(word.dropLast(2)) + "a" }
        if let last = word.last, last.isUppercase || "aeiouy".contains(last) { return word + "'s" }
        return word + "en"
    }
}

extension PageContext {
    public var siteName: String { programme.siteName }
    public var steeringGroup: String { programme.steeringGroup }
    public func roleLabel(_ role: Role) -> String { programme.roleLabel(role) }
    public func kindLabel(_ code: String) -> String { programme.kindLabel(code) }
    public var boardLabel: String { programme.boardLabel }
    public var programmeIKC: String { programme.programmeIKC }
    public var programmeIKCs: String { programme.programmeIKCs }
    public var predicateName: String? { programme.predicateName }
}
