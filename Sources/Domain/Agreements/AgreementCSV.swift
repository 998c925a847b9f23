/// Writing CSV as Dutch Excel reads it: fields separated by `;`, quoted with `"` when they hold
/// `;`, `"` or a line break (RFC 4180 §2 with another separator), UTF-8 with a BOM so Excel picks
/// the right encoding. Reading goes through the shared `CSV` parser.
public enum AgreementCSV {
    public static let bom = CSV.bom

    /// The text of a file: BOM, rows separated by CRLF, every cell a spreadsheet would run as a
    /// formula guarded with an apostrophe (directors and partners open these files in Excel).
    public static func write(_ rows: [[String]]) -> String {
        CSV.document(rows, guardFormulas: true)
    }

    /// The records of a file, each field with exactly the guard `write` added taken off again,
    /// so that `read(write(rows))` gives `rows` back.
    public static func read(_ text: String) -> [CSV.Record] {
        CSV.records(text).map { CSV.Record(line: $0.line, fields: $0.fields.map(CSV.removeFormulaGuard)) }
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
    static func yearColumns(_ header: [String], line: Int, from start: Int, years: ClosedRange<Int>, yearLabel: (Int) -> String,
                            errors: inout [(line: Int, message: String)]) -> [Int: Int] {
        var columns: [Int: Int] = [:]
        guard header.count > start else { return columns }
        for column in start..<header.count {
            let label = header[column].trimmingWhitespace()
            if label.isEmpty || label.lowercased() == "totaal" { continue }
            if let year = years.first(where: { yearLabel($0) == label }) {
                columns[column] = year
            } else {
                errors.append((line, "Kolom ‘\(label)’ is geen jaar van de looptijd (\(yearLabel(years.lowerBound)) tot en met \(yearLabel(years.upperBound)))."))
            }
        }
        return columns
    }

    /// A targets file: `Nr;Doel;Resultaat;Indicator;Eenheid;<year>...`, matched by Nr (the result's number).
    public static func targets(_ text: String, content: AgreementContent, years: ClosedRange<Int>, yearLabel: (Int) -> String,
                               parseNumber: (String) -> Double?) -> AgreementImport {
        var out = AgreementImport(kind: .targets)
        guard let records = parse(text, &out), let header = records.first?.fields else { return out }
        guard header.count >= targetHeader.count, header[0].trimmingWhitespace() == "Nr" else {
            out.errors.append((records[0].line, "De eerste regel moet de kolomkoppen bevatten: Nr;Doel;Resultaat;Indicator;Eenheid;jaren."))
            return out
        }
        let columns = yearColumns(header, line: records[0].line, from: targetHeader.count, years: years, yearLabel: yearLabel, errors: &out.errors)
        var byLineage: [Int64: AgreementResult] = [:]
        for result in content.results { byLineage[result.lineage] = result }
        var seen: Set<Int64> = []
        for record in records.dropFirst() {
            let line = record.line, row = record.fields
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
        guard let records = parse(text, &out), let header = records.first?.fields else { return out }
        guard header.count >= contributionHeader.count, header[0].trimmingWhitespace() == "Partij" else {
            out.errors.append((records[0].line, "De eerste regel moet de kolomkoppen bevatten: Partij;Financieringsbron;jaren."))
            return out
        }
        let columns = yearColumns(header, line: records[0].line, from: contributionHeader.count, years: years, yearLabel: yearLabel, errors: &out.errors)
        var seen: Set<String> = []
        for record in records.dropFirst() {
            let line = record.line, row = record.fields
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

    /// The records of the file through the shared parser, which numbers them by physical line.
    /// It reads an unclosed quote to the end of the text; here that is an error, because the
    /// rows swallowed by it would silently count as "no change".
    static func parse(_ text: String, _ out: inout AgreementImport) -> [CSV.Record]? {
        if text.reduce(0, { $1 == "\"" ? $0 + 1 : $0 }) % 2 == 1 {
            out.errors.append((1, "Het bestand is geen geldige CSV: een aanhalingsteken wordt niet gesloten."))
            return nil
        }
        let records = AgreementCSV.read(text)
        guard !records.isEmpty else {
            out.errors.append((1, "Het bestand is leeg."))
            return nil
        }
        // Texts may span lines (a result's description), but no other control character belongs in a cell.
        var clean = true
        for record in records {
            if let column = record.fields.firstIndex(where: { Check.hasInvalidCharacter($0, multiLine: true) }) {
                out.errors.append((record.line, "Kolom \(column + 1) bevat een ongeldig teken (een stuurteken)."))
                clean = false
            }
        }
        return clean ? records : nil
    }
}
