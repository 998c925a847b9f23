import Foundation
import Markup
import Testing

@Suite("Dutch money")
struct DutchMoneyTests {
    @Test("euros are grouped by dots and show cents only when there are any", arguments: [
        (Int64(0), "€ 0"),
        (1, "€ 0,01"),
        (50, "€ 0,50"),
        (100, "€ 1"),
        (99_999, "€ 999,99"),
        (100_000, "€ 1.000"),
        (1_250_050, "€ 12.500,50"),
        (5_000_000, "€ 50.000"),
        (100_000_000, "€ 1.000.000"),
        (-123_456, "€ -1.234,56"),
        (-1, "€ -0,01"),
        (Int64.max, "€ 92.233.720.368.547.758,07"),
        (Int64.min, "€ -92.233.720.368.547.758,08"),
    ])
    func eurosFormatting(cents: Int64, text: String) {
        #expect(DutchFormat.euros(cents: cents) == text)
    }

    @Test("exact euros always show two decimals")
    func eurosExact() {
        #expect(DutchFormat.eurosExact(cents: 0) == "€ 0,00")
        #expect(DutchFormat.eurosExact(cents: 1_250_000) == "€ 12.500,00")
        #expect(DutchFormat.euros(cents: -100_000, showCents: true) == "€ -1.000,00")
        #expect(DutchFormat.eurosExact(cents: 7) == "€ 0,07")
    }

    @Test("Dutch amounts are parsed to cents", arguments: [
        ("12.500", Int64(1_250_000)),
        ("12.500,00", 1_250_000),
        ("12500", 1_250_000),
        ("1.234,56", 123_456),
        ("1234,56", 123_456),
        ("€ 1.234,56", 123_456),
        ("€1.234,56", 123_456),
        ("€\u{00A0}1.234,56", 123_456),
        ("0,5", 50),
        ("0,05", 5),
        ("  12,50  ", 1250),
        ("12,-", 1200),
        ("1.000.000", 100_000_000),
        ("007", 700),
        ("0", 0),
        ("-12,50", -1250),
        ("€ -1.234,56", -123_456),
        ("-€ 1.234,56", -123_456),
        ("92233720368547758,07", Int64.max),
    ])
    func parseAccepted(text: String, cents: Int64) {
        #expect(DutchFormat.parseEuros(text) == cents)
    }

    @Test("ambiguous or malformed amounts are rejected", arguments: [
        "1234.56", "1.23.4", "12,345", "12.34", "1234.567", "0.500", "abc", "12a", "", "   ", "€", "-",
        "12,", ",50", "1,2,3", "12 500", "--12", "+12", "1e3", "12,5x", "92233720368547758,08",
        "99999999999999999999", "١٢",
    ])
    func parseRejected(text: String) {
        #expect(DutchFormat.parseEuros(text) == nil)
    }

    @Test("what euros prints, parseEuros reads back", arguments: [
        Int64(0), 1, 99, 100, 123_456, 1_250_050, -1_234_567_890, Int64.max,
    ])
    func roundTrip(cents: Int64) {
        #expect(DutchFormat.parseEuros(DutchFormat.euros(cents: cents)) == cents)
        #expect(DutchFormat.parseEuros(DutchFormat.eurosExact(cents: cents)) == cents)
    }
}

@Suite("Dutch numbers")
struct DutchNumberTests {
    @Test("integers are grouped by dots in threes", arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1234, "1.234"), (123_456, "123.456"),
        (1_234_567, "1.234.567"), (-1234, "-1.234"), (Int.min, "-9.223.372.036.854.775.808"),
    ])
    func integerGrouping(value: Int, text: String) {
        #expect(DutchFormat.integer(value) == text)
        #expect(DutchFormat.integer(Int64(value)) == text)
    }

    @Test("numbers get a decimal comma and round half away from zero", arguments: [
        (1234.5, 1, "1.234,5"),
        (1234.5, 0, "1.235"),
        (1234.5, 2, "1.234,50"),
        (0, 2, "0,00"),
        (0.5, 0, "1"),
        (0.4, 0, "0"),
        (1.005, 2, "1,01"),
        (2.675, 2, "2,68"),
        (-1.005, 2, "-1,01"),
        (-0.004, 2, "0,00"),
        (0.0001, 2, "0,00"),
        (0.005, 2, "0,01"),
        (9.999, 2, "10,00"),
        (999_999.5, 0, "1.000.000"),
        (0.1 + 0.2, 2, "0,30"),
        (1e-5, 5, "0,00001"),
        (1.5e20, 0, "150.000.000.000.000.000.000"),
        (12.0, -1, "12"),
    ])
    func numberFormatting(value: Double, decimals: Int, text: String) {
        #expect(DutchFormat.number(value, decimals: decimals) == text)
    }

    @Test("a number that is not finite is shown as a dash")
    func nonFinite() {
        #expect(DutchFormat.number(.nan, decimals: 1) == "—")
        #expect(DutchFormat.number(.infinity, decimals: 0) == "—")
    }

    @Test("percentages are written with a comma and no space")
    func percentages() {
        #expect(DutchFormat.percent(12.5, decimals: 1) == "12,5%")
        #expect(DutchFormat.percent(12.5) == "13%")
        #expect(DutchFormat.percent(100) == "100%")
        #expect(DutchFormat.percent(fraction: 0.125, decimals: 1) == "12,5%")
        #expect(DutchFormat.percent(fraction: 0.145) == "15%")
        #expect(DutchFormat.percent(fraction: 1) == "100%")
        #expect(DutchFormat.percent(fraction: -0.05, decimals: 2) == "-5,00%")
    }

    @Test("decimals are parsed with a comma, and a dot that cannot group thousands", arguments: [
        ("12,5", 12.5), ("12.5", 12.5), ("1.234", 1234.0), ("1.234,5", 1234.5), ("1.234.567", 1_234_567.0),
        ("0.125", 0.125), ("1.2345", 1.2345), ("1234.567", 1234.567), ("-3,25", -3.25), (" 7 ", 7.0),
        ("0", 0.0), ("0,001", 0.001),
    ])
    func parseDecimalAccepted(text: String, value: Double) {
        #expect(DutchFormat.parseDecimal(text) == value)
    }

    @Test("a decimal of up to 15 digits (the quick division) is the value Double's own parser reads, digit for digit")
    func parseDecimalQuickPathIsExact() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0,1", "0,3", "2,675", "1,005", "0,000000000000001", "999999999999999", "99999999999999,9", "-0",
                     "9007199254740,993", "123456789012345", "1234567890123456", "0,1234567890123456"]
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0..<100_000_000_000, using: &generator) >> UInt64.random(in: 0...36, using: &generator))
            let fraction = String((0..<Int.random(in: 0...9, using: &generator)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            texts.append(fraction.isEmpty ? whole : whole + "," + fraction)
        }
        for text in texts {
            let expected = Double(text.replacingOccurrences(of: ",", with: "."))
            #expect(DutchFormat.parseDecimal(text)?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test("whitespace around a decimal is trimmed", arguments: [
        "\t7,5\n", "\u{00A0}7,5", "7,5\u{3000}", "\r\n 7,5 \u{2028}", "\u{0085}7,5\u{202F}", "\u{2003}7,5\u{205F}",
    ])
    func parseDecimalTrimsWhitespace(text: String) {
        #expect(DutchFormat.parseDecimal(text) == 7.5)
    }

    @Test("what is trimmed is what Foundation's whitespacesAndNewlines trims, plain ASCII or not", arguments: [
        "7,5", " 7,5", "7,5 ", "\u{200B}7,5", "7,5\u{180E}", "7,5\u{FEFF}", "é7,5", "7,5\u{0301}", "\u{00A0}", "",
    ])
    func parseDecimalTrimsAsFoundation(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(DutchFormat.parseDecimal(text) == (trimmed == "7,5" ? 7.5 : DutchFormat.parseDecimal(trimmed)))
    }

    @Test("malformed decimals are rejected", arguments: [
        "", " ", "NaN", "nan", "inf", "-inf", "Infinity", "1e5", "0x10", "abc", ",5", ".5", "12,", "12.",
        "1,234.5", "1.23.4", "12,5,0", "1 234", "-", "+5", String(repeating: "9", count: 400),
    ])
    func parseDecimalRejected(text: String) {
        #expect(DutchFormat.parseDecimal(text) == nil)
    }
}

@Suite("Dutch number rounding against Foundation's Decimal")
struct DutchNumberReferenceTests {
    @Test("number rounds as Decimal does, half away from zero, on the printed digits")
    func matchesDecimalRounding() throws {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<3000 {
            let magnitude = [1.0, 100.0, 10_000.0, 1e9][Int(generator.next() % 4)]
            var value = Double(generator.next() % 1_000_000_007) / 1_000_000_007 * magnitude
            // Values with few decimals put many cases exactly on a tie (x.5, x.x5, …).
            if generator.next() % 2 == 0 { value = (value * 1000).rounded() / 1000 }
            if generator.next() % 3 == 0 { value = -value }
            let decimals = Int(generator.next() % 4)

            var exact = try #require(Decimal(string: value.description))
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, decimals, .plain)
            let ours = DutchFormat.number(value, decimals: decimals)
            let oursAsDecimal = Decimal(string: ours.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
            #expect(oursAsDecimal == rounded, "\(value) with \(decimals) decimals gave \(ours)")
        }
    }
}

/// A small deterministic generator, so a failure can be reproduced.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
