/// A funding source (financieringsbron, table `funding_sources`): a pot of money with an
/// available budget per programme year that the agreements' contributions draw on.
public struct FundingSource: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    /// A code of `funding_source_kinds` (oab, vve, gemeente, koepel, kinderopvang, other).
    public var kind: String
    /// The organisation that holds the money, if one does.
    public var organisationID: Int64?
    public var notes: String
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", kind: String = "", organisationID: Int64? = nil,
                notes: String = "", lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.organisationID = organisationID
        self.notes = notes
        self.lockVersion = lockVersion
    }
}

/// The edit form of a funding source as typed: its fields and the budget of every year as text.
/// Parsing amounts is Markup's job (`DutchFormat.parseEuros`), so the parser is passed in and
/// Domain stays free of formatting code.
public struct FundingSourceForm: Sendable, Equatable {
    public var name: String
    public var kind: String
    /// The holder's id as typed ("" for none).
    public var organisation: String
    public var notes: String
    /// Year -> the amount as typed ("" for no budget).
    public var budgetTexts: [Int: String]

    public init(name: String = "", kind: String = "", organisation: String = "", notes: String = "", budgetTexts: [Int: String] = [:]) {
        self.name = name
        self.kind = kind
        self.organisation = organisation
        self.notes = notes
        self.budgetTexts = budgetTexts
    }

    /// The form field of a year's budget: `budget_2024`.
    public static func budgetField(_ year: Int) -> String { "budget_\(year)" }

    /// What the form checks, and what it means when it passes.
    public struct Checked: Sendable, Equatable {
        public var source: FundingSource
        /// Year -> cents; a year without an entry has no budget.
        public var budgets: [Int: Int64]
    }

    /// Checks the form against the code lists. `yearLabel` writes a year as the programme does;
    /// `parse` turns a Dutch amount into cents or nil.
    public func validate(years: ClosedRange<Int>, kinds: [String], organisationIDs: Set<Int64>,
                         yearLabel: (Int) -> String, parse: (String) -> Int64?) -> (errors: ValidationErrors, checked: Checked?) {
        var errors = ValidationErrors()
        let trimmedName = name.trimmingWhitespace()
        Check.required(trimmedName, "name", "de naam", into: &errors)
        Check.maxLength(trimmedName, 200, "name", "de naam", into: &errors)
        if !kinds.contains(kind) { errors.add("kind", "Kies het soort financieringsbron.") }
        var holder: Int64?
        if !organisation.isEmpty {
            if let id = Int64(organisation), organisationIDs.contains(id) {
                holder = id
            } else {
                errors.add("organisation", "Kies een bestaande organisatie, of geen.")
            }
        }
        Check.maxLength(notes, 4000, "notes", "de toelichting", multiLine: true, into: &errors)
        var budgets: [Int: Int64] = [:]
        for year in years {
            let text = (budgetTexts[year] ?? "").trimmingWhitespace()
            if text.isEmpty { continue }
            let field = FundingSourceForm.budgetField(year)
            guard let cents = parse(text) else {
                errors.add(field, "Vul bij \(yearLabel(year)) een bedrag in euro's in, bijvoorbeeld 12.500 of 12.500,50.")
                continue
            }
            if cents < 0 {
                errors.add(field, "Het budget van \(yearLabel(year)) kan niet negatief zijn.")
                continue
            }
            budgets[year] = cents
        }
        guard errors.isEmpty else { return (errors, nil) }
        let source = FundingSource(name: trimmedName, kind: kind, organisationID: holder, notes: notes.trimmingWhitespace())
        return (errors, Checked(source: source, budgets: budgets))
    }
}
