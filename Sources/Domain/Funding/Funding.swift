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
    /// The source this one is a part of (an earmark: VVE-middelen within OAB-middelen), if any.
    public var parentID: Int64?
    /// Whether its budget is kept per calendar year while the programme counts school years.
    public var calendarBudget: Bool

    public init(id: Int64 = 0, name: String = "", kind: String = "", organisationID: Int64? = nil,
                notes: String = "", lockVersion: Int64 = 1, parentID: Int64? = nil, calendarBudget: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.organisationID = organisationID
        self.notes = notes
        self.lockVersion = lockVersion
        self.parentID = parentID
        self.calendarBudget = calendarBudget
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
    /// Year -> the budget status as chosen (a `BudgetStatus` raw value; "" counts as vastgesteld).
    public var statusTexts: [Int: String]
    /// The id of the source this one is a part of, as chosen ("" for none).
    public var parent: String
    /// Whether the budget is kept per calendar year.
    public var calendarBudget: Bool

    public init(name: String = "", kind: String = "", organisation: String = "", notes: String = "", budgetTexts: [Int: String] = [:],
                statusTexts: [Int: String] = [:], parent: String = "", calendarBudget: Bool = false) {
        self.name = name
        self.kind = kind
        self.organisation = organisation
        self.notes = notes
        self.budgetTexts = budgetTexts
        self.statusTexts = statusTexts
        self.parent = parent
        self.calendarBudget = calendarBudget
    }

    /// The form field of a year's budget: `budget_2024`.
    public static func budgetField(_ year: Int) -> String { "budget_\(year)" }

    /// The form field of a year's budget status: `status_2024`.
    public static func statusField(_ year: Int) -> String { "status_\(year)" }

    /// What the form checks, and what it means when it passes.
    public struct Checked: Sendable, Equatable {
        public var source: FundingSource
        /// Year -> cents; a year without an entry has no budget.
        public var budgets: [Int: Int64]
        /// Year -> status, for the years with a budget.
        public var statuses: [Int: BudgetStatus] = [:]
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
        var parentID: Int64?
        if !parent.isEmpty {
            if let id = Int64(parent) {
                parentID = id
            } else {
                errors.add("parent", "Kies een bestaande financieringsbron, of geen.")
            }
        }
        var budgets: [Int: Int64] = [:]
        var statuses: [Int: BudgetStatus] = [:]
        for year in years {
            let text = (budgetTexts[year] ?? "").trimmingWhitespace()
            let statusText = statusTexts[year] ?? ""
            guard let status = statusText.isEmpty ? BudgetStatus.vastgesteld : BudgetStatus(rawValue: statusText) else {
                errors.add(FundingSourceForm.statusField(year), "Kies bij \(yearLabel(year)) vastgesteld, onder voorbehoud of geen budget.")
                continue
            }
            if status == .geenBudget {
                if !text.isEmpty {
                    errors.add(FundingSourceForm.budgetField(year), "Bij \(yearLabel(year)) is gekozen voor geen budget: maak het bedrag leeg of kies vastgesteld of onder voorbehoud.")
                }
                continue
            }
            if text.isEmpty { continue }
            statuses[year] = status
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
        let source = FundingSource(name: trimmedName, kind: kind, organisationID: holder, notes: notes.trimmingWhitespace(),
                                   parentID: parentID, calendarBudget: calendarBudget)
        return (errors, Checked(source: source, budgets: budgets, statuses: statuses.filter { budgets[$0.key] != nil }))
    }
}
