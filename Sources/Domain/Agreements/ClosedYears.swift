/// Closed years stay closed (issue 17; Akvo RSR locks a period once its update is approved): an
/// amendment may change targets, contributions and staffing only for years whose verantwoording
/// is not yet approved. A project leader can open one year of one agreement again, with a reason.
public enum ClosedYears {
    /// The years of `years` with an approved verantwoording that are not unlocked.
    public static func closed(approved: [Int], unlocked: [Int], years: ClosedRange<Int>) -> Set<Int> {
        Set(approved.filter { years.contains($0) }).subtracting(unlocked)
    }

    /// Why a year's cells cannot change, as the grids and the refusal say it.
    public static func reason(_ yearLabel: String) -> String {
        "De verantwoording \(yearLabel) is goedgekeurd: dit jaar ligt vast en verandert niet in een bijstelling."
    }

    /// The reason for an unlock, checked: required, at most 500 characters.
    public static func validReason(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return "Geef een reden om dit jaar weer te openen." }
        guard trimmed.count <= 500 else { return "De reden is te lang (hoogstens 500 tekens)." }
        return nil
    }
}

/// A change to a closed year's cell, refused by the Store: nothing is saved.
public struct ClosedYearRefusal: Error, Equatable, Sendable {
    public var year: Int
    public init(year: Int) { self.year = year }
}

/// One year of one agreement opened again by a project leader.
public struct YearUnlock: Sendable, Equatable {
    public var year: Int
    public var reason: String
    public var unlockedByName: String?
    public var unlockedAt: String

    public init(year: Int, reason: String, unlockedByName: String?, unlockedAt: String) {
        self.year = year
        self.reason = reason
        self.unlockedByName = unlockedByName
        self.unlockedAt = unlockedAt
    }
}
