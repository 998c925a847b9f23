import Domain
import Foundation
import Markup
import Testing
@testable import HTTP

/// Every file of the fuzz corpus (Tests/Fuzz/corpus/<target>/: hand-made seeds and the inputs of
/// crashes found by `make fuzz`) replayed through its parser under the normal `swift test`.
/// The HTTP targets run the very entry points libFuzzer calls (FuzzHTTP); Domain's and Markup's
/// harnesses (Tests/Fuzz/Harness) are repeated here in short.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus").path

    static func inputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
        let folder = corpus + "/" + target
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { (name, Array($0)) }
        }
    }

    static func number(_ text: String) -> Double? { Double(String(text.map { $0 == "," ? "." : $0 })) }

    static func replay(_ target: String, _ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch target {
        case "http-request": FuzzHTTP.requestParser(bytes)
        case "multipart": FuzzHTTP.multipart(bytes)
        case "urlencoded-form": FuzzHTTP.urlencodedForm(bytes)
        case "csv":
            for record in CSV.records(text) { for field in record.fields { _ = CSV.number(field) } }
            _ = CSV.parse(text)
        case "agreement-csv":
            let rest = String(decoding: bytes.dropFirst(), as: UTF8.self)
            let version = AgreementVersion(id: 1, agreementID: 1, number: 1, status: .concept, reason: "",
                                           texts: AgreementTexts(), createdByName: nil, createdAt: "2026-01-01T00:00:00Z",
                                           fixedAt: nil, lockVersion: 1)
            let content = AgreementContent(
                version: version, parties: [AgreementParty(organisationID: 1, organisationName: "Gemeente", role: "gemeente")],
                results: [AgreementResult(id: 5, lineage: 3, goalID: 1, description: "A", indicator: "a", unit: .percent)],
                contributions: [], staffing: [])
            let label: (Int) -> String = { "\($0)-\($0 + 1)" }
            if (bytes.first ?? 0) % 2 == 0 {
                _ = AgreementImport.targets(rest, content: content, years: 2024...2026, yearLabel: label, parseNumber: number)
            } else {
                _ = AgreementImport.contributions(rest, content: content, sources: [(1, "OAB")], years: 2024...2026,
                                                  yearLabel: label, parseEuros: { number($0).map { Int64(($0 * 100).rounded()) } })
            }
        case "area-csv":
            _ = AreaIndicatorImport.parse(text, areas: [(1, "Noord"), (2, "Zuid")], years: 2020...2026)
        case "dutch-number":
            _ = DutchFormat.parseDecimal(text)
        case "dutch-money":
            if let cents = DutchFormat.parseEuros(text) {
                #expect(DutchFormat.parseEuros(DutchFormat.eurosExact(cents: cents)) == cents)
            }
        case "dutch-date":
            if let day = Day(typed: text) { #expect(Day(typed: day.dutch) == day) }
        default:
            Issue.record("no replay for the corpus folder \(target)")
        }
    }

    @Test("every corpus input of every fuzz target goes through its parser without a crash", arguments: [
        "http-request", "multipart", "urlencoded-form", "csv", "agreement-csv", "area-csv",
        "dutch-number", "dutch-money", "dutch-date",
    ])
    func replayCorpus(_ target: String) {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no seeds in Tests/Fuzz/corpus/\(target)")
        for input in inputs { Self.replay(target, input.bytes) }
    }

    @Test("the corpus holds a folder for every target and nothing else")
    func folders() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).sorted()
        #expect(folders == ["agreement-csv", "area-csv", "csv", "dutch-date", "dutch-money", "dutch-number",
                            "http-request", "multipart", "urlencoded-form"])
    }
}
