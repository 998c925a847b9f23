/// One figure about an area in one year (table `area_indicators`), from a source the programme
/// names: Kinderen in Tel, the CBS OAB dashboard, the municipal Jeugdmonitor.
public struct AreaIndicator: Sendable, Equatable {
    public var areaID: Int64
    public var year: Int
    public var indicator: String
    public var value: Double
    public var source: String

    public init(areaID: Int64, year: Int, indicator: String, value: Double, source: String = "") {
        self.areaID = areaID
        self.year = year
        self.indicator = indicator
        self.value = value
        self.source = source
    }
}

/// A problem with one line of an import file.
public struct ImportProblem: Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Reading area indicators from a CSV file: a header row naming the columns (gebied, jaar,
/// indicator, waarde, optionally bron, in any order), then one row per area × year × indicator.
/// All or nothing: any problem rejects the whole file, with every problem listed by line.
public enum AreaIndicatorImport {
    static let columnNames: [String: String] = [
        "gebied": "area", "area": "area", "wijk": "area",
        "jaar": "year", "year": "year", "schooljaar": "year",
        "indicator": "indicator", "kenmerk": "indicator",
        "waarde": "value", "value": "value",
        "bron": "source", "source": "source", "databron": "source",
    ]

    /// The indicators of `text`, or every problem found. `areas` maps area names (any case) to
    /// ids; `years` is the range a year must fall in.
    public static func parse(_ text: String, areas: [(id: Int64, name: String)], years: ClosedRange<Int>) -> Result<[AreaIndicator], Problems> {
        let records = CSV.records(text)
        guard let header = records.first else {
            return .failure(Problems([ImportProblem(line: 1, message: "Het bestand is leeg.")]))
        }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            if let key = columnNames[name.trimmingWhitespace().lowercased()], column[key] == nil { column[key] = index }
        }
        let missing = [("area", "gebied"), ("year", "jaar"), ("indicator", "indicator"), ("value", "waarde")].filter { column[$0.0] == nil }
        guard missing.isEmpty else {
            let names = missing.map(\.1).joined(separator: ", ")
            return .failure(Problems([ImportProblem(line: header.line, message: "De kopregel mist de kolom(men) \(names). Verwacht: gebied;jaar;indicator;waarde;bron.")]))
        }
        guard records.count > 1 else {
            return .failure(Problems([ImportProblem(line: header.line, message: "Het bestand heeft alleen een kopregel en geen gegevens.")]))
        }
        var byName: [String: Int64] = [:]
        for area in areas { byName[area.name.trimmingWhitespace().lowercased()] = area.id }

        var problems: [ImportProblem] = []
        var result: [AreaIndicator] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            func field(_ key: String) -> String {
                guard let index = column[key], index < record.fields.count else { return "" }
                return record.fields[index].trimmingWhitespace()
            }
            var lineProblems: [String] = []
            let areaName = field("area")
            let areaID = byName[areaName.lowercased()]
            if areaName.isEmpty { lineProblems.append("het gebied ontbreekt") } else if areaID == nil { lineProblems.append("onbekend gebied '\(areaName)'") }
            let yearText = field("year")
            let year = parseYear(yearText)
            if let year, !years.contains(year) {
                lineProblems.append("jaar \(year) valt buiten het programma (\(years.lowerBound)–\(years.upperBound))")
            } else if year == nil {
                lineProblems.append(yearText.isEmpty ? "het jaar ontbreekt" : "'\(yearText)' is geen jaar")
            }
            let indicator = field("indicator")
            for (key, label) in [("area", "het gebied"), ("indicator", "de indicator"), ("source", "de bron")]
            where Check.hasInvalidCharacter(field(key), multiLine: false) {
                lineProblems.append("\(label) bevat een ongeldig teken (een stuurteken)")
            }
            if indicator.isEmpty { lineProblems.append("de indicator ontbreekt") }
            if indicator.count > 200 { lineProblems.append("de indicator is langer dan 200 tekens") }
            let valueText = field("value")
            let value = CSV.number(valueText)
            if value == nil { lineProblems.append(valueText.isEmpty ? "de waarde ontbreekt" : "'\(valueText)' is geen getal") }
            if let areaID, let year, !indicator.isEmpty {
                let key = "\(areaID)|\(year)|\(indicator.lowercased())"
                if let earlier = seen[key] {
                    lineProblems.append("dezelfde indicator voor dit gebied en jaar staat al op regel \(earlier)")
                } else {
                    seen[key] = record.line
                }
            }
            if lineProblems.isEmpty, let areaID, let year, let value {
                result.append(AreaIndicator(areaID: areaID, year: year, indicator: indicator, value: value, source: field("source")))
            } else {
                let message = lineProblems.joined(separator: "; ")
                problems.append(ImportProblem(line: record.line, message: message.prefix(1).uppercased() + message.dropFirst() + "."))
            }
        }
        return problems.isEmpty ? .success(result) : .failure(Problems(problems))
    }

    /// "2024", or a school year written "2024-2025" / "2024/2025" (the year it starts in).
    static func parseYear(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        if parts.count == 2 {
            guard let second = Int(parts[1]), second == year + 1 else { return nil }
        } else if parts.count != 1 {
            return nil
        }
        return year
    }

    /// The problems of a rejected file (an `Error` so it fits `Result`).
    public struct Problems: Error, Sendable, Equatable {
        public var items: [ImportProblem]
        public init(_ items: [ImportProblem]) { self.items = items }
    }
}

/// One area indicator typed in by hand.
public enum AreaIndicatorEntry {
    public static func validate(year: String, indicator: String, value: String, source: String, years: ClosedRange<Int>) -> ValidationErrors {
        var errors = ValidationErrors()
        if let y = AreaIndicatorImport.parseYear(year.trimmingWhitespace()) {
            if !years.contains(y) { errors.add("year", "Kies een jaar van het programma (\(years.lowerBound) tot en met \(years.upperBound)).") }
        } else {
            errors.add("year", "Vul een jaar in, bijvoorbeeld 2024.")
        }
        Check.required(indicator, "indicator", "de indicator", into: &errors)
        Check.maxLength(indicator, 200, "indicator", "de indicator", into: &errors)
        if CSV.number(value) == nil { errors.add("value", "Vul een getal in, bijvoorbeeld 18,5.") }
        Check.maxLength(source, 200, "source", "de bron", into: &errors)
        return errors
    }

    public static func indicator(areaID: Int64, year: String, indicator: String, value: String, source: String) -> AreaIndicator? {
        guard let y = AreaIndicatorImport.parseYear(year.trimmingWhitespace()), let v = CSV.number(value) else { return nil }
        return AreaIndicator(areaID: areaID, year: y, indicator: indicator.trimmingWhitespace(), value: v, source: source.trimmingWhitespace())
    }
}
