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

@Suite("The agreement CSVs guard formulas and read back exactly what was written")
struct AgreementCSVGuardTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let alphabet: [Character] = ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "'", "'", ";", ",", ".", "\"", " ", "a", "Z", "â", "0", "7", "9", "(", "|", "!"]

    static func value(_ g: inout Generator) -> String {
        switch g.below(4) {
        case 0:  // a negative, positive or Dutch-formatted number
            let whole = g.below(100_000), fraction = g.below(100)
            let sign = ["-", "", "+"][g.below(3)]
            return sign + String(whole) + (g.below(2) == 0 ? "," + String(fraction) : "")
        case 1:  // a formula-looking text
            let lead: [String] = ["=", "+", "-", "@", "\t", "\r", "'=", "''+", "'", "=-"]
            return lead[g.below(lead.count)] + ["1+1", "cmd|' /C calc'!A0", "SUM(A1)", "", "x", "-3"][g.below(6)]
        default:
            return String((0..<g.below(8)).map { _ in alphabet[g.below(alphabet.count)] })
        }
    }

    @Test("export then import gives the identical grid for 200 random grids, formulas and negative numbers included")
    func roundTrip() {
        var g = Generator(state: 23)
        for _ in 0..<200 {
            // Every export starts with its header line, from which the import tells `;` from `,`.
            let years = (0..<g.below(4)).map { "\(2024 + $0)-\(2025 + $0)" }
            let header = AgreementImport.targetHeader + years
            let rows = [header] + (0..<(1 + g.below(10))).map { _ in header.map { _ in Self.value(&g) } }
            let text = AgreementCSV.write(rows)
            #expect(AgreementCSV.read(text).map(\.fields) == rows, "\(rows)")
        }
    }

    @Test("no exported cell starts with a formula character, and plain negative numbers stay numbers")
    func exportedCellsAreGuarded() {
        let rows = [["=1+1", "+1+cmd|' /C calc'!A0", "-5,5", "@SUM(A1)", "\tx", "'=x", "-"]]
        let text = AgreementCSV.write(rows)
        #expect(text == "\u{FEFF}'=1+1;'+1+cmd|' /C calc'!A0;-5,5;'@SUM(A1);'\tx;''=x;'-\r\n")
        for field in CSV.parse(text)[0] where field != "-5,5" {
            #expect(field.first == "'")
        }
        #expect(AgreementCSV.read(text).map(\.fields) == rows)
    }

    @Test("a party and a funding source whose names look like formulas are matched again on import")
    func formulaNamesImport() {
        let content = AgreementContent(version: sampleVersion(), parties: [AgreementParty(organisationID: 1, organisationName: "=Gemeente", role: "gemeente")],
                                       results: [], contributions: [], staffing: [])
        let text = AgreementCSV.write([AgreementImport.contributionHeader + ["2024-2025"], ["=Gemeente", "+OAB", "1250,00"]])
        #expect(!text.contains(";=Gemeente") && !text.contains("\n=Gemeente"))
        let imported = AgreementImport.contributions(text, content: content, sources: [(1, "+OAB")], years: 2024...2024,
                                                     yearLabel: school.yearLabel, parseEuros: testEuros)
        #expect(imported.errors.isEmpty)
        #expect(imported.amountChanges.map(\.new) == [125_000])
    }
}
