import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Area verbs")
struct AreaVerbTests {
    @Test("adding an area stores it with its audit row; a taken name is refused")
    func add() throws {
        let f = try RecordVerbFixture()
        let id = try Areas.add(Area(name: "Nieuwland", isPriority: true), by: f.actor, in: f.store)
        #expect(try f.store.read { try Areas.find(id: id, $0) }?.isPriority == true)
        let audit = try #require(try f.lastAudit("area"))
        #expect(audit.action == "create" && audit.summary == "Gebied Nieuwland aangemaakt")
        #expect(audit.newValues == AuditLog.json([("name", "Nieuwland"), ("is_priority", "ja"), ("reassessed_on", ""), ("notes", "")]))
        #expect(throws: StoreError.duplicate(field: "name")) { try Areas.add(Area(name: "Nieuwland"), by: f.actor, in: f.store) }
    }

    @Test("a change claims the version; the same old version again is refused and writes nothing")
    func changeAndStale() throws {
        let f = try RecordVerbFixture()
        let id = try Areas.add(Area(name: "Nieuwland"), by: f.actor, in: f.store)
        try Areas.change(Area(id: id, name: "Nieuwland", notes: "Herijkt"), expected: 1, by: f.actor, in: f.store)
        #expect(try f.store.read { try Areas.find(id: id, $0) }?.lockVersion == 2)
        #expect(try f.lastAudit("area")?.newValues == AuditLog.json([("notes", "Herijkt")]))
        let before = try f.auditCount()
        #expect(throws: StoreError.staleVersion(record: "area", id: id, expected: 1, actual: 2)) {
            try Areas.change(Area(id: id, name: "Anders"), expected: 1, by: f.actor, in: f.store)
        }
        #expect(try f.store.read { try Areas.find(id: id, $0) }?.name == "Nieuwland")
        #expect(try f.auditCount() == before)
    }

    @Test("an indicator is created, then replaced, each with its audit row")
    func indicator() throws {
        let f = try RecordVerbFixture()
        let id = try Areas.add(Area(name: "Nieuwland"), by: f.actor, in: f.store)
        let area = try #require(try f.store.read { try Areas.find(id: id, $0) })
        let figure = AreaIndicator(areaID: id, year: 2024, indicator: "VVE-bereik", value: 80, source: "GGD")
        try Areas.saveIndicator(figure, of: area, by: f.actor, in: f.store)
        #expect(try f.lastAudit("area_indicator")?.action == "create")
        var replaced = figure
        replaced.value = 85
        try Areas.saveIndicator(replaced, of: area, by: f.actor, in: f.store)
        let audit = try #require(try f.lastAudit("area_indicator"))
        #expect(audit.action == "update" && audit.summary == "Indicator 'VVE-bereik' 2024 van Nieuwland")
        #expect(try f.store.read { try Areas.indicators(areaID: id, $0) }.map(\.value) == [85])
    }

    @Test("an import stores every figure in one transaction with one audit row that counts the replaced ones")
    func importFile() throws {
        let f = try RecordVerbFixture()
        let id = try Areas.add(Area(name: "Nieuwland"), by: f.actor, in: f.store)
        let first = AreaIndicator(areaID: id, year: 2024, indicator: "VVE-bereik", value: 80, source: "GGD")
        try Areas.importIndicators([first], from: "een.csv", by: f.actor, in: f.store)
        let second = AreaIndicator(areaID: id, year: 2025, indicator: "VVE-bereik", value: 82, source: "GGD")
        try Areas.importIndicators([first, second], from: "twee.csv", by: f.actor, in: f.store)
        let audit = try #require(try f.lastAudit("area_indicator"))
        #expect(audit.action == "import" && audit.summary == "2 gebiedsindicatoren geïmporteerd uit twee.csv (1 vervangen)")
        #expect(try f.store.read { try Areas.indicators(areaID: id, $0) }.count == 2)
    }
}
