extension Day {
    /// A date as people type it: ISO '2026-11-22' (what `<input type=date>` posts) or Dutch
    /// '22-11-2026' / '22/11/2026'.
    public init?(typed text: String) {
        let trimmed = text.trimmingWhitespace()
        if let iso = Day(iso: trimmed) { self = iso; return }
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
