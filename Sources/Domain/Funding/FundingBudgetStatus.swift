/// Whether a source's budget for a year is decided (issue 19). A year without a budget row has
/// no budget; a row is decided (vastgesteld) or expected and awaiting a council decision.
public enum BudgetStatus: String, Sendable, CaseIterable {
    case vastgesteld
    case onderVoorbehoud = "onder_voorbehoud"
    case geenBudget = "geen_budget"

    public var label: String {
        switch self {
        case .vastgesteld: "vastgesteld"
        case .onderVoorbehoud: "onder voorbehoud"
        case .geenBudget: "geen budget"
        }
    }

    /// Whether money committed against such a budget is certain.
    public var isDecided: Bool { self == .vastgesteld }
}

extension Funding {
    /// A source's years whose budget is not decided, and what the agreements commit against them.
    public struct Undecided: Sendable, Equatable, Codable {
        public var sourceID: Int64
        /// The years whose budget is onder voorbehoud, by year.
        public var provisionalYears: [Int]
        /// The years without a budget in which agreements commit money, by year.
        public var unbudgetedYears: [Int]
        /// What the versions in force commit in the provisional years.
        public var committedProvisional: Int64
        /// What they commit in the years without a budget.
        public var committedUnbudgeted: Int64

        public init(sourceID: Int64, provisionalYears: [Int] = [], unbudgetedYears: [Int] = [],
                    committedProvisional: Int64 = 0, committedUnbudgeted: Int64 = 0) {
            self.sourceID = sourceID
            self.provisionalYears = provisionalYears
            self.unbudgetedYears = unbudgetedYears
            self.committedProvisional = committedProvisional
            self.committedUnbudgeted = committedUnbudgeted
        }
    }

    /// The status of a source's budget in a year: the stored status, or geen budget without one.
    public static func status(_ key: Key, budgets: [Key: Int64], statuses: [Key: BudgetStatus]) -> BudgetStatus {
        guard budgets[key] != nil else { return .geenBudget }
        return statuses[key] ?? .vastgesteld
    }

    /// Per source of the ledger (in its order), the years that are not decided: onder voorbehoud,
    /// or without a budget while agreements commit money. Sources with every year decided are left out.
    public static func undecided(_ ledger: Ledger, statuses: [Key: BudgetStatus]) -> [Undecided] {
        var result: [Undecided] = []
        for source in ledger.sourceIDs {
            var item = Undecided(sourceID: source)
            for year in ledger.years {
                let balance = ledger.balance(source, year)
                if balance.budget == nil {
                    if balance.committed > 0 {
                        item.unbudgetedYears.append(year)
                        item.committedUnbudgeted += balance.committed
                    }
                } else if statuses[Key(source, year)] == .onderVoorbehoud {
                    item.provisionalYears.append(year)
                    item.committedProvisional += balance.committed
                }
            }
            if !item.provisionalYears.isEmpty || !item.unbudgetedYears.isEmpty { result.append(item) }
        }
        return result
    }

    /// Consecutive years as ranges ([2025, 2026, 2028] -> [2025...2026, 2028...2028]), for
    /// sentences like "2025-2026 t/m 2026-2027".
    public static func runs(_ years: [Int]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for year in years.sorted() {
            if let last = runs.last, last.upperBound + 1 == year {
                runs[runs.count - 1] = last.lowerBound...year
            } else {
                runs.append(year...year)
            }
        }
        return runs
    }
}
