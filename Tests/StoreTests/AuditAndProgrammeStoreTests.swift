import Domain
import Foundation
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

    @Test("the audit's JSON escapes quotes, backslashes and control characters and keeps any other text as it is, as a JSON parser reads it back")
    func auditJSONEscaping() throws {
        let values = ["gewoon", "", #"C:\map"#, "tab\talleen", "\"Kwaliteit\" \\ 50%", "regel 1\nregel 2\r\tsluit", "\u{1}\u{1f}\u{7f}", "één € 😀 \u{2028}"]
        let fields = values.enumerated().map { ("veld \($0.offset) \"x\"", Optional($0.element)) } + [("leeg", nil)]
        let text = AuditLog.json(fields)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed.count == fields.count)
        for (key, value) in fields {
            if let value { #expect(parsed[key] as? String == value) } else { #expect(parsed[key] is NSNull) }
        }
        #expect(AuditLog.json([("a", "b")]) == #"{"a":"b"}"#)
        #expect(AuditLog.json([("a", "\u{1}")]) == #"{"a":"\u0001"}"#)
    }

    @Test("the programme settings are cached until they change: a change by another connection shows, a rolled-back one does not stay, other commits keep the cache")
    func programmeCache() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        let store = DataStore(database: db)
        let kind = try #require(try store.programme().ikcKinds.first)
        let count = { try db.read { try $0.row("SELECT n FROM settings_version")?.int64(0) ?? -1 } }
        let start = try count()
        // A transaction that changes the settings reads its own change, and its rollback leaves no trace in the cache.
        struct Undo: Error {}
        #expect(throws: Undo.self) {
            try db.write { c in
                try c.execute("UPDATE ikc_kinds SET label = 'Tijdelijk' WHERE code = \(kind.code)")
                #expect(try store.programme(c).ikcKindLabel(kind.code) == "Tijdelijk")
                throw Undo()
            }
        }
        #expect(try store.programme().ikcKindLabel(kind.code) == kind.label)
        #expect(try count() == start)
        // A commit that leaves the settings alone does not count.
        try db.write { try $0.execute("UPDATE users SET name = name || '.' WHERE id = 1") }
        #expect(try count() == start)
        // Another connection (the command-line tool, say) changes a label: the next read sees it.
        let other = try Database(path: db.path)
        try other.write { try $0.execute("UPDATE ikc_kinds SET label = 'Ander' WHERE code = \(kind.code)") }
        other.close()
        #expect(try count() == start + 1)
        #expect(try store.programme().ikcKindLabel(kind.code) == "Ander")
        let others: [SQL] = ["UPDATE programme SET name = name", "UPDATE organisation_kinds SET label = label WHERE code = 'gemeente'",
                             "UPDATE area_classes SET label = label WHERE level = 0"]
        for statement in others {
            let before = try count()
            try db.write { try $0.execute(statement) }
            #expect(try count() == before + 1, "\(statement.text)")
        }
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
