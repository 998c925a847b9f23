import Foundation
import Markup
import Testing
import TestSupport

/// The wording slips of issue 21 stay out: one spelling of "euro's", words for small numbers in
/// running text, "+ € 15.800" rather than "€ +15.800", and no "IKC('s)".
@Suite("Wording slips")
struct WordingSlipTests {
    static let slips = ["euro’s", "IKC('s)", "elke 2 jaar", "€ +", " 1 dagen", "fout(en)", "wijziging(en)"]

    @Test("no source text of the interface contains a known slip")
    func sources() throws {
        let root = URL(fileURLWithPath: TestApp.repositoryRoot + "/Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 50)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for slip in Self.slips where text.contains(slip) { found.append("\(file.lastPathComponent): \(slip)") }
        }
        #expect(found == [])
    }

    @Test("a count takes the singular for one")
    func counts() {
        #expect(DutchFormat.count(1, "dag", "dagen") == "1 dag")
        #expect(DutchFormat.count(3, "dag", "dagen") == "3 dagen")
        #expect(DutchFormat.count(1200, "IKC", "IKC's") == "1.200 IKC's")
    }
}
