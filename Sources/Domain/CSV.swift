/// CSV as Dutch Excel writes it: a UTF-8 text, perhaps with a byte-order mark, fields separated
/// by a semicolon (Dutch locale) or a comma, fields quoted with `"` when they hold the
/// separator, a quote (doubled) or a line break (RFC 4180 §2), lines ending in CRLF or LF.
/// Reusable: the registry imports area indicators with it, the agreements import results.
public enum CSV {
    /// One record of the file with the line number (1-based) it starts on, for error messages.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The records of `text` without their line numbers; blank lines are skipped.
    public static func parse(_ text: String) -> [[String]] {
        records(text).map(\.fields)
    }

    /// The separator of `text`: whichever of `;` and `,` occurs more often outside quotes in the
    /// first line (a Dutch header has no commas, an English one no semicolons); `;` on a tie.
    public static func delimiter(of text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for character in stripBOM(text) {
            if character == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if character == "\n" || character == "\r\n" || character == "\r" { break }
            if character == ";" { semicolons += 1 } else if character == "," { commas += 1 }
        }
        return commas > semicolons ? "," : ";"
    }

    /// The records of `text` with the line each starts on. A field that opens with a quote runs
    /// to the matching quote (`""` inside is one quote); an unterminated quote ends at the end of
    /// the text. Fields are not trimmed here; callers decide.
    public static func records(_ text: String) -> [Record] {
        let body = stripBOM(text)
        let separator = delimiter(of: body)
        var result: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var fieldStarted = false
        var iterator = body.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            let blank = fields.count == 1 && fields[0].trimmingWhitespace().isEmpty
            if !blank { result.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldStarted = false
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            case separator:
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
                fieldStarted = true
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return result
    }

    /// The text without a leading UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one).
    public static func stripBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// A number as Dutch or English spreadsheets write it: "12,5", "1.234,5", "12.5", "-3".
    /// With a comma, the comma is the decimal mark and dots group thousands; without one a
    /// single dot is the decimal mark. nil for anything else (text, two commas, empty).
    public static func number(_ text: String) -> Double? {
        var s = text.trimmingWhitespace().replacingAll(" ", with: "")
        guard !s.isEmpty else { return nil }
        if s.contains(",") {
            guard s.filter({ $0 == "," }).count == 1 else { return nil }
            let parts = s.split(separator: ",", omittingEmptySubsequences: false)
            let whole = parts[0]
            if whole.contains(".") {
                // Thousands groups must be exactly three digits: "1.234,5" yes, "1.23,5" no.
                let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
                guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            }
            s = String(whole).replacingAll(".", with: "") + "." + parts[1]
        }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(s), value.isFinite else { return nil }
        return value
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in Domain).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}

// MARK: - Writing

extension CSV {
    /// The byte-order mark that makes Excel read a file as UTF-8.
    public static let bom = "\u{FEFF}"

    /// One field for a `;`-separated file: quoted when it holds `;`, `"` or a line break
    /// (RFC 4180 §2). With `guardFormulas`, text that a spreadsheet would take for a formula
    /// gets a leading apostrophe (see `needsFormulaGuard`).
    public static func field(_ text: String, guardFormulas: Bool = true) -> String {
        var text = text
        if guardFormulas, needsFormulaGuard(text) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// A whole file: the BOM, then each row as `;`-separated fields ending in CRLF.
    public static func document(_ rows: [[String]], guardFormulas: Bool = true) -> String {
        var out = bom
        for row in rows {
            out += row.map { field($0, guardFormulas: guardFormulas) }.joined(separator: ";")
            out += "\r\n"
        }
        return out
    }

    /// Whole cents as euros with a decimal comma and no thousands dots: 1250000 -> "12500,00",
    /// -505 -> "-5,05"; nil (unknown) is an empty field, never 0.
    public static func euros(_ cents: Int64?) -> String {
        guard let cents else { return "" }
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Text a spreadsheet would run as a formula: `=`, `+`, `-`, `@`, tab or CR first (OWASP
    /// "CSV injection"), except plain numbers such as `-5,05`. Text that already starts with an
    /// apostrophe before such text is guarded too, so that `removeFormulaGuard` can tell a guard
    /// from an apostrophe that belongs to the value: the pair is an exact round trip.
    public static func needsFormulaGuard(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if first == "'" { return needsFormulaGuard(text.dropFirst()) }
        return ("=+-@\t\r".contains(first) || first == "\r\n") && !isPlainNumber(text)
    }

    public static func needsFormulaGuard(_ text: String) -> Bool { needsFormulaGuard(Substring(text)) }

    /// A field as it was before `field(_:guardFormulas: true)` added its apostrophe; any other
    /// text unchanged.
    public static func removeFormulaGuard(_ field: String) -> String {
        guard field.first == "'", needsFormulaGuard(field.dropFirst()) else { return field }
        return String(field.dropFirst())
    }

    static func isPlainNumber<Text: StringProtocol>(_ text: Text) -> Bool {
        var digits = 0
        for (index, character) in text.enumerated() {
            if character.isASCII && character.isNumber { digits += 1; continue }
            if (character == "-" || character == "+") && index == 0 { continue }
            if character == "," || character == "." { continue }
            return false
        }
        return digits > 0
    }
}
