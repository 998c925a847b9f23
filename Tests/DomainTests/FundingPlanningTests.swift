import Domain
import Testing

/// A small deterministic generator (SplitMix64), so a failing case can be replayed from its seed.
private struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Money as the municipality plans it: budget status, earmarks, calendar years (issue 19)")
struct FundingPlanningTests {
    // MARK: - Calendar split

    @Test("a school year's amount is split 5/12 and 7/12 in whole cents, the remainder on the last part")
    func splitExamples() {
        let split = Funding.CalendarSplit()
        #expect(split.parts(1_200_00) == (first: 500_00, second: 700_00))
        #expect(split.parts(1) == (first: 0, second: 1))
        #expect(split.parts(100) == (first: 41, second: 59))  // 41,67 rounded toward zero; the rest on the last part
        #expect(split.parts(0) == (first: 0, second: 0))
        #expect(split.parts(-100) == (first: -41, second: -59))
        #expect(Funding.split(10, weights: [1, 1, 1]) == [3, 3, 4])
        #expect(Funding.split(7, weights: []) == [7])
    }

    @Test("property: for any amount and any weights the parts add up to the whole, to the cent")
    func splitAddsUp() {
        var rng = Seeded(state: 19)
        for _ in 0..<5_000 {
            let cents = Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &rng)
            let first = Int.random(in: 0...12, using: &rng)
            let parts = Funding.CalendarSplit(first: first, second: 12 - first).parts(cents)
            #expect(parts.first + parts.second == cents, "\(cents) split \(first)/\(12 - first)")
            let weights = (0..<Int.random(in: 1...5, using: &rng)).map { _ in Int.random(in: 0...12, using: &rng) }
            #expect(Funding.split(cents, weights: weights).reduce(0, +) == cents, "\(cents) by \(weights)")
        }
        for cents in [Int64.max, Int64.min + 1, Int64.max - 11] {
            #expect(Funding.split(cents, weights: [5, 7]).reduce(0, +) == cents)
        }
    }

    @Test("the split setting must be two whole numbers of months adding up to 12")
    func splitSetting() {
        #expect(Funding.CalendarSplit.parse(first: "5", second: "7").split == Funding.CalendarSplit(first: 5, second: 7))
        #expect(Funding.CalendarSplit.parse(first: "12", second: "0").split != nil)
        let wrongSum = Funding.CalendarSplit.parse(first: "6", second: "7")
        #expect(wrongSum.split == nil)
        #expect(wrongSum.errors["split_first"] == "De verdeling moet samen 12 maanden zijn; 6 en 7 is samen 13.")
        #expect(Funding.CalendarSplit.parse(first: "-1", second: "13").errors.messages.count == 2)
        #expect(Funding.CalendarSplit.parse(first: "vijf", second: "7").split == nil)
    }

    @Test("a calendar-year source compares each calendar year with 7/12 of the school year before and 5/12 of the one starting in it")
    func calendarLedger() {
        let commitments = [Funding.Key(1, 2024): Funding.Commitment(committed: 12_000_00), Funding.Key(1, 2025): Funding.Commitment(committed: 24_000_00)]
        let ledger = Funding.Ledger(sourceIDs: [1], years: [2024, 2025, 2026], budgets: [:], commitments: commitments, spending: [:],
                                    parents: [:], calendarSources: [1], split: Funding.CalendarSplit())
        #expect(ledger.balance(1, 2024).committed == 5_000_00)
        #expect(ledger.balance(1, 2025).committed == 7_000_00 + 10_000_00)
        #expect(ledger.balance(1, 2026).committed == 14_000_00)
        // Without the split (a calendar-year programme) nothing moves.
        let plain = Funding.Ledger(sourceIDs: [1], years: [2024, 2025], budgets: [:], commitments: commitments, spending: [:],
                                   parents: [:], calendarSources: [1], split: nil)
        #expect(plain.balance(1, 2024).committed == 12_000_00)
    }

    // MARK: - Earmarks

    @Test("an earmark that would make a loop is found: A ⊂ B ⊂ A, and A ⊂ A")
    func loops() {
        let parents: [Int64: Int64] = [2: 1]  // VVE (2) ⊂ OAB (1)
        #expect(Funding.wouldLoop(child: 1, parent: 2, parents: parents))
        #expect(Funding.wouldLoop(child: 1, parent: 1, parents: parents))
        #expect(!Funding.wouldLoop(child: 3, parent: 2, parents: parents))
        #expect(Funding.wouldLoop(child: 1, parent: 3, parents: [2: 1, 3: 2]))
        #expect(Funding.ancestors(of: 3, parents: [2: 1, 3: 2]) == [2, 1])
        // A stored loop (which the verbs refuse) does not hang the arithmetic.
        #expect(Funding.ancestors(of: 1, parents: [1: 2, 2: 1]) == [2])
    }

    @Test("a part's budget larger than its parent's is refused per year, and so is a parent's budget below a part's")
    func partBudgets() {
        let name: (Int64) -> String = { $0 == 1 ? "OAB-middelen" : "VVE-middelen" }
        let all: [Funding.Key: Int64] = [Funding.Key(1, 2024): 900_000_00, Funding.Key(2, 2024): 450_000_00]
        let tooLarge = Funding.earmarkErrors(id: 2, parentID: 1, budgets: [2024: 900_000_01], parents: [2: 1], allBudgets: all,
                                             name: name, yearLabel: { "\($0)-\($0 + 1)" })
        #expect(tooLarge["budget_2024"] == "Het budget in 2024-2025 is groter dan dat van OAB-middelen, waar deze bron een deel van is.")
        #expect(Funding.earmarkErrors(id: 2, parentID: 1, budgets: [2024: 900_000_00], parents: [2: 1], allBudgets: all,
                                      name: name, yearLabel: String.init).isEmpty)
        let parentTooSmall = Funding.earmarkErrors(id: 1, parentID: nil, budgets: [2024: 400_000_00], parents: [2: 1], allBudgets: all,
                                                   name: name, yearLabel: String.init)
        #expect(parentTooSmall["budget_2024"]?.contains("kleiner dan dat van VVE-middelen") == true)
        let loop = Funding.earmarkErrors(id: 1, parentID: 2, budgets: [:], parents: [2: 1], allBudgets: all, name: name, yearLabel: String.init)
        #expect(loop["parent"]?.contains("kring") == true)
    }

    @Test("property: with random earmarks the grand total equals the sum of the top-level sources and adds every euro once")
    func earmarkedTotals() {
        var rng = Seeded(state: 2026)
        for round in 0..<300 {
            let count = Int.random(in: 1...7, using: &rng)
            let ids = (1...count).map { Int64($0) }
            var parents: [Int64: Int64] = [:]
            for id in ids where id > 1 && Bool.random(using: &rng) {
                parents[id] = Int64.random(in: 1..<id, using: &rng)  // a parent with a smaller id: no loops
            }
            let years = [2024, 2025]
            var commitments: [Funding.Key: Funding.Commitment] = [:], budgets: [Funding.Key: Int64] = [:], spending: [Funding.Key: Int64] = [:]
            var raw: Int64 = 0, rawSpent: Int64 = 0
            for id in ids {
                for year in years {
                    let cents = Int64.random(in: 0...1_000_000, using: &rng)
                    commitments[Funding.Key(id, year)] = Funding.Commitment(committed: cents, conceptChange: Int64.random(in: -500...500, using: &rng))
                    budgets[Funding.Key(id, year)] = Int64.random(in: 0...5_000_000, using: &rng)
                    let spent = Int64.random(in: 0...1_000, using: &rng)
                    spending[Funding.Key(id, year)] = spent
                    raw += cents
                    rawSpent += spent
                }
            }
            let ledger = Funding.Ledger(sourceIDs: ids, years: years, budgets: budgets, commitments: commitments, spending: spending, parents: parents)
            let top = Funding.topLevel(ids, parents: parents)
            let sumOfTop = top.reduce(Funding.Balance()) { $0 + ledger.sourceTotal($1) }
            #expect(ledger.total == sumOfTop, "round \(round)")
            #expect(ledger.total.committed == raw, "round \(round): every committed euro once")
            #expect(ledger.total.spent == rawSpent, "round \(round): every spent euro once")
            #expect(ledger.total.budget == top.reduce(Int64(0)) { sum, id in years.reduce(sum) { $0 + (budgets[Funding.Key(id, $1)] ?? 0) } })
            // A parent's cell holds its own commitments and those of every source below it.
            for id in ids {
                let below = ids.filter { $0 == id || Funding.ancestors(of: $0, parents: parents).contains(id) }
                let expected = below.reduce(Int64(0)) { $0 + (commitments[Funding.Key($1, 2024)]?.committed ?? 0) }
                #expect(ledger.balance(id, 2024).committed == expected, "round \(round) source \(id)")
            }
        }
    }

    // MARK: - Budget status

    @Test("years onder voorbehoud, and years without a budget that agreements draw on, are listed with what is committed")
    func undecided() {
        let budgets: [Funding.Key: Int64] = [Funding.Key(3, 2022): 200_000_00, Funding.Key(3, 2023): 200_000_00, Funding.Key(3, 2024): 200_000_00]
        let commitments = [Funding.Key(3, 2023): Funding.Commitment(committed: 58_000_00), Funding.Key(3, 2025): Funding.Commitment(committed: 1_00)]
        let ledger = Funding.Ledger(sourceIDs: [3, 4], years: [2022, 2023, 2024, 2025], budgets: budgets, commitments: commitments, spending: [:])
        let statuses = [Funding.Key(3, 2022): BudgetStatus.vastgesteld, Funding.Key(3, 2023): .onderVoorbehoud, Funding.Key(3, 2024): .onderVoorbehoud]
        let items = Funding.undecided(ledger, statuses: statuses)
        #expect(items == [Funding.Undecided(sourceID: 3, provisionalYears: [2023, 2024], unbudgetedYears: [2025],
                                            committedProvisional: 58_000_00, committedUnbudgeted: 1_00)])
        #expect(Funding.status(Funding.Key(3, 2025), budgets: budgets, statuses: statuses) == .geenBudget)
        #expect(Funding.runs([2023, 2024, 2026]) == [2023...2024, 2026...2026])
    }

    @Test("the source form keeps a status per year; geen budget with an amount is refused")
    func formStatuses() {
        var form = FundingSourceForm(name: "Steunstructuur", kind: "gemeente", budgetTexts: [2022: "200000", 2023: "200000", 2024: "5"],
                                     statusTexts: [2022: "vastgesteld", 2023: "onder_voorbehoud", 2024: "geen_budget"])
        var result = form.validate(years: 2022...2024, kinds: ["gemeente"], organisationIDs: [], yearLabel: String.init, parse: { Int64($0) })
        #expect(result.errors["budget_2024"]?.contains("geen budget") == true)
        form.budgetTexts[2024] = ""
        result = form.validate(years: 2022...2024, kinds: ["gemeente"], organisationIDs: [], yearLabel: String.init, parse: { Int64($0) })
        #expect(result.checked?.statuses == [2022: .vastgesteld, 2023: .onderVoorbehoud])
        #expect(result.checked?.budgets[2024] == nil)
        form.statusTexts[2022] = "misschien"
        #expect(!form.validate(years: 2022...2024, kinds: ["gemeente"], organisationIDs: [], yearLabel: String.init, parse: { Int64($0) }).errors.isEmpty)
    }
}
