import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: IKCs, organisations and areas")
struct RegistryStoreTests {
    @Test("the IKC overview lists the nine Plus IKCs with koepel, area and agreement status")
    func ikcOverview() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let rows = try IKCs.overview(IKCs.Filter(), c)
            #expect(rows.count == 9)
            let first = try #require(rows.first { $0.id == 1 })
            #expect(first.name == "OBS Montessori/Eestroom")
            #expect(first.kind == .plus)
            #expect(first.koepel == "Proloog")
            #expect(first.agreementStatus == "vastgesteld")
            #expect(rows.first { $0.id == 5 }?.agreementStatus == "concept")
            #expect(try IKCs.count(c) == 9)
            #expect(try IKCs.countPlus(c) == 9)
            #expect(try IKCs.names(c).count == 9)
            #expect(try IKCs.nameExists("Aventurijn", c))
            #expect(try !IKCs.nameExists("Aventurijn", excluding: 2, c))
            #expect(try IKCs.progress(c).count <= 9)
        }
    }

    @Test("one IKC reads back its seeded fields, agreement summary, plans, predicate and conditions")
    func ikcDetail() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let ikc = try #require(try IKCs.find(id: 1, c))
            #expect(ikc.koepelID == 2 && ikc.areaID == 4)
            #expect(ikc.childrenCount == 210)
            #expect(ikc.childcareIDs == [5])
            let summary = try #require(try IKCs.agreementSummary(ikcID: 1, c))
            #expect(summary.agreementID == 1 && summary.results == 6 && summary.status == "vastgesteld")
            #expect(try IKCs.yearPlans(ikcID: 1, c).map(\.year) .sorted() == [2022, 2023, 2024, 2025])
            #expect(try IKCs.planStatus(ikcID: 1, year: 2025, c) == "concept")
            #expect(try IKCs.planStatus(ikcID: 5, year: 2025, c) == nil)
            #expect(try IKCs.predicate(ikcID: 1, c)?.grantedOn == Day(year: 2025, month: 6, day: 1))
            #expect(try IKCs.conditions(ikcID: 1, c).count == 11)
            #expect(try Set(IKCs.submittedPlans(c).map(\.planID)) == [8, 19])
        }
    }

    @Test("an IKC saved over a newer version is refused with staleVersion; a current one bumps the version")
    func ikcStale() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        var ikc = try #require(try db.read { try IKCs.find(id: 1, $0) })
        ikc.directorName = "Nieuwe directeur"
        try db.write { _ = try IKCs.update(ikc, $0) }
        #expect(try db.read { try IKCs.find(id: 1, $0) }?.lockVersion == ikc.lockVersion + 1)
        #expect(throws: StoreError.staleVersion(record: "ikc", id: 1, expected: ikc.lockVersion, actual: ikc.lockVersion + 1)) {
            try db.write { _ = try IKCs.update(ikc, $0) }
        }
        let predicate = try #require(try db.read { try IKCs.predicate(ikcID: 2, $0) })
        #expect(throws: StoreError.self) {
            try db.write { _ = try IKCs.setPredicate(predicate, expectedVersion: predicate.lockVersion + 5, $0) }
        }
    }

    @Test("organisations: seven, by kind, with counts of IKCs; a stale save is refused")
    func organisations() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            #expect(try Organisations.all(c).count == 7)
            #expect(try Organisations.names(c)[1] == "Gemeente Leeuwarden")
            #expect(try Organisations.named(kind: "koepel", c).map(\.name).sorted() == ["Bisschop Möller Stichting", "PCBO e.o.", "Proloog"])
            #expect(try Organisations.find(id: 7, c)?.name == "GGD Fryslân")
            #expect(try Organisations.nameExists("Proloog", c))
            #expect(try Organisations.koepelOfCount(id: 2, c) > 0)
            #expect(try Organisations.koepelOfCount(id: 7, c) == 0)
        }
        var ggd = try #require(try db.read { try Organisations.find(id: 7, $0) })
        ggd.contactName = "Sjoukje"
        let old = try db.write { try Organisations.update(ggd, $0) }
        #expect(old.contactName != "Sjoukje")
        #expect(throws: StoreError.staleVersion(record: "organisation", id: 7, expected: ggd.lockVersion, actual: ggd.lockVersion + 1)) {
            try db.write { _ = try Organisations.update(ggd, $0) }
        }
        #expect(throws: StoreError.duplicate(field: "name")) {
            var copy = ggd
            copy.name = "Proloog"
            copy.lockVersion += 1
            try db.write { _ = try Organisations.update(copy, $0) }
        }
    }

    @Test("areas: twelve, seven aandachtsgebieden first, indicators per area; a stale save is refused")
    func areas() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let all = try Areas.all(c)
            #expect(all.count == 12)
            #expect(all.prefix(7).allSatisfy { $0.isPriority })
            #expect(try Areas.name(id: 2, c) == "Vrijheidswijk")
            #expect(try Areas.indicatorCount(c) == 56)
            let indicators = try Areas.indicators(areaID: 2, c)
            #expect(indicators.first { $0.year == 2021 && $0.indicator == "Kinderen in huishoudens met laag inkomen (%)" }?.value == 19.5)
        }
        let replaced = try db.write { try Areas.setIndicator(AreaIndicator(areaID: 2, year: 2021, indicator: "Kinderen in huishoudens met laag inkomen (%)", value: 20, source: "CBS"), $0) }
        #expect(replaced == 19.5)
        try db.write { try Areas.deleteIndicator(areaID: 2, year: 2021, indicator: "Kinderen in huishoudens met laag inkomen (%)", $0) }
        #expect(try db.read { try Areas.indicatorCount($0) } == 55)
        var area = try #require(try db.read { try Areas.find(id: 2, $0) })
        area.notes = "Herijkt"
        try db.write { _ = try Areas.update(area, $0) }
        #expect(throws: StoreError.staleVersion(record: "area", id: 2, expected: area.lockVersion, actual: area.lockVersion + 1)) {
            try db.write { _ = try Areas.update(area, $0) }
        }
    }
}
