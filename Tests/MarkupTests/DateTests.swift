import Foundation
import Markup
import Testing

@Suite("Dutch dates")
struct DutchDateTests {
    /// An instant given in Amsterdam time.
    func amsterdam(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date? {
        DutchFormat.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    @Test("a date is day-month-year on the Amsterdam calendar")
    func dateFormatting() throws {
        let instant = try #require(amsterdam(2026, 11, 22, 14, 5))
        #expect(DutchFormat.date(instant) == "22-11-2026")
        #expect(DutchFormat.dateTime(instant) == "22-11-2026 14:05")
        let early = try #require(amsterdam(2026, 1, 2, 0, 7))
        #expect(DutchFormat.dateTime(early) == "02-01-2026 00:07")
    }

    @Test("just after midnight in Amsterdam is already the next day, though not yet in UTC")
    func amsterdamNotUTC() {
        // 2026-06-30T22:30:00Z is 1 July 00:30 in summer time (UTC+2).
        let instant = Date(timeIntervalSince1970: 1_782_858_600)
        #expect(DutchFormat.dateTime(instant) == "01-07-2026 00:30")
        #expect(CalendarDate(instant) == CalendarDate(year: 2026, month: 7, day: 1))
    }

    @Test("Dutch and ISO dates are parsed", arguments: [
        ("22-11-2026", 2026, 11, 22), ("2026-11-22", 2026, 11, 22), ("1-2-2026", 2026, 2, 1),
        (" 01-02-2026 ", 2026, 2, 1), ("29-02-2024", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
        ("31-12-2026", 2026, 12, 31),
    ])
    func parseAccepted(text: String, year: Int, month: Int, day: Int) {
        let parsed = DutchFormat.parseDate(text)
        #expect(parsed?.year == year)
        #expect(parsed?.month == month)
        #expect(parsed?.day == day)
    }

    @Test("dates that do not exist or are malformed are rejected", arguments: [
        "31-02-2026", "29-02-2025", "29-02-1900", "2026-02-30", "31-04-2026", "00-01-2026", "01-13-2026",
        "32-01-2026", "22-11-26", "2026-11", "22/11/2026", "", "abc", "22-11-2026-1", "2026-011-22",
        "-1-11-2026", "22--2026", "0000-01-01",
    ])
    func parseRejected(text: String) {
        #expect(DutchFormat.parseDate(text) == nil)
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CalendarDate.isLeapYear(2024))
        #expect(CalendarDate.isLeapYear(2000))
        #expect(!CalendarDate.isLeapYear(1900))
        #expect(!CalendarDate.isLeapYear(2026))
        #expect(CalendarDate.daysInMonth(2, year: 2024) == 29)
        #expect(CalendarDate.daysInMonth(2, year: 2100) == 28)
    }

    @Test("a calendar date prints as ISO and as Dutch, and orders by day")
    func calendarDateForms() throws {
        let day = try #require(CalendarDate(year: 2026, month: 3, day: 7))
        #expect(day.iso == "2026-03-07")
        #expect(DutchFormat.date(day) == "07-03-2026")
        let later = try #require(CalendarDate(year: 2026, month: 3, day: 8))
        #expect(day < later)
        let start = try #require(day.startInAmsterdam)
        #expect(DutchFormat.dateTime(start) == "07-03-2026 00:00")
    }

    @Test("months have Dutch names")
    func monthNames() {
        #expect(DutchFormat.monthName(1) == "januari")
        #expect(DutchFormat.monthName(3) == "maart")
        #expect(DutchFormat.monthName(11) == "november")
        #expect(DutchFormat.monthName(13) == "13")
        #expect(DutchFormat.monthNames.count == 12)
    }

    @Test("a school year is labelled by its two calendar years")
    func schoolYear() {
        #expect(DutchFormat.schoolYear(2024) == "2024-2025")
    }
}
