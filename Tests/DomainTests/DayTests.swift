import Domain
import Testing

/// `Day` is the one calendar type; `Day(typed:)` the one parser of typed dates.
@Suite("Days and typed dates")
struct TypedDayTests {
    @Test("Dutch and ISO dates are parsed", arguments: [
        ("22-11-2026", 2026, 11, 22), ("2026-11-22", 2026, 11, 22), ("1-2-2026", 2026, 2, 1),
        (" 01-02-2026 ", 2026, 2, 1), ("29-02-2024", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
        ("31-12-2026", 2026, 12, 31), ("22/11/2026", 2026, 11, 22), ("1/3/2025", 2025, 3, 1),
    ])
    func parseAccepted(text: String, year: Int, month: Int, day: Int) {
        #expect(Day(typed: text) == Day(year: year, month: month, day: day))
    }

    @Test("dates that do not exist or are malformed are rejected", arguments: [
        "31-02-2026", "29-02-2025", "29-02-1900", "2026-02-30", "31-04-2026", "00-01-2026", "01-13-2026",
        "32-01-2026", "22-11-26", "2026-11", "", "abc", "22-11-2026-1", "2026-011-22",
        "-1-11-2026", "22--2026", "0000-01-01", "2026/11/22", "22/11-2026", "+1-11-2026", "٢٢-١١-٢٠٢٦",
    ])
    func parseRejected(text: String) {
        #expect(Day(typed: text) == nil)
    }

    @Test("a typed day written the Dutch way reads back as the same day, for every day of a leap year")
    func roundTrip() throws {
        var day = try #require(Day(year: 2024, month: 1, day: 1))
        for _ in 0..<366 {
            #expect(Day(typed: day.dutch) == day)
            #expect(Day(typed: day.iso) == day)
            day = day.addingDays(1)
        }
        #expect(day == Day(year: 2025, month: 1, day: 1))
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(Day.isLeap(2024) && Day.isLeap(2000))
        #expect(!Day.isLeap(1900) && !Day.isLeap(2026))
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2100) == 28)
    }

    @Test("a day prints as ISO and as Dutch, and orders by date")
    func forms() throws {
        let day = try #require(Day(year: 2026, month: 3, day: 7))
        #expect(day.iso == "2026-03-07")
        #expect(day.dutch == "07-03-2026")
        // A year before 1000 keeps four digits, so that the Dutch form reads back (found by `make fuzz`).
        let early = try #require(Day(year: 226, month: 11, day: 22))
        #expect(early.dutch == "22-11-0226")
        #expect(Day(typed: early.dutch) == early)
        #expect(day < day.addingDays(1))
        #expect(day.addingMonths(11) == Day(year: 2027, month: 2, day: 7))
        #expect(Day(year: 2026, month: 1, day: 31)?.addingMonths(1) == Day(year: 2026, month: 2, day: 28))
    }
}
