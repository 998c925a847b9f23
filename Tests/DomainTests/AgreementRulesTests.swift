import Foundation
import Domain
import Testing

/// A stand-in for Markup's parser (Domain tests cannot import Markup): a decimal comma only.
func testNumber(_ text: String) -> Double? { Double(text.replacingOccurrences(of: ",", with: ".")) }
func testEuros(_ text: String) -> Int64? { testNumber(text).map { Int64(($0 * 100).rounded()) } }
let school = Programme(name: "KvK2", municipality: "Leeuwarden", firstYear: 2021, lastYear: 2028, yearKind: .school)

func sampleVersion(_ number: Int = 1, texts: AgreementTexts = AgreementTexts()) -> AgreementVersion {
    AgreementVersion(id: Int64(number), agreementID: 1, number: number, status: .concept, reason: "", texts: texts,
                     createdByName: nil, createdAt: "2026-01-01T00:00:00Z", fixedAt: nil, lockVersion: 1)
}

@Suite("Agreement rules")
struct AgreementRulesTests {
    @Test("a period must lie inside the programme's years and be in order")
    func period() {
        #expect(AgreementRules.validatePeriod(first: 2022, last: 2028, programme: school).isEmpty)
        #expect(AgreementRules.validatePeriod(first: 2020, last: 2028, programme: school)["first_year"]?.contains("2021-2022") == true)
        #expect(AgreementRules.validatePeriod(first: 2026, last: 2024, programme: school)["last_year"] != nil)
        #expect(AgreementRules.validatePeriod(first: nil, last: 2024, programme: school)["first_year"] != nil)
    }

    @Test("the targets grid wants a number for every result and every year, inside the period")
    func targetsGrid() {
        let results = [AgreementResult(id: 7, goalID: 1, description: "VVE", indicator: "Deelname", unit: .percent)]
        let ok = AgreementRules.targets(fields: [("t_7_2024", "60,5"), ("t_7_2025", "61")], results: results, years: 2024...2025,
                                        yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(ok.errors.isEmpty)
        #expect(ok.values[7] == [2024: 60.5, 2025: 61])
        let missing = AgreementRules.targets(fields: [("t_7_2024", "60")], results: results, years: 2024...2025,
                                             yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(missing.errors["t_7_2025"] == "Vul de streefwaarde voor 2025-2026 in bij ‘Deelname’.")
        let bad = AgreementRules.targets(fields: [("t_7_2024", "veel"), ("t_7_2025", "140"), ("t_7_2030", "1")], results: results,
                                         years: 2024...2025, yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(bad.errors["t_7_2024"]?.contains("geen getal") == true)
        #expect(bad.errors["t_7_2025"]?.contains("boven 100%") == true)
        #expect(bad.errors["t_7_2030"]?.contains("buiten de looptijd") == true)
        let foreign = AgreementRules.targets(fields: [("t_99_2024", "1")], results: [], years: 2024...2024,
                                             yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(foreign.errors["t_99_2024"] != nil)
    }

    @Test("the contributions grid refuses negative amounts, unknown parties and years outside the period")
    func contributionsGrid() {
        let parsed = AgreementRules.contributions(
            fields: [("c_1_2_2024", "12500"), ("c_1_2_2025", ""), ("c_1_2_2026", "-5"), ("c_1_2_2031", "5"), ("c_9_2_2024", "5"), ("c_1_2_2027", "x")],
            parties: [1], sources: [2], years: 2024...2027, yearLabel: school.yearLabel, parseEuros: testEuros)
        #expect(parsed.contributions == [Contribution(organisationID: 1, fundingSourceID: 2, year: 2024, cents: 1_250_000)])
        #expect(parsed.errors["c_1_2_2026"]?.contains("niet negatief") == true)
        #expect(parsed.errors["c_1_2_2031"]?.contains("buiten de looptijd") == true)
        #expect(parsed.errors["c_9_2_2024"]?.contains("Onbekende partij") == true)
        #expect(parsed.errors["c_1_2_2027"]?.contains("12.500,00") == true)
    }

    @Test("the staffing grid reads role codes with underscores and the paying party")
    func staffingGrid() {
        let parsed = AgreementRules.staffing(fields: [("paid_jo_0_12", "1"), ("s_jo_0_12_2024", "22"), ("s_jo_0_12_2025", "-1")],
                                             roles: ["jo_0_12"], parties: [1], years: 2024...2025, yearLabel: school.yearLabel,
                                             parseNumber: testNumber)
        #expect(parsed.staffing == [Staffing(roleCode: "jo_0_12", year: 2024, hours: 22, paidBy: 1)])
        #expect(parsed.errors["s_jo_0_12_2025"] != nil)
    }

    @Test("results are validated, reordered by their position and removed when ticked")
    func results() {
        let inputs = [
            AgreementRules.ResultInput(index: 0, id: 1, goal: "1", position: "2", description: "A", indicator: "a", unit: "percent"),
            AgreementRules.ResultInput(index: 1, id: 2, goal: "2", position: "1", description: "B", indicator: "b", unit: "number"),
            AgreementRules.ResultInput(index: 2, id: 3, goal: "3", position: "3", description: "C", indicator: "c", unit: "score", remove: true),
            AgreementRules.ResultInput(index: 3, position: "4"),
        ]
        let (results, errors) = AgreementRules.results(inputs, goals: [1, 2, 3], knownIDs: [1, 2, 3], parseNumber: testNumber)
        #expect(errors.isEmpty)
        #expect(results.map(\.id) == [2, 1])
        #expect(results.map(\.position) == [1, 2])
        let invalid = AgreementRules.results([AgreementRules.ResultInput(index: 0, goal: "9", description: "X", indicator: "", unit: "kg",
                                                                         baseline: "abc")],
                                             goals: [1], knownIDs: [], parseNumber: testNumber)
        #expect(invalid.errors["r0_goal"] != nil)
        #expect(invalid.errors["r0_indicator"] != nil)
        #expect(invalid.errors["r0_unit"] != nil)
        #expect(invalid.errors["r0_baseline"] != nil)
    }

    @Test("signing needs a target for every year and a signatory; a result under every goal only when the programme requires it")
    func signing() {
        let goals = [ProgrammeGoal(id: 1, position: 1, name: "Ongelijkheid"), ProgrammeGoal(id: 2, position: 2, name: "Kwaliteit")]
        let result = AgreementResult(id: 1, goalID: 1, description: "A", indicator: "a", unit: .number, targets: [2024: 1])
        let content = AgreementContent(version: sampleVersion(), parties: [AgreementParty(organisationID: 1, organisationName: "Gemeente", role: "gemeente")],
                                       results: [result], contributions: [], staffing: [])
        let problems = AgreementRules.problemsBeforeSigning(content, goals: goals, years: 2024...2025, requireEveryGoal: true,
                                                            yearLabel: school.yearLabel)
        let messages = problems.messages.map(\.message)
        #expect(messages.contains("Voeg minstens één resultaat toe onder het doel ‘Kwaliteit’."))
        let optional = AgreementRules.problemsBeforeSigning(content, goals: goals, years: 2024...2025, yearLabel: school.yearLabel)
        #expect(!optional.messages.map(\.message).contains("Voeg minstens één resultaat toe onder het doel ‘Kwaliteit’."))
        #expect(AgreementRules.uncoveredGoals(content, goals: goals).map(\.name) == ["Kwaliteit"])
        #expect(messages.contains("Vul bij ‘a’ een streefwaarde in voor 2025-2026."))
        #expect(messages.contains("Vul in wie tekent namens Gemeente."))
    }

    @Test("plain text becomes paragraphs and lists, never markup")
    func plainText() {
        let blocks = PlainTextBlocks.blocks("Eerste regel\ntweede\n\n- een\n- twee <b>\nNa de lijst")
        #expect(blocks == [.paragraph(["Eerste regel", "tweede"]), .list(["een", "twee <b>"]), .paragraph(["Na de lijst"])])
    }

    @Test("CSV is written with a BOM and semicolons and read back, quotes and line breaks included")
    func csvRoundTrip() {
        let rows = [["Nr", "Naam; met puntkomma", "\"aanhalingstekens\""], ["1", "twee\nregels", "12,50"]]
        let text = AgreementCSV.write(rows)
        #expect(text.hasPrefix("\u{FEFF}Nr;\"Naam; met puntkomma\";\"\"\"aanhalingstekens\"\"\"\r\n"))
        #expect(CSV.parse(text) == rows)
    }

    @Test("the import reads through the shared CSV parser: an unclosed quote is an error, blank lines keep the line numbers")
    func importParsing() {
        let result = AgreementResult(id: 5, lineage: 3, goalID: 1, description: "A", indicator: "a", unit: .percent, targets: [2024: 10])
        let content = AgreementContent(version: sampleVersion(), parties: [], results: [result], contributions: [], staffing: [])
        let open = AgreementImport.targets("Nr;Doel;Resultaat;Indicator;Eenheid;2024-2025\n3;\"open;A;a;p;11\n", content: content,
                                           years: 2024...2024, yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(open.errors.map(\.message) == ["Het bestand is geen geldige CSV: een aanhalingsteken wordt niet gesloten."])
        #expect(open.targetChanges.isEmpty)
        let blank = AgreementImport.targets("\u{FEFF}Nr;Doel;Resultaat;Indicator;Eenheid;2024-2025\r\n\r\n;;;;;\r\n3;d;A;a;p;x\r\n", content: content,
                                            years: 2024...2024, yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(blank.errors.map(\.line) == [4])
        let empty = AgreementImport.targets("\u{FEFF}\r\n", content: content, years: 2024...2024, yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(empty.errors.map(\.message) == ["Het bestand is leeg."])
    }

    @Test("an amendment started from a plan's proposal gets the proposal as its reason, cut off at the reason's limit")
    func proposalReason() {
        let short = AmendmentProposal(planID: 7, year: 2024, planStatus: .goedgekeurd, text: " Leesdoel bijstellen. ")
        #expect(short.reason(yearLabel: school.yearLabel) == "Voorstel uit jaarplan 2024-2025: Leesdoel bijstellen.")
        let long = AmendmentProposal(planID: 7, year: 2024, planStatus: .ingediend, text: String(repeating: "x", count: 3000))
        let reason = long.reason(yearLabel: school.yearLabel)
        #expect(reason.count == AgreementRules.maxReasonLength)
        #expect(reason.hasSuffix("x…"))
        #expect(AgreementRules.validateAmendment(reason: reason).isEmpty)
    }

    @Test("the comparison marks exactly the cells that differ, matching results by lineage")
    func comparison() {
        let r1 = AgreementResult(id: 1, lineage: 1, goalID: 1, description: "A", indicator: "a", unit: .number, targets: [2024: 1, 2025: 2])
        var r2 = r1
        r2.id = 10
        r2.targets[2025] = 3
        let removed = AgreementResult(id: 2, lineage: 2, goalID: 2, description: "B", indicator: "b", unit: .number, targets: [2024: 5])
        let old = AgreementContent(version: sampleVersion(1, texts: AgreementTexts(analysis: "x")), parties: [], results: [r1, removed],
                                   contributions: [Contribution(organisationID: 1, fundingSourceID: 1, year: 2024, cents: 100)],
                                   staffing: [Staffing(roleCode: "jo_vve", year: 2024, hours: 16, paidBy: nil)])
        let new = AgreementContent(version: sampleVersion(2, texts: AgreementTexts(analysis: "y")), parties: [], results: [r2],
                                   contributions: [Contribution(organisationID: 1, fundingSourceID: 1, year: 2024, cents: 100),
                                                   Contribution(organisationID: 1, fundingSourceID: 1, year: 2025, cents: 50)],
                                   staffing: [Staffing(roleCode: "jo_vve", year: 2024, hours: 16, paidBy: nil)])
        let comparison = AgreementComparison(from: old, to: new, years: 2024...2025)
        #expect(comparison.changedTargetCells == 2)  // 2025 of result 1, 2024 of the removed result
        #expect(comparison.targets.first { $0.lineage == 2 }?.presence == Change(old: true, new: false))
        #expect(comparison.changedAmountCells == 1)
        #expect(comparison.changedHourCells == 0)
        #expect(comparison.changedTexts == 1)
    }

    @Test("a CSV import lists every change and every error by line")
    func importPreview() {
        let result = AgreementResult(id: 5, lineage: 3, goalID: 1, description: "A", indicator: "a", unit: .percent, targets: [2024: 10, 2025: 11])
        let content = AgreementContent(version: sampleVersion(), parties: [AgreementParty(organisationID: 1, organisationName: "Gemeente", role: "gemeente")],
                                       results: [result], contributions: [], staffing: [])
        let good = AgreementImport.targets("Nr;Doel;Resultaat;Indicator;Eenheid;2024-2025;2025-2026\r\n3;d;A;a;percentage;10;12,5\r\n",
                                           content: content, years: 2024...2025, yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(!good.hasErrors)
        #expect(good.targetChanges == [AgreementImport.TargetChange(line: 2, resultID: 5, indicator: "a", year: 2025, old: 11, new: 12.5)])
        let bad = AgreementImport.targets("Nr;Doel;Resultaat;Indicator;Eenheid;2024-2025;2030-2031\n3;d;A;a;p;x;1\n8;d;B;b;p;1;1\n",
                                          content: content, years: 2024...2025, yearLabel: school.yearLabel, parseNumber: testNumber)
        #expect(bad.errors.map(\.line) == [1, 2, 3])
        let amounts = AgreementImport.contributions("Partij;Financieringsbron;2024-2025;Totaal\nGemeente;OAB;1250,00;1250,00\nKoepel;OAB;1;1\n",
                                                    content: content, sources: [(1, "OAB")], years: 2024...2025, yearLabel: school.yearLabel,
                                                    parseEuros: testEuros)
        #expect(amounts.amountChanges.map(\.new) == [125_000])
        #expect(amounts.errors.map(\.line) == [3])
    }
}

@Suite("Agreement signatories")
struct AgreementSignatoryRulesTests {
    let parties = [AgreementParty(organisationID: 1, organisationName: "Gemeente", role: "gemeente"),
                   AgreementParty(organisationID: 2, organisationName: "Koepel", role: "koepel")]

    @Test("every party needs a name of who signs, of at most 200 characters, at its own field")
    func names() {
        let empty = AgreementRules.validateSignatories([.init(organisationID: 1, name: "", title: ""),
                                                        .init(organisationID: 2, name: String(repeating: "a", count: 500), title: "")],
                                                       parties: parties)
        #expect(empty["p1_name"] == "Vul wie tekent namens Gemeente in.")
        #expect(empty["p2_name"] == "De naam van wie tekent namens Koepel mag hoogstens 200 tekens lang zijn.")
        let fine = AgreementRules.validateSignatories([.init(organisationID: 1, name: "J. de Vries", title: "wethouder"),
                                                       .init(organisationID: 2, name: "A. Bakker", title: "")], parties: parties)
        #expect(fine.isEmpty)
    }

    @Test("a party left out of the form or an organisation that is no party is refused")
    func unknown() {
        let errors = AgreementRules.validateSignatories([.init(organisationID: 9, name: "X", title: "")], parties: parties)
        #expect(errors["p9_name"] != nil)
        #expect(errors["p1_name"] != nil)
        #expect(errors["p2_name"] != nil)
    }
}
