import Domain
import Testing

@Suite("What agreements draw on funding sources")
struct FundingDrawingsTests {
    static let labels = [
        FundingAgreementLabel(agreementID: 10, ikcID: 1, ikcName: "Aventurijn", firstYear: 2022, lastYear: 2025),
        FundingAgreementLabel(agreementID: 20, ikcID: 2, ikcName: "IKC Plataan", firstYear: 2022, lastYear: 2025),
        FundingAgreementLabel(agreementID: 30, ikcID: 3, ikcName: "OBS Potmarge", firstYear: 2022, lastYear: 2025),
    ]

    @Test("a source's drawing rows follow the labels' order, keep pending changes and drop agreements that draw nothing")
    func drawingRows() {
        let figures = [
            Funding.AgreementFigures(agreementID: 20, committed: [Funding.Key(7, 2023): 500, Funding.Key(7, 2030): 9]),
            Funding.AgreementFigures(agreementID: 10, hasPendingVersion: true, committed: [Funding.Key(7, 2023): 100],
                                     proposed: [Funding.Key(7, 2023): 150]),
            Funding.AgreementFigures(agreementID: 30, committed: [Funding.Key(7, 2023): 0]),
        ]
        let rows = Funding.drawingRows(figures: figures, labels: Self.labels, years: 2022...2025)
        #expect(rows.map(\.ikcName) == ["Aventurijn", "IKC Plataan"])
        #expect(rows.first?.committed[2023] == 100)
        #expect(rows.first?.change[2023] == 50)
        #expect(rows.last?.committed == [2023: 500], "a year outside the programme is left out")
    }

    @Test("a year's rows hold per IKC what each source commits that year, and no row for an IKC without commitments")
    func yearRows() {
        let figures = [
            Funding.AgreementFigures(agreementID: 10, committed: [Funding.Key(7, 2023): 100, Funding.Key(8, 2023): 40, Funding.Key(7, 2024): 1]),
            Funding.AgreementFigures(agreementID: 20, committed: [Funding.Key(7, 2024): 500]),
        ]
        let rows = Funding.yearRows(figures: figures, labels: Self.labels, sourceIDs: [7, 8], year: 2023)
        #expect(rows == [Funding.YearRow(ikcID: 1, ikcName: "Aventurijn", committed: [7: 100, 8: 40])])
    }
}
