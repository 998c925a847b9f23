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
        self.date(CalendarDate(date))
    }

    /// A calendar date the Dutch way: `22-11-2026`.
    public static func date(_ day: CalendarDate) -> String {
        var result = twoDigits(day.day)
        result.append("-")
        result.append(twoDigits(day.month))
        result.append("-")
        result.append(fourDigits(day.year))
        return result
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

    /// A date typed the Dutch way (`22-11-2026`, also `1-2-2026`) or as ISO 8601 (`2026-11-22`,
    /// what `<input type="date">` posts), or `nil`. The year has four digits, day and month
    /// one or two; the date must exist (`31-02-2026` and `29-02-2025` are `nil`).
    public static func parseDate(_ text: String) -> CalendarDate? {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).utf8.split(
            separator: ascii("-"), omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return nil }
        let counts = parts.map(\.count)
        let year: Substring.UTF8View, month: Substring.UTF8View, day: Substring.UTF8View
        if counts[0] == 4, counts[1] <= 2, counts[2] <= 2 {
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else if counts[0] <= 2, counts[1] <= 2, counts[2] == 4 {
            (day, month, year) = (parts[0], parts[1], parts[2])
        } else {
            return nil
        }
        return CalendarDate(year: digitsValue(year), month: digitsValue(month), day: digitsValue(day))
    }

    /// The label of the school year that starts in `startYear`: `schoolYear(2024)` is `2024-2025`.
    public static func schoolYear(_ startYear: Int) -> String {
        "\(startYear)-\(startYear + 1)"
    }
}
