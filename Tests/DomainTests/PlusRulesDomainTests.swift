import Domain
import Testing

/// The Plus rules in Domain: which save records a decision, and the reason outside an aandachtsgebied.
@Suite("Plus rules")
struct PlusRulesDomainTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? Day(ordinal: 0) }

    @Test("a first grant, a new grant date and a new herijking date are decisions; a changed note is not")
    func implied() {
        let old = PlusPredicate(ikcID: 1, grantedOn: Self.day(2022, 8, 1), lastReassessedOn: nil, notes: "a")
        #expect(PlusDecision.implied(old: nil, new: old, body: "OG")?.kind == .toekenning)
        var renewed = old
        renewed.lastReassessedOn = Self.day(2024, 8, 1)
        let herijking = PlusDecision.implied(old: old, new: renewed, body: "Ontwikkelgroep")
        #expect(herijking == PlusDecision(kind: .herijking, decidedOn: Self.day(2024, 8, 1), body: "Ontwikkelgroep", note: "a"))
        var regranted = old
        regranted.grantedOn = Self.day(2026, 8, 1)
        #expect(PlusDecision.implied(old: old, new: regranted, body: "")?.decidedOn == Self.day(2026, 8, 1))
        var noted = old
        noted.notes = "b"
        #expect(PlusDecision.implied(old: old, new: noted, body: "") == nil)
    }

    @Test("outside an aandachtsgebied a reason is required; inside it is not asked")
    func reason() {
        let form = PlusPredicateForm(grantedOn: "01-08-2022", outsideAreaReason: "  ")
        #expect(form.validate(outsideArea: true)["outsideAreaReason"] != nil)
        #expect(form.validate(outsideArea: false).isEmpty)
        var given = form
        given.outsideAreaReason = "Veel kinderen uit een aandachtsgebied"
        #expect(given.validate(outsideArea: true).isEmpty)
    }
}
