import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Funding source verbs")
struct FundingVerbTests {
    static let years = 2021...2028

    /// A form as a project leader fills it in, checked against the demo's code lists.
    static func checked(_ name: String, budget2024: String, in seeded: SeededStore) throws -> FundingSourceForm.Checked {
        let list = try seeded.store.read { try FundingSources.list($0) }
        let form = FundingSourceForm(name: name, kind: list.kindCodes.first ?? "", budgetTexts: [2024: budget2024])
        let (_, checked) = form.validate(years: years, kinds: list.kindCodes, organisationIDs: Set(list.organisationNames.keys),
                                         yearLabel: String.init, parse: { Int64($0).map { $0 * 100 } })
        return try #require(checked)
    }

    @Test("creating a source stores it with its budgets and an audit row")
    func create() throws {
        let seeded = try SeededStore()
        let id = try FundingSources.create(try Self.checked("Nieuwe bron", budget2024: "1000", in: seeded), years: Self.years,
                                           by: seeded.actor, in: seeded.store)
        let (source, budgets) = try seeded.store.read { c in (try FundingSources.find(id: id, c), try FundingSources.budgets(sourceID: id, c)) }
        #expect(source?.name == "Nieuwe bron")
        #expect(budgets == [2024: 100_000])
        let audit = try seeded.lastAudit("funding_source", id)
        #expect(audit?.action == "create")
        #expect(audit?.summary == "Financieringsbron Nieuwe bron aangemaakt")
        #expect(audit?.newValues?.contains("\"budget_2024\":\"100000\"") == true)
    }

    @Test("changing a source claims its version: the change and its audit row, then a stale save is refused")
    func change() throws {
        let seeded = try SeededStore()
        let id = try FundingSources.create(try Self.checked("Bron", budget2024: "1000", in: seeded), years: Self.years,
                                           by: seeded.actor, in: seeded.store)
        let loaded = try #require(try seeded.store.read { try FundingSources.find(id: id, $0) })
        try FundingSources.change(id: id, expected: loaded.lockVersion, to: try Self.checked("Bron", budget2024: "2000", in: seeded),
                                  years: Self.years, by: seeded.actor, in: seeded.store)
        #expect(try seeded.store.read { try FundingSources.budgets(sourceID: id, $0) } == [2024: 200_000])
        #expect(try seeded.store.read { try FundingSources.find(id: id, $0) }?.lockVersion == loaded.lockVersion + 1)
        let audit = try seeded.lastAudit("funding_source", id)
        #expect(audit?.action == "update")
        #expect(audit?.oldValues == "{\"budget_2024\":\"100000\"}")
        #expect(audit?.newValues == "{\"budget_2024\":\"200000\"}")

        #expect(throws: StoreError.staleVersion(record: "funding_source", id: id, expected: loaded.lockVersion, actual: loaded.lockVersion + 1)) {
            try FundingSources.change(id: id, expected: loaded.lockVersion, to: try Self.checked("Bron", budget2024: "3000", in: seeded),
                                      years: Self.years, by: seeded.actor, in: seeded.store)
        }
        #expect(try seeded.store.read { try FundingSources.budgets(sourceID: id, $0) } == [2024: 200_000])
    }

    @Test("a name another source has is refused, whatever its case")
    func duplicate() throws {
        let seeded = try SeededStore()
        _ = try FundingSources.create(try Self.checked("Bron", budget2024: "1", in: seeded), years: Self.years, by: seeded.actor, in: seeded.store)
        #expect(throws: StoreError.duplicate(field: "name")) {
            try FundingSources.create(try Self.checked("BRON", budget2024: "1", in: seeded), years: Self.years, by: seeded.actor, in: seeded.store)
        }
    }
}
