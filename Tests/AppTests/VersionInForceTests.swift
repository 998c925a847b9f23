import App
import Domain
import Foundation
import Markup
import SQLite
import Store
import Testing
import TestSupport

/// The version in force everywhere (issue 17): a concept amendment does not replace the figures
/// of the vastgestelde version on the IKC list, the IKC page, home and the agreements list; it is a
/// separate note.
/// Demo: agreement 1 (IKC 1, OBS Montessori/Eestroom) is vastgesteld.
@Suite("Lists and IKC pages show the version in force, an amendment apart")
struct VersionInForceTests {
    @Test("a concept amendment with other contributions leaves the IKC's figures and status as fixed")
    func amendmentApart() throws {
        let app = try TestApp()
        let leader = try app.browser(loggedInAs: .projectleider)
        let before = try leader.get("/ikcs/1")
        #expect(before.status == 200)
        #expect(!before.contains("Wijziging in concept"))
        let total = try app.database.read {
            try $0.row("SELECT SUM(amount_cents) FROM contributions WHERE version_id = (SELECT id FROM agreement_versions WHERE agreement_id = 1 AND number = 1)")?.int64(0)
        } ?? 0

        let amended = try AgreementLifecycleTests.submit(leader, "/agreements/1/amend", [("reason", "Evaluatie")])
        #expect(amended.status == 303)
        try app.database.write {
            try $0.execute("""
                UPDATE contributions SET amount_cents = amount_cents + 100000
                WHERE version_id = (SELECT id FROM agreement_versions WHERE agreement_id = 1 AND number = 2)
                """)
        }
        let page = try leader.get("/ikcs/1")
        #expect(page.contains("Vastgesteld"))
        #expect(page.contains(DutchFormat.euros(cents: total)))
        #expect(page.contains("Wijziging in concept (versie 2)"))
        #expect(page.contains("/agreements/1?version=2"))
        let list = try leader.get("/ikcs")
        #expect(list.contains("Wijziging in concept (versie 2)"))
        let home = try leader.get("/")
        #expect(home.contains("OBS Montessori/Eestroom – Wijziging in concept (versie 2)"))
        // The agreements list: the row is version 1, vastgesteld, with its total; the amendment a note.
        let agreements = try leader.get("/agreements")
        let row = try #require(agreements.text.components(separatedBy: "<tr>").first { $0.contains("href=\"/agreements/1\"") })
        #expect(row.contains("status--final"))
        #expect(row.contains("<td class=\"num\">1</td>"))
        #expect(row.contains("Wijziging in concept (versie 2)"))
        #expect(!row.contains(DutchFormat.euros(cents: total + 100000)))
    }
}
