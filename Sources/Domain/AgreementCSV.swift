/// Minimal CSV as Dutch Excel writes and reads it: fields separated by `;`, quoted with `"` when
/// they hold `;`, `"` or a line break (RFC 4180 with another separator), UTF-8 with a BOM so
/// Excel picks the right encoding. (A shared CSV module may replace this at merge.)
public enum AgreementCSV {
    public static let bom = "\u{FEFF}"

    /// The text of a file: BOM, rows separated by CRLF.
    public static func write(_ rows: [[String]]) -> String {
        var out = bom
        for row in rows {
            out += row.map(quote).joined(separator: ";")
            out += "\r\n"
        }
        return out
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var out = "\""
        for character in field {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// Rows of a file (a leading BOM is skipped; CRLF, LF and CR end a row outside quotes).
    /// Returns nil when a quote is never closed. Fully empty lines are kept as `[""]` so that
    /// line numbers stay right; callers skip them.
    public static func parse(_ text: String) -> [[String]]? {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var afterQuote = false
        var index = scalars.startIndex
        var sawAnything = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            sawAnything = true
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex && scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            case ";":
                row.append(String(field))
                field = String.UnicodeScalarView()
                afterQuote = false
            case "\r", "\n":
                if scalar == "\r" && index < scalars.endIndex && scalars[index] == "\n" { index = scalars.index(after: index) }
                row.append(String(field))
                rows.append(row)
                row = []
                field = String.UnicodeScalarView()
                afterQuote = false
                sawAnything = false
            default:
                field.append(scalar)
            }
        }
        if inQuotes { return nil }
        if sawAnything || !row.isEmpty {
            row.append(String(field))
            rows.append(row)
        }
        return rows
    }
}

/// Reading an exported targets or contributions file back into a concept version: every change
/// and every error by line, so the page can preview them; with any error nothing is saved.
public struct AgreementImport: Sendable {
    public enum Kind: String, Sendable { case targets, contributions }

    public struct TargetChange: Sendable, Equatable {
        public var line: Int
        public var resultID: Int64
        public var indicator: String
        public var year: Int
        public var old: Double?
        public var new: Double

        public init(line: Int, resultID: Int64, indicator: String, year: Int, old: Double?, new: Double) {
            self.line = line
            self.resultID = resultID
            self.indicator = indicator
            self.year = year
            self.old = old
            self.new = new
        }
    }

    public struct AmountChange: Sendable, Equatable {
        public var line: Int
        public var organisationID: Int64
        public var fundingSourceID: Int64
        public var year: Int
        public var old: Int64?
        public var new: Int64
    }

    public var kind: Kind
    public var targetChanges: [TargetChange] = []
    public var amountChanges: [AmountChange] = []
    public var errors: [(line: Int, message: String)] = []

    public var hasErrors: Bool { !errors.isEmpty }
    public var changeCount: Int { targetChanges.count + amountChanges.count }

    public static let targetHeader = ["Nr", "Doel", "Resultaat", "Indicator", "Eenheid"]
    public static let contributionHeader = ["Partij", "Financieringsbron"]

    /// Which year each column holds, from the header labels; errors for unknown labels.
    static func yearColumns(_ header: [String], from start: Int, years: ClosedRange<Int>, yearLabel: (Int) -> String,
                            errors: inout [(line: Int, message: String)]) -> [Int: Int] {
        var columns: [Int: Int] = [:]
        guard header.count > start else { return columns }
        for column in start..<header.count {
            let label = header[column].trimmingWhitespace()
            if label.isEmpty || label.lowercased() == "totaal" { continue }
            if let year = years.first(where: { yearLabel($0) == label }) {
                columns[column] = year
            } else {
                errors.append((1, "Kolom ‘\(label)’ is geen jaar van de looptijd (\(yearLabel(years.lowerBound)) tot en met \(yearLabel(years.upperBound)))."))
            }
        }
        return columns
    }

    /// A targets file: `Nr;Doel;Resultaat;Indicator;Eenheid;<year>...`, matched by Nr (the result's number).
    public static func targets(_ text: String, content: AgreementContent, years: ClosedRange<Int>, yearLabel: (Int) -> String,
                               parseNumber: (String) -> Double?) -> AgreementImport {
        var out = AgreementImport(kind: .targets)
        guard let rows = parse(text, &out), let header = rows.first else { return out }
        guard header.count >= targetHeader.count, header[0].trimmingWhitespace() == "Nr" else {
            out.errors.append((1, "De eerste regel moet de kolomkoppen bevatten: Nr;Doel;Resultaat;Indicator;Eenheid;jaren."))
            return out
        }
        let columns = yearColumns(header, from: targetHeader.count, years: years, yearLabel: yearLabel, errors: &out.errors)
        var byLineage: [Int64: AgreementResult] = [:]
        for result in content.results { byLineage[result.lineage] = result }
        var seen: Set<Int64> = []
        for (offset, row) in rows.enumerated().dropFirst() {
            let line = offset + 1
            if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            guard let number = Int64(row[0].trimmingWhitespace()), let result = byLineage[number] else {
                out.errors.append((line, "Resultaat nr ‘\(row[0])’ bestaat niet in deze versie."))
                continue
            }
            if !seen.insert(number).inserted {
                out.errors.append((line, "Resultaat nr \(number) staat twee keer in het bestand."))
                continue
            }
            for (column, year) in columns.sorted(by: { $0.key < $1.key }) {
                let cell = column < row.count ? row[column].trimmingWhitespace() : ""
                if cell.isEmpty {
                    out.errors.append((line, "De streefwaarde voor \(yearLabel(year)) bij ‘\(result.indicator)’ ontbreekt."))
                    continue
                }
                guard let value = parseNumber(cell) else {
                    out.errors.append((line, "‘\(cell)’ (\(yearLabel(year))) is geen getal; schrijf bijvoorbeeld 12,5."))
                    continue
                }
                if let problem = AgreementRules.problem(value, unit: result.unit) {
                    out.errors.append((line, "De streefwaarde voor \(yearLabel(year)) bij ‘\(result.indicator)’ \(problem)."))
                    continue
                }
                if result.targets[year] != value {
                    out.targetChanges.append(TargetChange(line: line, resultID: result.id, indicator: result.indicator, year: year,
                                                          old: result.targets[year], new: value))
                }
            }
        }
        return out
    }

    /// A contributions file: `Partij;Financieringsbron;<year>...;Totaal`, matched by names; an
    /// empty cell is no contribution (0).
    public static func contributions(_ text: String, content: AgreementContent, sources: [(id: Int64, name: String)],
                                     years: ClosedRange<Int>, yearLabel: (Int) -> String,
                                     parseEuros: (String) -> Int64?) -> AgreementImport {
        var out = AgreementImport(kind: .contributions)
        guard let rows = parse(text, &out), let header = rows.first else { return out }
        guard header.count >= contributionHeader.count, header[0].trimmingWhitespace() == "Partij" else {
            out.errors.append((1, "De eerste regel moet de kolomkoppen bevatten: Partij;Financieringsbron;jaren."))
            return out
        }
        let columns = yearColumns(header, from: contributionHeader.count, years: years, yearLabel: yearLabel, errors: &out.errors)
        var seen: Set<String> = []
        for (offset, row) in rows.enumerated().dropFirst() {
            let line = offset + 1
            if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            let partyName = row[0].trimmingWhitespace()
            let sourceName = row.count > 1 ? row[1].trimmingWhitespace() : ""
            if partyName.lowercased() == "totaal" { continue }
            guard let party = content.parties.first(where: { $0.organisationName.lowercased() == partyName.lowercased() }) else {
                out.errors.append((line, "‘\(partyName)’ is geen partij van deze afspraak."))
                continue
            }
            guard let source = sources.first(where: { $0.name.lowercased() == sourceName.lowercased() }) else {
                out.errors.append((line, "‘\(sourceName)’ is geen bekende financieringsbron."))
                continue
            }
            if !seen.insert("\(party.organisationID)/\(source.id)").inserted {
                out.errors.append((line, "\(partyName) / \(sourceName) staat twee keer in het bestand."))
                continue
            }
            for (column, year) in columns.sorted(by: { $0.key < $1.key }) {
                let cell = column < row.count ? row[column].trimmingWhitespace() : ""
                var cents: Int64 = 0
                if !cell.isEmpty {
                    guard let parsed = parseEuros(cell) else {
                        out.errors.append((line, "‘\(cell)’ (\(yearLabel(year))) is geen bedrag; schrijf bijvoorbeeld 12.500 of 12.500,00."))
                        continue
                    }
                    if parsed < 0 {
                        out.errors.append((line, "Een bijdrage kan niet negatief zijn (\(yearLabel(year)))."))
                        continue
                    }
                    cents = parsed
                }
                let old = content.contribution(organisation: party.organisationID, source: source.id, year: year)
                if (old ?? 0) != cents {
                    out.amountChanges.append(AmountChange(line: line, organisationID: party.organisationID, fundingSourceID: source.id,
                                                          year: year, old: old, new: cents))
                }
            }
        }
        return out
    }

    static func parse(_ text: String, _ out: inout AgreementImport) -> [[String]]? {
        guard let rows = AgreementCSV.parse(text) else {
            out.errors.append((1, "Het bestand is geen geldige CSV: een aanhalingsteken wordt niet gesloten."))
            return nil
        }
        guard !rows.isEmpty else {
            out.errors.append((1, "Het bestand is leeg."))
            return nil
        }
        return rows
    }
}
