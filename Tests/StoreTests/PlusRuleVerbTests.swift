import Domain
import SQLite
import Store
import Testing
import TestSupport

/// The Plus rules' verbs: a grant and a herijking record decisions, the reason outside an
/// aandachtsgebied is kept and audited, and an area's reclassification asks a herijking.
@Suite("Plus rule verbs")
struct PlusRuleVerbTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day(ordinal: 0) }

    @Test("a first grant and a later herijking are decisions with their body; the reason is kept and in the audit row")
    func decisions() throws {
        let f = try RecordVerbFixture()
        let ikc = try f.newIKC()
        let grant = PlusPredicate(ikcID: ikc.id, grantedOn: Self.day(2026, 8, 1), notes: "Eerste toekenning")
        try IKCs.savePredicate(grant, of: ikc, expected: nil, decisionBody: "Ontwikkelgroep", outsideAreaReason: "Buurt met veel jonge gezinnen",
                               by: f.actor, in: f.store)
        var renewed = try #require(try f.store.read { try IKCs.predicate(ikcID: ikc.id, $0) })
        renewed.lastReassessedOn = Self.day(2028, 8, 1)
        try IKCs.savePredicate(renewed, of: ikc, expected: renewed.lockVersion, decisionBody: "College", by: f.actor, in: f.store)
        let rules = try f.store.read { try IKCs.plusRules(ikcID: ikc.id, $0) }
        #expect(rules.decisions.map(\.kind) == [.toekenning, .herijking])
        #expect(rules.decisions.map(\.body) == ["Ontwikkelgroep", "College"])
        #expect(rules.outsideAreaReason == "Buurt met veel jonge gezinnen")
        let audit = try #require(try f.store.read { try $0.row("SELECT new_values FROM audit_log WHERE record_type = 'plus_predicate' ORDER BY id LIMIT 1")?.string(0) })
        #expect(audit.contains("Buurt met veel jonge gezinnen"))
    }

    @Test("reclassifying an area flags its Plus IKCs; a herijking settles the flag")
    func reclassification() throws {
        let f = try RecordVerbFixture()
        let ikc = try #require(try f.store.read { try IKCs.find(id: 1, $0) })
        let area = try #require(try f.store.read { c in try ikc.areaID.flatMap { try Areas.find(id: $0, c) } })
        var changed = area
        changed.isPriority.toggle()
        try Areas.change(changed, expected: area.lockVersion, by: f.actor, in: f.store)
        let due = try f.store.read { try IKCs.reassessmentsDue($0) }
        #expect(due.contains { $0.ikcID == 1 && $0.nowPriority == changed.isPriority })
        var predicate = try #require(try f.store.read { try IKCs.predicate(ikcID: 1, $0) })
        predicate.lastReassessedOn = Self.day(2026, 11, 1)
        try IKCs.savePredicate(predicate, of: ikc, expected: predicate.lockVersion, by: f.actor, in: f.store)
        #expect(!(try f.store.read { try IKCs.reassessmentsDue($0) }).contains { $0.ikcID == 1 })
        // Saving the area again without a change of classification flags nothing new.
        let again = try #require(try f.store.read { try Areas.find(id: area.id, $0) })
        try Areas.change(again, expected: again.lockVersion, by: f.actor, in: f.store)
        #expect(!(try f.store.read { try IKCs.reassessmentsDue($0) }).contains { $0.ikcID == 1 })
    }
}
