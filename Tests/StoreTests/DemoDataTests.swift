import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Demo data")
struct DemoDataTests {
    /// The seed of an empty migrated database is the template's (`DatabaseTemplate`, made once
    /// per test run by `DemoData.seed` with the tests' day); its copy is checked here.
    @Test("seeding an empty database yields the programme's nine Plus IKCs with a full agreement each")
    func ninePlusIKCs() throws {
        let template = try DatabaseTemplate.seededWithoutReports()
        let temporary = try template.copy(), accounts = template.accounts
        #expect(accounts.map(\.role) == [.projectleider, .ontwikkelgroep, .directeur, .partner, .partner, .partner, .partner, .partner])
        let partners = try temporary.database.read { c in
            try c.rows("SELECT o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.role = 'partner' ORDER BY u.id")
                .map { try $0.string(0) }
        }
        #expect(partners == ["Proloog", "PCBO e.o.", "Bisschop Möller Stichting", "Stichting Kinderopvang Friesland", "Sinne Kinderopvang"])
        let names = try temporary.database.read { c in
            try c.rows("SELECT name FROM ikcs WHERE kind = 'plus' ORDER BY id").map { try $0.string(0) }
        }
        #expect(names == ["OBS Montessori/Eestroom", "Aventurijn", "IKC Plataan", "OBS Potmarge", "IKC het Palet",
                          "IKC Prins Maurits", "IKC Prins Constantijn", "IKC de Kinderkoepel", "IKC Franciscus"])
        let (rows, figures) = try temporary.database.read { (try IKCs.overview(IKCs.Filter(), $0), try IKCs.agreementFigures($0)) }
        for row in rows {
            let figure = figures[row.id]
            #expect(figure?.results == 6, "\(row.name)")
            #expect(figure?.targets == 6 * 7, "\(row.name): a target for every year 2022-2028")
            #expect((figure?.contributionCents ?? 0) > 0, "\(row.name)")
        }
        let areas = try temporary.database.read { try $0.row("SELECT COUNT(*) FROM areas WHERE is_priority = 1")?.int(0) }
        #expect(areas == 7)
    }

    @Test("generated IKCs are the same for the same N")
    func deterministic() throws {
        func snapshot() throws -> [String] {
            let temporary = try TemporaryDatabase()
            _ = try DemoData.seed(temporary.database, ikcs: 14, today: TestApp.today, hashPassword: { _ in "$y$x" })
            return try temporary.database.read { c in
                try c.rows("SELECT i.name || '|' || i.area_id || '|' || i.children_count FROM ikcs i ORDER BY i.id").map { try $0.string(0) }
            }
        }
        let first = try snapshot()
        #expect(first.count == 14)
        #expect(try snapshot() == first)
    }

    @Test("seeding twice is refused and leaves the data as it was")
    func seedOnlyOnce() throws {
        let temporary = try DatabaseTemplate.seededWithoutReports().copy()  // seeded once already
        #expect(try temporary.database.read { try IKCs.count($0) } == 9)
        #expect(throws: (any Error).self) { try DemoData.seed(temporary.database, today: TestApp.today, hashPassword: { _ in "$y$x" }) }
        #expect(try temporary.database.read { try IKCs.count($0) } == 9)
    }
}
