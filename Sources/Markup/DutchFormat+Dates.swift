import Foundation

extension DutchFormat {
    // MARK: Dates

    /// The Gregorian calendar in Europe/Amsterdam, which decides what date an instant is.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? calendar.timeZone
        return calendar
    }()

    /// The months in Dutch, lowercase as Dutch writes them: `januari` … `december`.
    public static let monthNames: [String] = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// The Dutch name of month 1…12 (`monthName(11)` is `november`); the number itself for
    /// any other value, so a mistake shows instead of vanishing.
    public static func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? monthNames[month - 1] : String(month)
    }

    /// The calendar date of an instant in Amsterdam: `22-11-2026`.
    public static func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        var result = twoDigits(parts.day ?? 0)
        result.append("-")
        result.append(twoDigits(parts.month ?? 0))
        result.append("-")
        result.append(fourDigits(parts.year ?? 0))
        return result
    }

    /// The instant a calendar day begins in Amsterdam, or nil for a day that does not exist.
    public static func startOfDay(year: Int, month: Int, day: Int) -> Date? {
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// Date and time of an instant in Amsterdam, 24-hour clock: `22-11-2026 14:05`.
    public static func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        var result = twoDigits(parts.day ?? 0)
        result.append("-")
        result.append(twoDigits(parts.month ?? 0))
        result.append("-")
        result.append(fourDigits(parts.year ?? 0))
        result.append(" ")
        result.append(twoDigits(parts.hour ?? 0))
        result.append(":")
        result.append(twoDigits(parts.minute ?? 0))
        return result
    }

    /// The label of the school year that starts in `startYear`: `schoolYear(2024)` is `2024-2025`.
    public static func schoolYear(_ startYear: Int) -> String {
        "\(startYear)-\(startYear + 1)"
    }
}
