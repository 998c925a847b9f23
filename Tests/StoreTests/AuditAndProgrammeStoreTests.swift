import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: audit log and programme settings")
struct AuditAndProgrammeStoreTests {
    @Test("the demo's audit log has the account creations and the editions' publication; a new entry comes first, filtered by record")
    func auditLog() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        let seeded = try db.read { try AuditLog.entries(recordType: nil, recordID: nil, $0) }
        // Newest first: the demo's published editions (2024, 2023, 2022 on 23-11-2026), then the accounts.
        #expect(seeded.map(\.summary) == (2022...2024).reversed().map { "Jaarrapportage \($0) editie 1 gepubliceerd" }
                + Array(repeating: "Demo-account aangemaakt", count: 8))
        let diff = try #require(AuditLog.diff([("naam", "Oud", "Nieuw"), ("rol", "x", "x")]))
        try db.write {
            try AuditLog.record(userID: 1, action: "update", recordType: "ikc", recordID: 4, summary: "IKC gewijzigd",
                                oldValues: diff.old, newValues: diff.new, $0)
        }
        let entries = try db.read { try AuditLog.entries(recordType: "ikc", recordID: 4, $0) }
        #expect(entries.count == 1)
        #expect(entries.first?.userName == "Pien de Vries")
        #expect(entries.first?.oldValues?.contains("Oud") == true)
        #expect(entries.first?.oldValues?.contains("rol") == false)
        #expect(try db.read { try AuditLog.entries(recordType: nil, recordID: nil, limit: 2, $0) }.first?.summary == "IKC gewijzigd")
        #expect(AuditLog.diff([("a", "1", "1")]) == nil)
    }

    @Test("the programme Kansen voor Kinderen 2, 2021-2028 in school years, its goals and code lists")
    func programme() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let programme = try ProgrammeSettings.programme(c)
            #expect(programme.name == "Kansen voor Kinderen 2")
            #expect(programme.firstYear == 2021 && programme.lastYear == 2028)
            #expect(programme.yearKind == .school)
            #expect(try ProgrammeSettings.goals(c).map(\.name) == ["Verminderen van ongelijkheid", "Verbeteren van kwaliteitsonderwijs/opvang",
                                                                  "Bevorderen van goede gezondheid en welzijn"])
            #expect(try ProgrammeSettings.organisationKinds(c).map(\.code) == ["gemeente", "koepel", "kinderopvang", "partner"])
            #expect(try ProgrammeSettings.fundingSourceKinds(c).first?.label == "Rijk / OAB")
            #expect(try ProgrammeSettings.staffingRoles(c).count == 5)
            #expect(try ProgrammeSettings.plusConditions(c).count == 11)
        }
    }
}
