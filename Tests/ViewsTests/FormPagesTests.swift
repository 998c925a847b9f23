import Domain
import Markup
import Testing
import Views

@Suite("Views: agreement, funding-source and deadline forms")
struct FormPagesTests {
    static func agreementData(status: AgreementStatus) -> AgreementPageData {
        let version = AgreementVersion(id: 11, agreementID: 5, number: 1, status: status, reason: "", texts: AgreementTexts(analysis: Fixture.hostile),
                                       createdByName: "Pien de Vries", createdAt: "2026-11-22T10:00:00.000Z", fixedAt: nil, lockVersion: 3)
        let result = AgreementResult(id: 21, goalID: 1, position: 1, description: "Meer peuters nemen deel aan VVE", indicator: "Deelname VVE",
                                     unit: .percent, targets: [2025: 80])
        let content = AgreementContent(version: version,
                                       parties: [AgreementParty(organisationID: 1, organisationName: "Gemeente Leeuwarden", role: "gemeente")],
                                       results: [result],
                                       contributions: [Contribution(organisationID: 1, fundingSourceID: 1, year: 2025, cents: 5_000_000)],
                                       staffing: [])
        return AgreementPageData(agreement: Agreement(id: 5, ikcID: 5, ikcName: "IKC het Palet", firstYear: 2025, lastYear: 2026,
                                                      createdAt: "2026-11-22T10:00:00.000Z"),
                                 content: content, versions: [version], goals: [ProgrammeGoal(id: 1, position: 1, name: "Verminderen van ongelijkheid")],
                                 sources: [(1, "OAB-middelen gemeente")], roles: [], programme: Fixture.programme, documents: [],
                                 organisationNames: [1: "Gemeente Leeuwarden"])
    }

    @Test("an agreement page shows its status label, a result, the contribution as € 50.000 and escapes its texts")
    func agreementShow() {
        let html = AgreementPages.show(context: Fixture.context, data: Self.agreementData(status: .concept), canWrite: true, notice: nil).text
        #expect(html.contains("Concept"))
        #expect(html.contains("Meer peuters nemen deel aan VVE"))
        #expect(html.contains("€ 50.000"))
        #expect(html.contains("IKC het Palet"))
        #expect(!html.contains("<script>alert"))
    }

    @Test("the agreement texts form keeps what was typed and ties the error to its field")
    func agreementTexts() {
        var errors = ValidationErrors()
        errors.add("analysis", "Vul de analyse in.")
        let texts = AgreementTexts(analysis: "Taal & <ouders>", governance: "Stuurgroep")
        let html = AgreementEditPages.texts(context: Fixture.context, data: Self.agreementData(status: .concept), texts: texts, errors: errors).text
        #expect(html.contains("Taal &amp; &lt;ouders&gt;"))
        #expect(html.contains("Stuurgroep"))
        #expect(html.contains("Vul de analyse in."))
        #expect(html.contains("href=\"#analysis\""))
    }

    @Test("the funding-source form keeps a typed budget and marks that year's field invalid")
    func fundingSourceForm() {
        var errors = ValidationErrors()
        errors.add(FundingSourceForm.budgetField(2025), "Vul een bedrag in euro's in, bijvoorbeeld 50.000.")
        let form = FundingSourceForm(name: "Provinciale middelen", kind: "other", budgetTexts: [2025: "veel", 2026: "50.000"])
        let sources = FundingSourceList(list: [], kinds: [CodeLabel(code: "other", label: "Overig")], organisationNames: [:])
        let html = FundingPages.form(context: Fixture.context, programme: Fixture.programme, sources: sources, sourceID: nil,
                                           lockVersion: nil, form: form, errors: errors).text
        let field = FundingSourceForm.budgetField(2025)
        #expect(html.contains("value=\"Provinciale middelen\""))
        #expect(html.contains("id=\"\(field)\" name=\"\(field)\" value=\"veel\""))
        #expect(html.contains("value=\"50.000\""))
        #expect(html.contains("id=\"\(field)-error\""))
        #expect(html.components(separatedBy: "aria-invalid=\"true\"").count == 2)
    }

    @Test("the deadlines form keeps a typed date and grace days and shows the error at that year")
    func deadlinesForm() {
        var errors = ValidationErrors()
        errors.add("grace_2025", "Vul een aantal dagen in.")
        let rows = [PlanFormsPage.DeadlineRow(year: 2025, dueOn: "2026-11-22", graceDays: "twee"),
                    PlanFormsPage.DeadlineRow(year: 2026, dueOn: "", graceDays: "14")]
        let html = PlanFormsPage.deadlines(context: Fixture.context, rows: rows, errors: errors, notice: nil).text
        #expect(html.contains("name=\"due_2025\" value=\"2026-11-22\""))
        #expect(html.contains("name=\"grace_2025\" value=\"twee\""))
        #expect(html.contains("Vul een aantal dagen in."))
        #expect(html.contains("2025-2026"))
    }
}
