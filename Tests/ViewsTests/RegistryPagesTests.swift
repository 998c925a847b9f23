import Domain
import Markup
import Testing
import Views

@Suite("Views: IKCs, organisations and areas")
struct RegistryPagesTests {
    @Test("the IKC list has an empty state for a filter without matches and escapes names in rows")
    func ikcList() {
        let empty = IKCPages.list(context: Fixture.context, rows: [], filter: IKCPages.FilterForm(kind: "plus"), koepels: [], areas: [],
                                  canEdit: true, notice: nil).text
        #expect(empty.contains("Geen IKC's met deze keuze."))
        let row = IKCPages.Row(id: 3, name: Fixture.hostile, kind: .plus, koepel: "Proloog", area: "Vrijheidswijk",
                               agreementStatus: .vastgesteld, progress: (onTrack: 4, measured: 6), predicateDue: Fixture.day(2026, 11, 22))
        let html = IKCPages.list(context: Fixture.context, rows: [row], filter: IKCPages.FilterForm(), koepels: [(2, "Proloog")],
                                 areas: [(2, "Vrijheidswijk")], canEdit: true, notice: nil).text
        #expect(html.contains(Fixture.escapedHostile))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Proloog"))
        #expect(html.contains("href=\"/ikcs/3\""))
    }

    @Test("the organisation form keeps typed values and marks the name field with its error")
    func organisationForm() {
        var errors = ValidationErrors()
        errors.add("name", "Er is al een organisatie met deze naam.")
        let form = Organisation(id: 0, name: "Proloog & Co", kind: "koepel", contactName: "", contactEmail: "", signatoryName: "",
                                signatoryTitle: "", lockVersion: 0)
        let html = OrganisationPages.new(context: Fixture.context, form: form, kinds: [CodeLabel(code: "koepel", label: "Koepel PO")],
                                         errors: errors).text
        #expect(html.contains("value=\"Proloog &amp; Co\""))
        #expect(html.contains("Er is al een organisatie met deze naam."))
        #expect(html.contains("aria-describedby=\"name-error\""))
    }

    @Test("an area without indicators says so; with one it shows the Dutch number")
    func areaIndicators() {
        #expect(AreaPages.indicatorTable([], programme: Fixture.programme, caption: "Indicatoren").text.contains("Nog geen indicatoren"))
        let html = AreaPages.indicatorTable([AreaIndicator(areaID: 2, year: 2024, indicator: "Kinderen in huishoudens met laag inkomen (%)", value: 18.3)],
                                            programme: Fixture.programme, caption: "Indicatoren").text
        #expect(html.contains("18,3"))
        #expect(html.contains("Kinderen in huishoudens met laag inkomen (%)"))
    }
}
