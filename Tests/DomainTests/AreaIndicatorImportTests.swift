import Domain
import Testing

@Suite("Importing area indicators")
struct AreaIndicatorImportTests {
    let areas: [(id: Int64, name: String)] = [(1, "Oud-Oost"), (2, "Nijlân & De Zwette")]

    @Test("a good file gives one indicator per line, area names matched without regard to case")
    func goodFile() throws {
        let text = "\u{FEFF}Gebied;Jaar;Indicator;Waarde;Bron\r\noud-oost;2024;Laag inkomen (%);18,5;Kinderen in Tel\r\nNijlân & De Zwette;2023-2024;CBS-score;531;CBS\r\n"
        let result = try AreaIndicatorImport.parse(text, areas: areas, years: 2021...2028).get()
        #expect(result == [
            AreaIndicator(areaID: 1, year: 2024, indicator: "Laag inkomen (%)", value: 18.5, source: "Kinderen in Tel"),
            AreaIndicator(areaID: 2, year: 2023, indicator: "CBS-score", value: 531, source: "CBS"),
        ])
    }

    @Test("columns may come in any order and comma-separated with a decimal point")
    func commaFile() throws {
        let text = "value,area,indicator,year\n12.5,Oud-Oost,Laag inkomen (%),2022\n"
        let result = try AreaIndicatorImport.parse(text, areas: areas, years: 2021...2028).get()
        #expect(result == [AreaIndicator(areaID: 1, year: 2022, indicator: "Laag inkomen (%)", value: 12.5)])
    }

    @Test("one bad line rejects the file with the line number and every reason")
    func badLine() {
        let text = "gebied;jaar;indicator;waarde\nOud-Oost;2024;Laag inkomen (%);18,5\nOnbekend;20x4;;veel\nOud-Oost;2030;Laag inkomen (%);1\n"
        guard case .failure(let problems) = AreaIndicatorImport.parse(text, areas: areas, years: 2021...2028) else {
            Issue.record("a bad file was accepted")
            return
        }
        #expect(problems.items.map(\.line) == [3, 4])
        let message = problems.items[0].message
        #expect(message.contains("Onbekend gebied 'Onbekend'"))
        #expect(message.contains("'20x4' is geen jaar"))
        #expect(message.contains("de indicator ontbreekt"))
        #expect(message.contains("'veel' is geen getal"))
        #expect(problems.items[1].message.contains("Jaar 2030 valt buiten het programma"))
    }

    @Test("the same area, year and indicator twice in one file is refused")
    func duplicates() {
        let text = "gebied;jaar;indicator;waarde\nOud-Oost;2024;X;1\nOud-Oost;2024;x;2\n"
        guard case .failure(let problems) = AreaIndicatorImport.parse(text, areas: areas, years: 2021...2028) else {
            Issue.record("a duplicate was accepted")
            return
        }
        #expect(problems.items == [ImportProblem(line: 3, message: "Dezelfde indicator voor dit gebied en jaar staat al op regel 2.")])
    }

    @Test("a header without the required columns, or an empty file, is refused")
    func header() {
        guard case .failure(let missing) = AreaIndicatorImport.parse("naam;jaar\nOud-Oost;2024", areas: areas, years: 2021...2028) else {
            Issue.record("a file without columns was accepted")
            return
        }
        #expect(missing.items.first?.message.contains("gebied, indicator, waarde") == true)
        guard case .failure = AreaIndicatorImport.parse("", areas: areas, years: 2021...2028) else {
            Issue.record("an empty file was accepted")
            return
        }
        guard case .failure = AreaIndicatorImport.parse("gebied;jaar;indicator;waarde\n", areas: areas, years: 2021...2028) else {
            Issue.record("a header-only file was accepted")
            return
        }
    }

    @Test("a hand-typed indicator is checked like an imported one")
    func handEntry() {
        #expect(AreaIndicatorEntry.validate(year: "2024", indicator: "X", value: "18,5", source: "", years: 2021...2028).isEmpty)
        let errors = AreaIndicatorEntry.validate(year: "2035", indicator: " ", value: "veel", source: "", years: 2021...2028)
        #expect(errors["year"] != nil)
        #expect(errors["indicator"] != nil)
        #expect(errors["value"] != nil)
        #expect(AreaIndicatorEntry.indicator(areaID: 3, year: "2024", indicator: " X ", value: "1.234,5", source: "")?.value == 1234.5)
    }
}

@Suite("Control characters in text")
struct ControlCharacterRuleTests {
    @Test("C0, DEL and C1 characters are invalid; tab, CR and LF only in multi-line texts")
    func rule() {
        #expect(Check.hasInvalidCharacter("a\u{0}b", multiLine: true))
        #expect(Check.hasInvalidCharacter("\u{7F}", multiLine: true))
        #expect(Check.hasInvalidCharacter("\u{85}", multiLine: true))
        #expect(Check.hasInvalidCharacter("regel\nregel", multiLine: false))
        #expect(Check.hasInvalidCharacter("a\tb", multiLine: false))
        #expect(!Check.hasInvalidCharacter("regel\r\nregel\tmet tab", multiLine: true))
        #expect(!Check.hasInvalidCharacter("Nijlân & De Zwette – €", multiLine: false))
    }

    @Test("an area import with a NUL in an indicator name is refused with the line")
    func areaImport() {
        let text = "gebied;jaar;indicator;waarde\nOud-Oost;2024;Laag\u{0}inkomen;18,5\n"
        guard case .failure(let problems) = AreaIndicatorImport.parse(text, areas: [(1, "Oud-Oost")], years: 2021...2028) else {
            Issue.record("a file with a NUL was accepted")
            return
        }
        #expect(problems.items == [ImportProblem(line: 2, message: "De indicator bevat een ongeldig teken (een stuurteken).")])
    }
}
