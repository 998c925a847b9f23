import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: funding sources")
struct FundingSourcesStoreTests {
    @Test("six sources with their budgets, commitments of fixed agreements and approved spending")
    func figures() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let all = try FundingSources.all(c)
            #expect(all.count == 6)
            #expect(try FundingSources.find(id: 1, c)?.name == "OAB-middelen gemeente")
            #expect(try FundingSources.find(id: 1, c)?.kind == "oab")
            #expect(try FundingSources.nameExists("VVE-middelen (jeugdondersteuners VVE)", exceptID: nil, c))
            #expect(try !FundingSources.nameExists("VVE-middelen (jeugdondersteuners VVE)", exceptID: 2, c))
            let budgets = try FundingSources.budgets(c)
            #expect(budgets.count == 48)
            #expect(budgets[Funding.Key(1, 2024)] == 90_000_000)
            #expect(try FundingSources.budgets(sourceID: 1, c)[2024] == 90_000_000)
            #expect(try FundingSources.spending(c)[Funding.Key(1, 2024)] == 36_412_400)
            let versions = try FundingSources.versions(c)
            #expect(versions.count == 9)
            #expect(versions.filter(\.isFixed).count == 7)
            let fixed = versions.filter(\.isFixed).map(\.id)
            let committed = try FundingSources.amounts(versionIDs: fixed, sourceID: 1, c)
                .filter { $0.year == 2024 }.map(\.cents).reduce(0, +)
            #expect(committed == 36_250_000)
            let ledger = try FundingSources.ledger(sources: all, years: 2022...2028, c)
            #expect(ledger.cells[Funding.Key(1, 2024)]?.budget == 90_000_000)
            #expect(ledger.cells[Funding.Key(1, 2024)]?.committed == 36_250_000)
            #expect(try FundingSources.agreementLabels(c).count == 9)
            #expect(try FundingSources.agreementFigures(c).count == 9)
        }
    }

    @Test("a source saved over a newer version is refused with staleVersion and keeps its budgets")
    func stale() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        var source = try #require(try db.read { try FundingSources.find(id: 1, $0) })
        source.notes = "Aangepast"
        try db.write { try FundingSources.update(id: 1, expectedVersion: source.lockVersion, source, budgets: [2024: 1], years: 2024...2024, $0) }
        #expect(try db.read { try FundingSources.budgets(sourceID: 1, $0) }[2024] == 1)
        #expect(try db.read { try FundingSources.budgets(sourceID: 1, $0) }[2025] == 90_000_000)
        #expect(throws: StoreError.staleVersion(record: "funding_source", id: 1, expected: source.lockVersion, actual: source.lockVersion + 1)) {
            try db.write { try FundingSources.update(id: 1, expectedVersion: source.lockVersion, source, budgets: [:], years: 2024...2024, $0) }
        }
        #expect(try db.read { try FundingSources.budgets(sourceID: 1, $0) }[2024] == 1)
    }

    @Test("a new source is created with its budgets; a second with the same name is refused")
    func create() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        let source = FundingSource(id: 0, name: "Provinciale middelen", kind: "other", organisationID: nil, notes: "", lockVersion: 1)
        let id = try db.write { try FundingSources.create(source, budgets: [2026: 500_000], $0) }
        #expect(try db.read { try FundingSources.budgets(sourceID: id, $0) } == [2026: 500_000])
        #expect(try db.read { try FundingSources.all($0) }.count == 7)
        #expect(throws: StoreError.duplicate(field: "name")) { try db.write { _ = try FundingSources.create(source, budgets: [:], $0) } }
    }
}
