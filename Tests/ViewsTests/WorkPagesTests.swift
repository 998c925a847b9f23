import Domain
import Markup
import Testing
import Views

@Suite("Views: agreements, funding, plans, reports, home")
struct WorkPagesTests {
    @Test("the agreements overview shows the status label and party totals in Dutch euros")
    func agreementsOverview() {
        let row = AgreementOverviewRow(id: 5, ikcID: 1, ikcName: Fixture.hostile, firstYear: 2022, lastYear: 2028, versionNumber: 2,
                                       status: .terOndertekening, partyTotals: [.init(name: "Gemeente Leeuwarden", role: "gemeente", cents: 5_000_000)],
                                       resultsPerGoal: [1: 2])
        let html = AgreementPages.overview(context: Fixture.context, rows: [row], goals: [ProgrammeGoal(id: 1, position: 1, name: "Verminderen van ongelijkheid")],
                                           programme: Fixture.programme, canCreate: true, notice: nil).text
        #expect(html.contains("Ter ondertekening"))
        #expect(html.contains("€ 50.000"))
        #expect(html.contains(Fixture.escapedHostile))
        #expect(html.contains("href=\"/agreements/5\""))
    }

    @Test("the funding overview shows budgets as € 50.000 per source and year")
    func fundingOverview() {
        let source = FundingSource(id: 1, name: "OAB-middelen gemeente", kind: "oab", lockVersion: 1)
        let sources = FundingSourceList(list: [source], kinds: [CodeLabel(code: "oab", label: "Rijk / OAB")], organisationNames: [:])
        let ledger = Funding.Ledger(sourceIDs: [1], years: [2025, 2026], budgets: [Funding.Key(1, 2025): 5_000_000],
                                    commitments: [:], spending: [:])
        let html = FundingPages.overview(context: Fixture.context, programme: Fixture.programme, sources: sources, ledger: ledger,
                                         canEdit: true, notice: nil).text
        #expect(html.contains("OAB-middelen gemeente"))
        #expect(html.contains("€ 50.000"))
        #expect(html.contains("2025-2026"))
    }

    @Test("the plans list shows the deadline as 22-11-2026, the status label of each plan and a late mark")
    func planList() {
        let deadline = PlanDeadline(year: 2025, dueOn: Fixture.day(2026, 11, 8), graceDays: 14)
        let rows = [
            PlanListPage.Row(ikcID: 1, ikcName: "OBS Potmarge", year: 2025, planID: 4, status: .ingediend, submittedOn: Fixture.day(2026, 10, 1),
                             lockVersion: 2, canOpen: true, late: false),
            PlanListPage.Row(ikcID: 2, ikcName: Fixture.hostile, year: 2025, planID: nil, status: nil, submittedOn: nil,
                             lockVersion: nil, canOpen: true, late: true),
        ]
        let model = PlanListPage.Model(year: 2025, years: [2024, 2025], rows: rows, deadline: deadline, canReview: true, canWrite: true)
        let html = PlanListPage.render(context: Fixture.context, model: model).text
        #expect(html.contains("22-11-2026"))
        #expect(html.contains("08-11-2026"))
        #expect(html.contains("Ingediend"))
        #expect(html.contains(Fixture.escapedHostile))
        let noDeadline = PlanListPage.Model(year: 2025, years: [2025], rows: [], deadline: nil, canReview: false, canWrite: false)
        #expect(PlanListPage.render(context: Fixture.context, model: noDeadline).text.contains("Voor dit jaar is geen inleverdatum ingesteld."))
    }

    @Test("the reports index has an empty state, and lists a published edition")
    func reportsIndex() {
        let empty = ReportPages.index(context: Fixture.context, programme: Fixture.programme, editions: [], canEdit: true).text
        #expect(empty.contains("Er is nog geen jaarrapportage gepubliceerd."))
        let row = ReportEdition(id: 3, year: 2024, edition: 1, status: .published, foreword: "", conclusions: "", snapshotHTML: nil,
                                snapshotJSON: nil, fingerprint: nil, publishedAt: "2026-11-22T10:00:00.000Z", publishedBy: "Pien",
                                withdrawnAt: nil, shareActive: false, lockVersion: 1)
        let html = ReportPages.index(context: Fixture.context, programme: Fixture.programme, editions: [row], canEdit: true).text
        #expect(!html.contains("Er is nog geen jaarrapportage gepubliceerd."))
        #expect(html.contains("href=\"/reports/editions/3\""))
    }

    @Test("the home page counts the IKCs and escapes names in its lists")
    func home() {
        var summary = HomePage.Summary(ikcCount: 9, plusCount: 9)
        summary.areasOverdue = [(id: 2, name: Fixture.hostile)]
        let html = HomePage.render(context: Fixture.context, summary: summary).text
        #expect(html.contains("9"))
        #expect(html.contains(Fixture.escapedHostile))
        #expect(!html.contains("<script>alert"))
    }
}
