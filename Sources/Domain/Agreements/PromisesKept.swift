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

    /// The figures as lines, one per agreement × source × year, ordered by IKC, year and source.
    public static func lines(_ figures: [Figure]) -> [Line] {
        var order: [String] = []
        var byKey: [String: Line] = [:]
        for figure in figures {
            let key = "\(figure.agreementID)/\(figure.sourceID)/\(figure.year)"
            if var line = byKey[key] {
                line.agreedCents += figure.agreedCents
                if !line.organisationIDs.contains(figure.organisationID) {
                    line.organisationIDs.append(figure.organisationID)
                    line.partyNames.append(figure.organisationName)
                }
                byKey[key] = line
            } else {
                order.append(key)
                byKey[key] = Line(agreementID: figure.agreementID, ikcID: figure.ikcID, ikcName: figure.ikcName,
                                  organisationIDs: [figure.organisationID], partyNames: [figure.organisationName],
                                  sourceID: figure.sourceID, sourceName: figure.sourceName, year: figure.year,
                                  agreedCents: figure.agreedCents, spentCents: figure.spentCents)
            }
        }
        return order.compactMap { byKey[$0] }.sorted {
            ($0.ikcName, $0.year, $0.sourceName) < ($1.ikcName, $1.year, $1.sourceName)
        }
    }

    /// Only the lines where more was spent than agreed.
    public static func overspent(_ lines: [Line]) -> [Line] { lines.filter { $0.overCents != nil } }
}
