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
            // OAB's cell includes what is committed to VVE, a part of OAB (issue 19).
            let vve = try FundingSources.amounts(versionIDs: fixed, sourceID: 2, c).filter { $0.year == 2024 }.map(\.cents).reduce(0, +)
            #expect(vve == 17_400_000)
            #expect(ledger.cells[Funding.Key(1, 2024)]?.committed == 36_250_000 + vve)
            #expect(try FundingSources.agreementLabels(c).count == 9)
            #expect(try FundingSources.agreementFigures(c).count == 9)
        }
    }

    @Test("a change to the demo's OAB source over 2024 alone replaces that budget and keeps 2025's")
    func changeKeepsOtherYears() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let store = DataStore(database: copy.database)
        // Without the demo's earmark: a 1-cent OAB budget would be smaller than its part VVE's.
        try copy.database.write { try $0.execute("UPDATE funding_sources SET parent_id = NULL") }
        let (source, list) = try store.read { c in (try #require(try FundingSources.find(id: 1, c)), try FundingSources.list(c)) }
        let form = FundingSourceForm(name: source.name, kind: source.kind, organisation: source.organisationID.map { String($0) } ?? "",
                                     notes: "Aangepast", budgetTexts: [2024: "1"])
        let (_, checked) = form.validate(years: 2024...2024, kinds: list.kindCodes, organisationIDs: Set(list.organisationNames.keys),
                                         yearLabel: String.init, parse: { Int64($0) })
        try FundingSources.change(id: 1, expected: source.lockVersion, to: try #require(checked), years: 2024...2024, by: 1, in: store)
        let budgets = try store.read { try FundingSources.budgets(sourceID: 1, $0) }
        #expect(budgets[2024] == 1)
        #expect(budgets[2025] == 90_000_000)
        #expect(try store.read { try FundingSources.find(id: 1, $0) }?.notes == "Aangepast")
    }
}
