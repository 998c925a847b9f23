import Domain
import Testing

func day(_ iso: String) -> Day { Day(iso: iso)! }

@Suite("Plus predicate and area re-assessment dates")
struct RegistryDateTests {
    let granted = PlusPredicate(ikcID: 1, grantedOn: day("2022-01-01"))

    @Test("the term ends four years after the grant; the first re-assessment is two years after it")
    func termAndFirstReassessment() {
        #expect(granted.termEnds(termYears: 4) == day("2026-01-01"))
        #expect(granted.nextReassessment(everyYears: 2) == day("2024-01-01"))
    }

    @Test("after a re-assessment the next one is the following two-yearly date")
    func afterReassessment() {
        var p = granted
        p.lastReassessedOn = day("2024-01-15")
        #expect(p.nextReassessment(everyYears: 2) == day("2026-01-01"))
        p.lastReassessedOn = day("2023-12-20")  // done a little early: still counts for 2024
        #expect(p.nextReassessment(everyYears: 2) == day("2024-01-01"))
    }

    @Test("due exactly three months before the re-assessment, not a day earlier")
    func dueBoundary() {
        #expect(granted.isDue(today: day("2023-10-01"), termYears: 4, everyYears: 2))
        #expect(!granted.isDue(today: day("2023-09-30"), termYears: 4, everyYears: 2))
    }

    @Test("still due on the day itself and after it has passed")
    func dueWhenPassed() {
        #expect(granted.isDue(today: day("2024-01-01"), termYears: 4, everyYears: 2))
        #expect(granted.isDue(today: day("2024-06-01"), termYears: 4, everyYears: 2))
    }

    @Test("the end of the term makes a predicate due when the re-assessment is done")
    func termEndDue() {
        var p = granted
        p.lastReassessedOn = day("2024-01-10")
        #expect(!p.isDue(today: day("2025-09-30"), termYears: 4, everyYears: 2))
        #expect(p.isDue(today: day("2025-10-01"), termYears: 4, everyYears: 2))
    }

    @Test("three months from a month's end lands on the last day of a shorter month")
    func monthEnd() {
        let p = PlusPredicate(ikcID: 1, grantedOn: day("2022-02-28"))
        // Next re-assessment 2024-02-28; 30 November + 3 months = 29 February 2024 (leap year).
        #expect(p.isDue(today: day("2023-11-30"), termYears: 4, everyYears: 2))
        #expect(!p.isDue(today: day("2023-11-27"), termYears: 4, everyYears: 2))
    }

    @Test("an area's classification is overdue the day after two years have passed, and when never assessed")
    func areaOverdue() {
        let area = Area(name: "Oud-Oost", isPriority: true, reassessedOn: day("2023-03-01"))
        #expect(!area.reassessmentOverdue(today: day("2025-03-01"), years: 2))
        #expect(area.reassessmentOverdue(today: day("2025-03-02"), years: 2))
        #expect(Area(name: "Nieuw").reassessmentOverdue(today: day("2025-03-02"), years: 2))
    }
}

@Suite("Registry forms")
struct RegistryFormTests {
    func errors(children: String, kind: String = "plus", area: String = "1") -> ValidationErrors {
        IKCForm(name: "IKC Test", kind: kind, koepelID: "1", areaID: area, childrenCount: children)
            .validate(koepels: [1], areas: [1], childcare: [5])
    }

    @Test("the number of children must lie between 1 and 2,000")
    func children() {
        #expect(errors(children: "1").isEmpty)
        #expect(errors(children: "2000").isEmpty)
        #expect(errors(children: "2.000").isEmpty)
        #expect(errors(children: "").isEmpty)
        #expect(errors(children: "0")["childrenCount"] != nil)
        #expect(errors(children: "2001")["childrenCount"] != nil)
        #expect(errors(children: "veel")["childrenCount"] != nil)
    }

    @Test("an IKC needs a name, a known koepel and kind; a Plus IKC needs an area")
    func required() {
        let e = IKCForm(name: " ", kind: "x", koepelID: "9", childcareIDs: ["7"]).validate(koepels: [1], areas: [1], childcare: [5])
        #expect(e["name"] != nil)
        #expect(e["kind"] != nil)
        #expect(e["koepelID"] != nil)
        #expect(e["childcareIDs"] != nil)
        #expect(errors(children: "10", area: "")["areaID"] != nil)
        #expect(errors(children: "10", kind: "regulier", area: "").isEmpty)
    }

    @Test("dates may be typed the Dutch way or as ISO; nonsense and future herijkingen are refused")
    func dates() {
        #expect(Day(typed: "22-11-2026") == day("2026-11-22"))
        #expect(Day(typed: "1/3/2025") == day("2025-03-01"))
        #expect(Day(typed: "2025-03-01") == day("2025-03-01"))
        #expect(Day(typed: "31-02-2025") == nil)
        let today = day("2025-06-01")
        #expect(AreaForm(name: "A", reassessedOn: "01-03-2025").validate(today: today).isEmpty)
        #expect(AreaForm(name: "A", reassessedOn: "01-03-2026").validate(today: today)["reassessedOn"] != nil)
        #expect(AreaForm(name: "A", reassessedOn: "gisteren").validate(today: today)["reassessedOn"] != nil)
        #expect(PlusPredicateForm(grantedOn: "").validate()["grantedOn"] != nil)
        #expect(PlusPredicateForm(grantedOn: "01-01-2022", lastReassessedOn: "01-01-2021").validate()["lastReassessedOn"] != nil)
    }

    @Test("a result is on track when it reaches its target in the good direction")
    func onTrack() {
        #expect(ResultProgress.isOnTrack(value: 70, target: 65, direction: "higher"))
        #expect(!ResultProgress.isOnTrack(value: 60, target: 65, direction: "higher"))
        #expect(ResultProgress.isOnTrack(value: 20, target: 25, direction: "lower"))
        #expect(!ResultProgress.isOnTrack(value: 30, target: 25, direction: "lower"))
    }
}
