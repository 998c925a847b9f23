// Compiled into the Domain module only by Tests/Fuzz/run.sh (never by `swift build`).

/// Entry points of the CSV fuzz targets.
public enum FuzzDomain {
    /// Domain cannot use Markup's Dutch parser; a decimal comma is enough to reach the rules.
    static func number(_ text: String) -> Double? {
        var copy = text
        copy = String(copy.map { $0 == "," ? "." : $0 })
        return Double(copy)
    }

    /// A typed date, written the Dutch way and parsed again, is the same day.
    public static func date(_ data: [UInt8]) {
        guard let day = Day(typed: String(decoding: data, as: UTF8.self)) else { return }
        let again = Day(typed: day.dutch)
        if again != day { preconditionFailure("\(day) is written \(day.dutch), read back as \(String(describing: again))") }
    }

    /// The shared CSV parser: records, the delimiter guess, the BOM and number cells.
    public static func csv(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        for record in CSV.records(text) {
            for field in record.fields { _ = CSV.number(field) }
        }
        _ = CSV.parse(text)
        _ = CSV.delimiter(of: text)
        _ = CSV.stripBOM(text)
        _ = CSV.field(text)
    }

    static let content: AgreementContent = {
        let version = AgreementVersion(id: 1, agreementID: 1, number: 1, status: .concept, reason: "",
                                       texts: AgreementTexts(), createdByName: nil, createdAt: "2026-01-01T00:00:00Z",
                                       fixedAt: nil, lockVersion: 1)
        let results = [
            AgreementResult(id: 5, lineage: 3, goalID: 1, description: "A", indicator: "a", unit: .percent, targets: [2024: 10]),
            AgreementResult(id: 6, lineage: 4, goalID: 1, description: "B", indicator: "b", unit: .number, targets: [2025: 3]),
        ]
        let parties = [AgreementParty(organisationID: 1, organisationName: "Gemeente", role: "gemeente"),
                       AgreementParty(organisationID: 2, organisationName: "Koepel", role: "schoolbestuur")]
        return AgreementContent(version: version, parties: parties, results: results, contributions: [], staffing: [])
    }()

    static func yearLabel(_ year: Int) -> String { "\(year)-\(year + 1)" }

    /// The agreement imports: an even first byte reads a targets file, an odd one a contributions file.
    public static func agreementCSV(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        if first % 2 == 0 {
            _ = AgreementImport.targets(text, content: content, years: 2024...2026, yearLabel: yearLabel, parseNumber: number)
        } else {
            _ = AgreementImport.contributions(text, content: content, sources: [(1, "OAB"), (2, "Gemeente")],
                                              years: 2024...2026, yearLabel: yearLabel,
                                              parseEuros: { number($0).flatMap { value in
                                                  // Like DutchFormat.parseEuros: no amount beyond what cents in an Int64 hold.
                                                  let cents = (value * 100).rounded()
                                                  return abs(cents) < 9e15 ? Int64(cents) : nil
                                              } })
        }
    }

    /// The area indicators import.
    public static func areaCSV(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        _ = AreaIndicatorImport.parse(text, areas: [(1, "Noord"), (2, "Zuid")], years: 2020...2026)
    }
}
