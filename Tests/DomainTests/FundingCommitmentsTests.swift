import Domain
import Testing

/// Named fixtures: source 1 (OAB) and 2 (VVE); agreement 10 and 20.
private let oab: Int64 = 1
private let vve: Int64 = 2

private func version(_ id: Int64, agreement: Int64, number: Int, fixed: Bool) -> Funding.Version {
    Funding.Version(id: id, agreementID: agreement, number: number, isFixed: fixed)
}

private func amount(_ version: Int64, _ source: Int64, _ year: Int, _ euros: Int64) -> Funding.Amount {
    Funding.Amount(versionID: version, sourceID: source, year: year, cents: euros * 100)
}

@Suite("Funding commitments")
struct FundingCommitmentsTests {
    @Test("a fixed version commits its figures and has nothing in concept")
    func fixedOnly() {
        let versions = [version(100, agreement: 10, number: 1, fixed: true)]
        let amounts = [amount(100, oab, 2024, 50_000), amount(100, vve, 2024, 20_000), amount(100, oab, 2025, 55_000)]
        let totals = Funding.commitments(Funding.agreementFigures(versions: versions, amounts: amounts))
        #expect(totals[Funding.Key(oab, 2024)] == Funding.Commitment(committed: 5_000_000, conceptChange: 0))
        #expect(totals[Funding.Key(vve, 2024)] == Funding.Commitment(committed: 2_000_000, conceptChange: 0))
        #expect(totals[Funding.Key(oab, 2025)] == Funding.Commitment(committed: 5_500_000, conceptChange: 0))
    }

    @Test("an agreement only in concept commits nothing and shows all its figures as concept")
    func conceptOnly() {
        let versions = [version(200, agreement: 20, number: 1, fixed: false)]
        let amounts = [amount(200, oab, 2024, 30_000)]
        let totals = Funding.commitments(Funding.agreementFigures(versions: versions, amounts: amounts))
        #expect(totals[Funding.Key(oab, 2024)] == Funding.Commitment(committed: 0, conceptChange: 3_000_000))
    }

    @Test("an amendment replaces the figures of the earlier version, it does not add to them")
    func amendmentReplaces() {
        let versions = [version(100, agreement: 10, number: 1, fixed: true), version(101, agreement: 10, number: 2, fixed: true)]
        let amounts = [amount(100, oab, 2024, 50_000), amount(100, oab, 2025, 50_000),
                       amount(101, oab, 2024, 60_000)]  // version 2 drops 2025 altogether
        let totals = Funding.commitments(Funding.agreementFigures(versions: versions, amounts: amounts))
        #expect(totals[Funding.Key(oab, 2024)]?.committed == 6_000_000)
        #expect(totals[Funding.Key(oab, 2025)]?.committed ?? 0 == 0)
    }

    @Test("a concept amendment shows only the difference with the version in force")
    func conceptAmendmentIsADifference() {
        let versions = [version(100, agreement: 10, number: 1, fixed: true), version(101, agreement: 10, number: 2, fixed: false)]
        let amounts = [amount(100, oab, 2024, 50_000), amount(100, vve, 2024, 10_000),
                       amount(101, oab, 2024, 65_000), amount(101, vve, 2024, 4_000), amount(101, oab, 2026, 1_000)]
        let totals = Funding.commitments(Funding.agreementFigures(versions: versions, amounts: amounts))
        #expect(totals[Funding.Key(oab, 2024)] == Funding.Commitment(committed: 5_000_000, conceptChange: 1_500_000))
        #expect(totals[Funding.Key(vve, 2024)] == Funding.Commitment(committed: 1_000_000, conceptChange: -600_000))
        #expect(totals[Funding.Key(oab, 2026)] == Funding.Commitment(committed: 0, conceptChange: 100_000))
    }

    @Test("a version out for signing counts as pending, like a concept")
    func signingIsPending() {
        let standings = Funding.standings([version(1, agreement: 10, number: 1, fixed: true), version(2, agreement: 10, number: 2, fixed: false)])
        #expect(standings[10] == Funding.Standing(inForce: 1, pending: 2))
    }

    @Test("a concept older than the version in force counts for nothing")
    func staleConceptIgnored() {
        let versions = [version(1, agreement: 10, number: 1, fixed: true), version(2, agreement: 10, number: 2, fixed: false),
                        version(3, agreement: 10, number: 3, fixed: true)]
        #expect(Funding.standings(versions)[10] == Funding.Standing(inForce: 3, pending: nil))
        let amounts = [amount(1, oab, 2024, 1), amount(2, oab, 2024, 1_000), amount(3, oab, 2024, 7)]
        let totals = Funding.commitments(Funding.agreementFigures(versions: versions, amounts: amounts))
        #expect(totals[Funding.Key(oab, 2024)] == Funding.Commitment(committed: 700, conceptChange: 0))
        #expect(Funding.countingVersionIDs(versions) == [3])
    }

    @Test("commitments of several agreements add up, each with its own version in force")
    func severalAgreements() {
        let versions = [version(100, agreement: 10, number: 1, fixed: true), version(101, agreement: 10, number: 2, fixed: true),
                        version(200, agreement: 20, number: 1, fixed: true), version(300, agreement: 30, number: 1, fixed: false)]
        let amounts = [amount(100, oab, 2024, 999_999), amount(101, oab, 2024, 40_000), amount(200, oab, 2024, 25_000),
                       amount(300, oab, 2024, 10_000)]
        let figures = Funding.agreementFigures(versions: versions, amounts: amounts)
        #expect(figures.map(\.agreementID) == [10, 20, 30])
        let totals = Funding.commitments(figures)
        #expect(totals[Funding.Key(oab, 2024)] == Funding.Commitment(committed: 6_500_000, conceptChange: 1_000_000))
        #expect(Funding.countingVersionIDs(versions) == [101, 200, 300])
    }

    @Test("over-commitment: exactly the budget is not over, one cent more is")
    func overCommitmentBoundary() {
        let atBudget = Funding.Balance(budget: 100_000, committed: 100_000)
        #expect(!atBudget.isOverCommitted)
        #expect(atBudget.overCommitment == 0)
        #expect(atBudget.remaining == 0)
        let oneCentOver = Funding.Balance(budget: 100_000, committed: 100_001)
        #expect(oneCentOver.isOverCommitted)
        #expect(oneCentOver.overCommitment == 1)
        #expect(oneCentOver.remaining == -1)
    }

    @Test("without a budget any commitment is over-committed, and nothing is not")
    func missingBudget() {
        #expect(Funding.Balance(budget: nil, committed: 1).isOverCommitted)
        #expect(!Funding.Balance(budget: nil, committed: 0).isOverCommitted)
    }

    @Test("concepts that would take a source over its budget are flagged apart")
    func overWithConcepts() {
        let balance = Funding.Balance(budget: 1_000, committed: 900, conceptChange: 200)
        #expect(!balance.isOverCommitted)
        #expect(balance.isOverCommittedWithConcepts)
        #expect(balance.overCommitmentWithConcepts == 100)
    }

    @Test("ledger totals are the exact sums of the cells; unknown spending stays unknown")
    func ledgerTotals() {
        let budgets: [Funding.Key: Int64] = [Funding.Key(oab, 2024): 1_000_01, Funding.Key(vve, 2024): 333, Funding.Key(oab, 2025): 7]
        let commitments: [Funding.Key: Funding.Commitment] = [
            Funding.Key(oab, 2024): Funding.Commitment(committed: 50_05, conceptChange: -3),
            Funding.Key(vve, 2025): Funding.Commitment(committed: 11, conceptChange: 4),
        ]
        let spending: [Funding.Key: Int64] = [Funding.Key(oab, 2024): 12]
        let ledger = Funding.Ledger(sourceIDs: [oab, vve], years: [2024, 2025], budgets: budgets, commitments: commitments, spending: spending)
        #expect(ledger.yearTotal(2024) == Funding.Balance(budget: 1_000_01 + 333, committed: 50_05, conceptChange: -3, spent: 12))
        #expect(ledger.yearTotal(2025) == Funding.Balance(budget: 7, committed: 11, conceptChange: 4, spent: nil))
        #expect(ledger.sourceTotal(vve) == Funding.Balance(budget: 333, committed: 11, conceptChange: 4, spent: nil))
        #expect(ledger.total.committed == ledger.yearTotal(2024).committed + ledger.yearTotal(2025).committed)
        #expect(ledger.total.budget == Int64(100_341))
        #expect(ledger.overCommitments.map(\.key) == [Funding.Key(vve, 2025)])
        #expect(ledger.overCommitments.map(\.amount) == [11])
    }

    @Test("a ledger leaves out years and sources it does not cover")
    func ledgerScope() {
        let commitments: [Funding.Key: Funding.Commitment] = [Funding.Key(oab, 2019): Funding.Commitment(committed: 5), Funding.Key(99, 2024): Funding.Commitment(committed: 5)]
        let ledger = Funding.Ledger(sourceIDs: [oab], years: [2024], budgets: [:], commitments: commitments, spending: [:])
        #expect(ledger.total.committed == 0)
    }
}

@Suite("Funding scenario")
struct FundingScenarioTests {
    let figures = [
        Funding.AgreementFigures(agreementID: 10, committed: [Funding.Key(oab, 2024): 500, Funding.Key(oab, 2025): 500]),
        Funding.AgreementFigures(agreementID: 20, hasPendingVersion: true, committed: [Funding.Key(oab, 2024): 300],
                                 proposed: [Funding.Key(oab, 2024): 400]),
    ]
    let budgets: [Funding.Key: Int64] = [Funding.Key(oab, 2024): 1_000, Funding.Key(oab, 2025): 1_000]

    @Test("an empty scenario changes nothing")
    func empty() {
        let outcome = Funding.ScenarioOutcome(scenario: Funding.Scenario(), sourceIDs: [oab], years: [2024, 2025], budgets: budgets,
                                              figures: figures, spending: [:])
        #expect(outcome.before == outcome.after)
    }

    @Test("another budget for one source changes only that source's balance")
    func budgetScenario() {
        let scenario = Funding.Scenario(budgetSourceID: oab, budgets: [2024: 700])
        let outcome = Funding.ScenarioOutcome(scenario: scenario, sourceIDs: [oab, vve], years: [2024, 2025], budgets: budgets,
                                              figures: figures, spending: [:])
        #expect(outcome.after.balance(oab, 2024) == Funding.Balance(budget: 700, committed: 800, conceptChange: 100))
        #expect(outcome.after.balance(oab, 2024).isOverCommitted)
        #expect(outcome.after.balance(oab, 2025).budget == nil)  // left empty in the scenario: no budget
        #expect(outcome.before.balance(oab, 2024).budget == 1_000)
        #expect(outcome.after.balance(vve, 2024) == outcome.before.balance(vve, 2024))
    }

    @Test("other contributions for one agreement replace its figures in force; its concept is measured against them")
    func agreementScenario() {
        let scenario = Funding.Scenario(agreementID: 20, contributions: [Funding.Key(oab, 2024): 350, Funding.Key(oab, 2025): 50])
        let outcome = Funding.ScenarioOutcome(scenario: scenario, sourceIDs: [oab], years: [2024, 2025], budgets: budgets,
                                              figures: figures, spending: [:])
        #expect(outcome.after.balance(oab, 2024) == Funding.Balance(budget: 1_000, committed: 850, conceptChange: 50))
        #expect(outcome.after.balance(oab, 2025) == Funding.Balance(budget: 1_000, committed: 550, conceptChange: -50))
        #expect(outcome.before.balance(oab, 2025).committed == 500)
    }

    @Test("a scenario for an agreement without figures adds them")
    func newAgreement() {
        let scenario = Funding.Scenario(agreementID: 30, contributions: [Funding.Key(oab, 2025): 501])
        let outcome = Funding.ScenarioOutcome(scenario: scenario, sourceIDs: [oab], years: [2025], budgets: budgets,
                                              figures: figures, spending: [:])
        #expect(outcome.after.balance(oab, 2025).committed == 1_001)
        #expect(outcome.after.balance(oab, 2025).isOverCommitted)
    }
}

@Suite("Funding source form")
struct FundingSourceFormTests {
    func parse(_ text: String) -> Int64? {
        // A stand-in for DutchFormat.parseEuros: whole euros only.
        Int64(text).map { $0 * 100 }
    }

    @Test("a valid form gives the source and the budgets of the filled-in years")
    func valid() {
        let form = FundingSourceForm(name: "  OAB ", kind: "oab", organisation: "3", notes: "", budgetTexts: [2024: "100", 2025: " ", 2026: "0"])
        let (errors, checked) = form.validate(years: 2024...2026, kinds: ["oab"], organisationIDs: [3], yearLabel: { "\($0)" }, parse: parse)
        #expect(errors.isEmpty)
        #expect(checked?.source.name == "OAB")
        #expect(checked?.source.organisationID == 3)
        #expect(checked?.budgets == [2024: 10_000, 2026: 0])
    }

    @Test("a wrong amount, a negative one, an unknown kind and an unknown holder are refused with Dutch messages")
    func invalid() {
        let form = FundingSourceForm(name: "", kind: "x", organisation: "9", budgetTexts: [2024: "veel", 2025: "-5"])
        let (errors, checked) = form.validate(years: 2024...2025, kinds: ["oab"], organisationIDs: [3], yearLabel: { "\($0)" }, parse: parse)
        #expect(checked == nil)
        #expect(errors["name"] != nil)
        #expect(errors["kind"] != nil)
        #expect(errors["organisation"] != nil)
        #expect(errors["budget_2024"]?.contains("2024") == true)
        #expect(errors["budget_2025"]?.contains("negatief") == true)
    }
}

@Suite("Funding amounts typed in a form")
struct FundingParseAmountsTests {
    @Test("empty texts are left out, good ones become cents, bad and negative ones get a Dutch message on their field")
    func parse() {
        let texts: [Funding.Key: String] = [Funding.Key(1, 2024): "12", Funding.Key(1, 2025): " ", Funding.Key(2, 2024): "x", Funding.Key(2, 2025): "-1"]
        let (amounts, errors) = Funding.parseAmounts(texts, field: { "c_\($0.sourceID)_\($0.year)" }, label: { "bron \($0.sourceID) in \($0.year)" },
                                                     parse: { Int64($0).map { $0 * 100 } })
        #expect(amounts == [Funding.Key(1, 2024): 1_200])
        #expect(errors["c_2_2024"] == "Vul bij bron 2 in 2024 een bedrag in euro's in, bijvoorbeeld 12.500 of 12.500,50.")
        #expect(errors["c_2_2025"] == "Het bedrag bij bron 2 in 2025 kan niet negatief zijn.")
        #expect(errors.messages.count == 2)
    }
}
