import Domain
import Testing

@Suite("The authorisation rules")
struct AuthorizationTests {
    let leader = Principal(userID: 1, name: "Pien", email: "pl@example.org", role: .projectleider)
    let steering = Principal(userID: 2, name: "Okke", email: "og@example.org", role: .ontwikkelgroep)
    let director = Principal(userID: 3, name: "Dieuwke", email: "d@example.org", role: .directeur, ikcIDs: [7])

    @Test("a project leader may do everything")
    func leaderMayDoEverything() {
        for action in Action.allCases {
            for record in RecordKind.allCases {
                #expect(Authorization.allows(leader, action, record, ikcID: 99))
            }
        }
    }

    @Test("the Ontwikkelgroep reads everything but accounts and the log, and writes only its own password")
    func steeringGroupReadsOnly() {
        for record in RecordKind.allCases {
            let readable = record != .user && record != .auditLog
            #expect(Authorization.allows(steering, .read, record) == readable, "\(record)")
            #expect(Authorization.allows(steering, .review, record) == false, "\(record)")
            #expect(Authorization.allows(steering, .write, record) == (record == .ownAccount), "\(record)")
        }
    }

    @Test("a director reads the own IKC's agreement and writes the own IKC's plan, nothing of other IKCs")
    func directorOwnIKCOnly() {
        #expect(Authorization.allows(director, .read, .agreement, ikcID: 7))
        #expect(!Authorization.allows(director, .read, .agreement, ikcID: 8))
        #expect(!Authorization.allows(director, .write, .agreement, ikcID: 7))
        #expect(Authorization.allows(director, .write, .yearPlan, ikcID: 7))
        #expect(!Authorization.allows(director, .write, .yearPlan, ikcID: 8))
        #expect(!Authorization.allows(director, .review, .yearPlan, ikcID: 7))
        #expect(Authorization.allows(director, .read, .ikc, ikcID: 7))
        #expect(!Authorization.allows(director, .read, .ikc, ikcID: 8))
        #expect(!Authorization.allows(director, .read, .fundingSource))
        #expect(!Authorization.allows(director, .read, .user))
        #expect(!Authorization.allows(director, .write, .ikc, ikcID: 7))
    }
}

@Suite("Calendar dates")
struct DayTests {
    @Test("only real dates exist, leap years by the Gregorian rule")
    func validDates() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2025, month: 2, day: 29) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(iso: "2026-11-23")?.dutch == "23-11-2026")
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "26-11-2026") == nil)
    }

    @Test("adding months keeps the day where the month has it and clamps it where not")
    func addingMonths() {
        let day = Day(year: 2024, month: 1, day: 31)
        #expect(day?.addingMonths(1).iso == "2024-02-29")
        #expect(day?.addingMonths(13).iso == "2025-02-28")
        #expect(Day(year: 2022, month: 1, day: 1)?.addingYears(4).iso == "2026-01-01")
    }

    @Test("ordinals count days both ways")
    func ordinals() {
        let start = Day(year: 1970, month: 1, day: 1)
        #expect(start?.ordinal == 0)
        let a = Day(year: 2024, month: 2, day: 28), b = Day(year: 2024, month: 3, day: 1)
        #expect(a.map { b.map($0.days(until:)) } == 2)
        #expect(Day(ordinal: Day(year: 2031, month: 7, day: 31)?.ordinal ?? 0).iso == "2031-07-31")
    }
}

@Suite("Programme years")
struct ProgrammeTests {
    @Test("a school year is written 2024-2025 and starts on 1 August")
    func schoolYears() {
        let programme = Programme(name: "KvK2", municipality: "Leeuwarden", firstYear: 2021, lastYear: 2028, yearKind: .school)
        #expect(programme.yearLabel(2024) == "2024-2025")
        #expect(programme.year(containing: Day(year: 2025, month: 7, day: 31)!) == 2024)
        #expect(programme.year(containing: Day(year: 2025, month: 8, day: 1)!) == 2025)
        let calendar = Programme(name: "X", municipality: "Y", firstYear: 2021, lastYear: 2028, yearKind: .calendar)
        #expect(calendar.yearLabel(2024) == "2024")
        #expect(calendar.year(containing: Day(year: 2025, month: 7, day: 31)!) == 2025)
    }
}
