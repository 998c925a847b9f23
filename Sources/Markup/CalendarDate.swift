import Foundation

/// A day on the Gregorian calendar, without time or time zone: what a user means by
/// "22-11-2026". Only real dates can be made (no 31 February).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date, or `nil` when it does not exist. Years 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysInMonth(month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date of an instant in Amsterdam (see ``DutchFormat/calendar``).
    public init(_ date: Date) {
        let parts = DutchFormat.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    /// Gregorian leap years: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in month 1…12 of `year` (0 for another month number).
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// ISO 8601, `2026-11-22`: for `<input type="date">` values and for storage.
    public var iso: String {
        DutchFormat.fourDigits(year) + "-" + DutchFormat.twoDigits(month) + "-" + DutchFormat.twoDigits(day)
    }

    /// The ISO form, `2026-11-22`; Dutch text comes from ``DutchFormat/date(_:)-(CalendarDate)``.
    public var description: String { iso }

    /// The instant this day begins in Amsterdam.
    public var startInAmsterdam: Date? {
        DutchFormat.calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
