/// Calendar-year budgets in a school-year programme (issue 19): a school year (1 August to
/// 31 July) touches two calendar years; its amounts are split `first`/12 to the calendar year
/// it starts in and `second`/12 to the next (KvK2: 5 and 7 months). A programme setting.
extension Funding {
    /// Splits `cents` in whole cents by `weights`: every part but the last is the amount times its
    /// weight over the sum of weights, rounded toward zero; the last part is the remainder, so the
    /// parts always add up to the whole. An empty or zero-sum list of weights gives the whole in one part.
    public static func split(_ cents: Int64, weights: [Int]) -> [Int64] {
        let total = weights.reduce(0, +)
        guard weights.count > 1, total > 0 else { return [cents] }
        var parts: [Int64] = []
        var rest = cents
        for weight in weights.dropLast() {
            // cents × weight may overflow for huge amounts: divide first, then add the remainder's share.
            let whole = cents / Int64(total), remainder = cents % Int64(total)
            let part = whole * Int64(weight) + remainder * Int64(weight) / Int64(total)
            parts.append(part)
            rest -= part
        }
        parts.append(rest)
        return parts
    }

    public struct CalendarSplit: Sendable, Equatable {
        /// Months of a school year in the calendar year it starts in (August to December: 5).
        public var first: Int
        /// Months in the next calendar year (January to July: 7).
        public var second: Int

        public init(first: Int = 5, second: Int = 7) {
            self.first = first
            self.second = second
        }

        /// Checks a typed split: two whole numbers of months, 0 to 12, adding up to 12.
        public static func parse(first: String, second: String) -> (split: CalendarSplit?, errors: ValidationErrors) {
            var errors = ValidationErrors()
            let a = Int(first.trimmingWhitespace()), b = Int(second.trimmingWhitespace())
            if a == nil || !(0...12).contains(a ?? -1) { errors.add("split_first", "Vul bij het eerste kalenderjaar een aantal maanden van 0 tot en met 12 in.") }
            if b == nil || !(0...12).contains(b ?? -1) { errors.add("split_second", "Vul bij het tweede kalenderjaar een aantal maanden van 0 tot en met 12 in.") }
            guard let a, let b, errors.isEmpty else { return (nil, errors) }
            guard a + b == 12 else {
                errors.add("split_first", "De verdeling moet samen 12 maanden zijn; \(a) en \(b) is samen \(a + b).")
                return (nil, errors)
            }
            return (CalendarSplit(first: a, second: b), errors)
        }

        /// A school year's amount as (first calendar year, second calendar year), in whole cents.
        public func parts(_ cents: Int64) -> (first: Int64, second: Int64) {
            let parts = Funding.split(cents, weights: [first, second])
            return (parts[0], parts.count > 1 ? parts[1] : 0)
        }

        /// The sentence a page shows.
        public var explanation: String {
            "Een bron met een begroting per kalenderjaar wordt per kalenderjaar vergeleken: een schooljaar telt voor \(first)/12 mee in het kalenderjaar waarin het begint en voor \(second)/12 in het volgende (in hele centen, de rest bij het tweede deel). De kolom van schooljaar 2025-2026 toont bij zo'n bron kalenderjaar 2025."
        }

        /// Amounts per school year turned into amounts per calendar year, for the given sources only.
        public func calendarAmounts(_ amounts: [Key: Int64], sources: Set<Int64>) -> [Key: Int64] {
            var result: [Key: Int64] = [:]
            for (key, cents) in amounts {
                guard sources.contains(key.sourceID) else { result[key, default: 0] += cents; continue }
                let (a, b) = parts(cents)
                result[Key(key.sourceID, key.year), default: 0] += a
                result[Key(key.sourceID, key.year + 1), default: 0] += b
            }
            return result
        }

        /// Commitments per school year turned into commitments per calendar year, for the given sources only.
        public func calendarCommitments(_ commitments: [Key: Commitment], sources: Set<Int64>) -> [Key: Commitment] {
            var result: [Key: Commitment] = [:]
            for (key, cell) in commitments {
                guard sources.contains(key.sourceID) else {
                    result[key, default: Commitment()].committed += cell.committed
                    result[key, default: Commitment()].conceptChange += cell.conceptChange
                    continue
                }
                let committed = parts(cell.committed), change = parts(cell.conceptChange)
                result[Key(key.sourceID, key.year), default: Commitment()].committed += committed.first
                result[Key(key.sourceID, key.year), default: Commitment()].conceptChange += change.first
                result[Key(key.sourceID, key.year + 1), default: Commitment()].committed += committed.second
                result[Key(key.sourceID, key.year + 1), default: Commitment()].conceptChange += change.second
            }
            return result
        }
    }
}

/// The programme-wide settings of the money pages (table `funding_settings`).
public struct FundingSettings: Sendable, Equatable {
    public var split: Funding.CalendarSplit
    /// How many weeks a year the staff's hours per week are paid for (hours × hourly cost × weeks).
    public var weeksPerYear: Int
    public var lockVersion: Int64

    public init(split: Funding.CalendarSplit = Funding.CalendarSplit(), weeksPerYear: Int = 40, lockVersion: Int64 = 1) {
        self.split = split
        self.weeksPerYear = weeksPerYear
        self.lockVersion = lockVersion
    }
}
