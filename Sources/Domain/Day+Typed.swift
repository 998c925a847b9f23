extension Day {
    /// The one parser of dates as people type them: the Dutch way, day-month-year with a four-digit
    /// year (`22-11-2026`, also `1-2-2026` or `22/11/2026`), or ISO 8601 (`2026-11-22`, what
    /// `<input type=date>` posts). Digits only, surrounding white space ignored; nil for anything
    /// else and for a date that does not exist (`31-02-2026`, `29-02-2025`).
    public init?(typed text: String) {
        let trimmed = text.trimmingWhitespace()
        let separator: Character = trimmed.contains("/") ? "/" : "-"
        let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isWholeNumber } })
        else { return nil }
        let counts = parts.map(\.count)
        let year: Substring, month: Substring, day: Substring
        if separator == "-", counts[0] == 4, counts[1] <= 2, counts[2] <= 2 {
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else if counts[0] <= 2, counts[1] <= 2, counts[2] == 4 {
            (day, month, year) = (parts[0], parts[1], parts[2])
        } else {
            return nil
        }
        guard let y = Int(year), let m = Int(month), let d = Int(day) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
