import Domain
import Testing

@Suite("CSV as Dutch Excel writes it")
struct CSVTests {
    @Test("a semicolon file with a header is split into fields")
    func semicolons() {
        let rows = CSV.parse("gebied;jaar;waarde\nOud-Oost;2024;18,5\n")
        #expect(rows == [["gebied", "jaar", "waarde"], ["Oud-Oost", "2024", "18,5"]])
    }

    @Test("a comma file is recognised from its header line")
    func commas() {
        #expect(CSV.delimiter(of: "area,year,value\n") == ",")
        #expect(CSV.parse("area,year,value\r\nOud-Oost,2024,18.5\r\n") == [["area", "year", "value"], ["Oud-Oost", "2024", "18.5"]])
    }

    @Test("a semicolon header wins even when values hold decimal commas")
    func semicolonWithDecimalCommas() {
        #expect(CSV.delimiter(of: "a;b;c\n1,5;2,5;3,5") == ";")
    }

    @Test("a UTF-8 byte-order mark is dropped before the first field")
    func byteOrderMark() {
        let rows = CSV.parse("\u{FEFF}gebied;jaar\nNijlân & De Zwette;2024")
        #expect(rows.first?.first == "gebied")
        #expect(rows.last?.first == "Nijlân & De Zwette")
    }

    @Test("quoted fields keep separators, doubled quotes and line breaks; line numbers count physical lines")
    func quotes() {
        let records = CSV.records("a;b\n\"x;y\";\"he said \"\"hoi\"\"\"\n\"two\nlines\";z\n\nlast;1")
        #expect(records.map(\.fields) == [["a", "b"], ["x;y", "he said \"hoi\""], ["two\nlines", "z"], ["last", "1"]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test("empty fields are kept, blank lines are skipped")
    func emptyFields() {
        #expect(CSV.parse("a;;c\n\n;\n") == [["a", "", "c"], ["", ""]])
    }

    @Test("numbers with a decimal comma, thousands dots or a decimal point are read; others are refused")
    func numbers() {
        #expect(CSV.number("18,5") == 18.5)
        #expect(CSV.number(" 1.234,5 ") == 1234.5)
        #expect(CSV.number("12.5") == 12.5)
        #expect(CSV.number("-3") == -3)
        #expect(CSV.number("530") == 530)
        #expect(CSV.number("") == nil)
        #expect(CSV.number("abc") == nil)
        #expect(CSV.number("1,2,3") == nil)
        #expect(CSV.number("1.23,5") == nil)
    }
}

@Suite("Writing CSV for Dutch Excel")
struct CSVWritingTests {
    @Test("fields with a separator, a quote or a line break are quoted; formulas get an apostrophe, negative numbers do not")
    func fields() {
        #expect(CSV.field("IKC de Kinderkoepel") == "IKC de Kinderkoepel")
        #expect(CSV.field("a;b") == "\"a;b\"")
        #expect(CSV.field("zeg \"ja\"") == "\"zeg \"\"ja\"\"\"")
        #expect(CSV.field("regel 1\nregel 2") == "\"regel 1\nregel 2\"")
        #expect(CSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("-5,05") == "-5,05")
        #expect(CSV.field("-x") == "'-x")
        #expect(CSV.field("=1+1", guardFormulas: false) == "=1+1")
    }

    @Test("a document starts with the BOM and ends each line with CRLF, and reads back the same")
    func document() {
        let rows = [["IKC", "Bedrag"], ["Fryslân; noord", CSV.euros(1_250_000)], ["Leeg", CSV.euros(nil)]]
        let text = CSV.document(rows)
        #expect(text.hasPrefix("\u{FEFF}IKC;Bedrag\r\n"))
        #expect(text.hasSuffix("Leeg;\r\n"))
        #expect(CSV.parse(text) == [["IKC", "Bedrag"], ["Fryslân; noord", "12500,00"], ["Leeg", ""]])
        #expect(CSV.euros(-505) == "-5,05")
    }
}
