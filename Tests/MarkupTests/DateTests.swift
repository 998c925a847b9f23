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
        #expect(DutchFormat.date(instant) == "01-07-2026")
    }

    @Test("a day begins at midnight in Amsterdam; a day that does not exist has no start")
    func startOfDay() throws {
        let start = try #require(DutchFormat.startOfDay(year: 2026, month: 3, day: 7))
        #expect(DutchFormat.dateTime(start) == "07-03-2026 00:00")
        #expect(start == amsterdam(2026, 3, 7, 0, 0))
        #expect(DutchFormat.startOfDay(year: 2026, month: 2, day: 30) == nil)
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
