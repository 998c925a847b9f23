/// Promises kept (issue 17): per party × source × year, what an agreement's vastgestelde version
/// says a party contributes against what the approved verantwoording says was spent. Spending
/// beyond the agreed amount is flagged with the difference; exactly the agreed amount is not.
///
/// Spending is recorded per source (plan_spending), not per party: when two parties of one
/// agreement contribute from the same source in a year, their amounts are compared as one line.
public enum PromisesKept {
    /// One figure as the Store reads it: an agreed contribution, with the approved spending on
    /// its source in its year (nil when that year's verantwoording is not approved, or says nothing).
    public struct Figure: Sendable, Equatable {
        public var agreementID: Int64
        public var ikcID: Int64
        public var ikcName: String
        public var organisationID: Int64
        public var organisationName: String
        public var sourceID: Int64
        public var sourceName: String
        public var year: Int
        public var agreedCents: Int64
        public var spentCents: Int64?

        public init(agreementID: Int64, ikcID: Int64, ikcName: String, organisationID: Int64, organisationName: String,
                    sourceID: Int64, sourceName: String, year: Int, agreedCents: Int64, spentCents: Int64?) {
            self.agreementID = agreementID
            self.ikcID = ikcID
            self.ikcName = ikcName
            self.organisationID = organisationID
            self.organisationName = organisationName
            self.sourceID = sourceID
            self.sourceName = sourceName
            self.year = year
            self.agreedCents = agreedCents
            self.spentCents = spentCents
        }
    }

    /// One compared line: an agreement's source in a year, the parties that agreed to pay from it.
    public struct Line: Sendable, Equatable {
        public var agreementID: Int64
        public var ikcID: Int64
        public var ikcName: String
        public var organisationIDs: [Int64]
        public var partyNames: [String]
        public var sourceID: Int64
        public var sourceName: String
        public var year: Int
        public var agreedCents: Int64
        public var spentCents: Int64?

        /// How much more was spent than agreed, nil when not more (or not yet known).
        public var overCents: Int64? { PromisesKept.overspend(agreed: agreedCents, spent: spentCents) }
        public var parties: String { partyNames.joined(separator: ", ") }
    }

    /// The amount spent beyond `agreed`: nil when `spent` is unknown, less or exactly the same.
    public static func overspend(agreed: Int64, spent: Int64?) -> Int64? {
        guard let spent, spent > agreed else { return nil }
        return spent - agreed
    }

    /// The figures (in any order) as lines, one per agreement × source × year, ordered by IKC,
    /// year and source; a line's parties by name (ASCII letters without case, as SQLite's NOCASE).
    public static func lines(_ figures: [Figure]) -> [Line] {
        struct Key: Hashable {
            var agreementID: Int64
            var sourceID: Int64
            var year: Int
        }
        var lines: [Line] = []
        var index: [Key: Int] = [:]
        index.reserveCapacity(figures.count)
        for figure in figures {
            let key = Key(agreementID: figure.agreementID, sourceID: figure.sourceID, year: figure.year)
            if let at = index[key] {
                lines[at].agreedCents += figure.agreedCents
                if !lines[at].organisationIDs.contains(figure.organisationID) {
                    lines[at].organisationIDs.append(figure.organisationID)
                    lines[at].partyNames.append(figure.organisationName)
                }
            } else {
                index[key] = lines.count
                lines.append(Line(agreementID: figure.agreementID, ikcID: figure.ikcID, ikcName: figure.ikcName,
                                  organisationIDs: [figure.organisationID], partyNames: [figure.organisationName],
                                  sourceID: figure.sourceID, sourceName: figure.sourceName, year: figure.year,
                                  agreedCents: figure.agreedCents, spentCents: figure.spentCents))
            }
        }
        for at in lines.indices where lines[at].organisationIDs.count > 1 {
            let parties = zip(lines[at].organisationIDs, lines[at].partyNames).sorted {
                caselessLess($0.1, $1.1) || (!caselessLess($1.1, $0.1) && $0.0 < $1.0)
            }
            lines[at].organisationIDs = parties.map(\.0)
            lines[at].partyNames = parties.map(\.1)
        }
        // Sorted by numbers: each distinct name's rank, so names are compared once each, not per pair of lines.
        func ranks(_ names: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Set(names).sorted().enumerated().map { ($1, $0) })
        }
        let ikcRank = ranks(lines.map(\.ikcName)), sourceRank = ranks(lines.map(\.sourceName))
        let keys = lines.map { line in
            (ikcRank[line.ikcName] ?? 0, line.year, sourceRank[line.sourceName] ?? 0, line.agreementID, line.sourceID)
        }
        return lines.indices.sorted { keys[$0] < keys[$1] }.map { lines[$0] }
    }

    /// `a` before `b` with ASCII letters compared without case and every other byte as it is
    /// (SQLite's NOCASE collation).
    static func caselessLess(_ a: String, _ b: String) -> Bool {
        func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if folded(x) != folded(y) { return folded(x) < folded(y) }
            }
        }
    }

    /// Only the lines where more was spent than agreed.
    public static func overspent(_ lines: [Line]) -> [Line] { lines.filter { $0.overCents != nil } }
}
