import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: the demo's areas")
struct AreasStoreTests {
    @Test("twelve areas, seven aandachtsgebieden first, 56 indicators")
    func reads() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        try copy.database.read { (c: Connection) throws in
            let all = try Areas.all(c)
            #expect(all.count == 12)
            #expect(all.prefix(7).allSatisfy { $0.isPriority })
            #expect(try Areas.name(id: 2, c) == "Vrijheidswijk")
            #expect(try Areas.indicatorCount(c) == 56)
            let indicators = try Areas.indicators(areaID: 2, c)
            #expect(indicators.first { $0.year == 2021 && $0.indicator == "Kinderen in huishoudens met laag inkomen (%)" }?.value == 19.5)
        }
    }

    @Test("a demo indicator saved again replaces its value, logs the old 19.5, and the count stays 56")
    func replaceIndicator() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let store = DataStore(database: copy.database)
        let area = try #require(try store.read { try Areas.find(id: 2, $0) })
        let name = "Kinderen in huishoudens met laag inkomen (%)"
        try Areas.saveIndicator(AreaIndicator(areaID: 2, year: 2021, indicator: name, value: 20, source: "CBS"), of: area, by: 1, in: store)
        let audit = try #require(try store.read { try AuditLog.entries(recordType: "area_indicator", recordID: 2, limit: 1, $0).first })
        #expect(audit.action == "update" && audit.oldValues?.contains("\"value\":\"19.5\"") == true)
        #expect(try store.read { try Areas.indicators(areaID: 2, $0) }.first { $0.year == 2021 && $0.indicator == name }?.value == 20)
        #expect(try store.read { try Areas.indicatorCount($0) } == 56)
    }
}
