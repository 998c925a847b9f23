extension Funding {
    /// A what-if: other budgets for one source, and/or other contributions for one agreement.
    /// Applying it changes copies of the figures; nothing is ever stored.
    public struct Scenario: Sendable, Equatable {
        /// The source whose budget is replaced, and its budget per year (a year missing here has
        /// no budget in the scenario).
        public var budgetSourceID: Int64?
        public var budgets: [Int: Int64]
        /// The agreement whose figures in force are replaced, and the figures (a source and year
        /// missing here is 0 in the scenario).
        public var agreementID: Int64?
        public var contributions: [Key: Int64]

        public init(budgetSourceID: Int64? = nil, budgets: [Int: Int64] = [:], agreementID: Int64? = nil, contributions: [Key: Int64] = [:]) {
            self.budgetSourceID = budgetSourceID
            self.budgets = budgets
            self.agreementID = agreementID
            self.contributions = contributions
        }

        public var isEmpty: Bool { budgetSourceID == nil && agreementID == nil }

        /// The budgets with this scenario's source replaced for `years`.
        public func applied(toBudgets budgets: [Key: Int64], years: [Int]) -> [Key: Int64] {
            guard let source = budgetSourceID else { return budgets }
            var result = budgets
            for year in years { result[Key(source, year)] = self.budgets[year] }
            return result
        }

        /// The agreements' figures with this scenario's agreement's figures in force replaced.
        /// Its pending version (if any) stays; what it would change is then measured against the
        /// scenario's figures.
        public func applied(toFigures figures: [AgreementFigures]) -> [AgreementFigures] {
            guard let agreementID else { return figures }
            var result = figures
            if let index = result.firstIndex(where: { $0.agreementID == agreementID }) {
                result[index].committed = contributions
            } else {
                result.append(AgreementFigures(agreementID: agreementID, committed: contributions))
                result.sort { $0.agreementID < $1.agreementID }
            }
            return result
        }
    }

    /// The ledger before and after a scenario.
    public struct ScenarioOutcome: Sendable, Equatable {
        public var before: Ledger
        public var after: Ledger

        /// Applies `scenario` to the figures and budgets and builds both ledgers over the same
        /// sources, years and spending.
        public init(scenario: Scenario, sourceIDs: [Int64], years: [Int], budgets: [Key: Int64],
                    figures: [AgreementFigures], spending: [Key: Int64], parents: [Int64: Int64] = [:],
                    calendarSources: Set<Int64> = [], split: CalendarSplit? = nil) {
            before = Ledger(sourceIDs: sourceIDs, years: years, budgets: budgets, commitments: Funding.commitments(figures),
                            spending: spending, parents: parents, calendarSources: calendarSources, split: split)
            after = Ledger(sourceIDs: sourceIDs, years: years, budgets: scenario.applied(toBudgets: budgets, years: years),
                           commitments: Funding.commitments(scenario.applied(toFigures: figures)), spending: spending,
                           parents: parents, calendarSources: calendarSources, split: split)
        }
    }
}

extension Funding {
    /// Amounts typed in a form, checked: each non-empty text must be a non-negative amount.
    /// Empty texts are left out. `field` names the form field of a key (for the error link),
    /// `label` says in Dutch where the amount is ("OAB in 2024-2025").
    public static func parseAmounts<K: Hashable>(_ texts: [K: String], field: (K) -> String, label: (K) -> String,
                                                 parse: (String) -> Int64?) -> (amounts: [K: Int64], errors: ValidationErrors) {
        var amounts: [K: Int64] = [:]
        var errors = ValidationErrors()
        for (key, raw) in texts.sorted(by: { field($0.key) < field($1.key) }) {
            let text = raw.trimmingWhitespace()
            if text.isEmpty { continue }
            guard let cents = parse(text) else {
                errors.add(field(key), "Vul bij \(label(key)) een bedrag in euro's in, bijvoorbeeld 12.500 of 12.500,50.")
                continue
            }
            guard cents >= 0 else {
                errors.add(field(key), "Het bedrag bij \(label(key)) kan niet negatief zijn.")
                continue
            }
            amounts[key] = cents
        }
        return (amounts, errors)
    }
}
