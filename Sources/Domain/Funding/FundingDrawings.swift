/// An agreement as the funding pages name it: its IKC and its years (for labels and pickers).
public struct FundingAgreementLabel: Sendable, Equatable {
    public var agreementID: Int64
    public var ikcID: Int64
    public var ikcName: String
    public var firstYear: Int
    public var lastYear: Int

    public init(agreementID: Int64, ikcID: Int64, ikcName: String, firstYear: Int, lastYear: Int) {
        self.agreementID = agreementID
        self.ikcID = ikcID
        self.ikcName = ikcName
        self.firstYear = firstYear
        self.lastYear = lastYear
    }
}

extension Funding {
    /// One IKC's agreement drawing on a source.
    public struct DrawingRow: Sendable, Equatable {
        public var ikcID: Int64
        public var ikcName: String
        /// Year -> what the version in force commits.
        public var committed: [Int: Int64]
        /// Year -> what the pending version would change (absent or 0: nothing).
        public var change: [Int: Int64]

        public init(ikcID: Int64, ikcName: String, committed: [Int: Int64], change: [Int: Int64]) {
            self.ikcID = ikcID
            self.ikcName = ikcName
            self.committed = committed
            self.change = change
        }

        public var total: Int64 { committed.values.reduce(0, +) }
    }

    /// One IKC's commitments in a year, per source.
    public struct YearRow: Sendable, Equatable {
        public var ikcID: Int64
        public var ikcName: String
        /// Source id -> what the version in force commits this year.
        public var committed: [Int64: Int64]

        public init(ikcID: Int64, ikcName: String, committed: [Int64: Int64]) {
            self.ikcID = ikcID
            self.ikcName = ikcName
            self.committed = committed
        }
    }

    /// The agreements that draw on a source (or whose pending version would) in `years`, in the
    /// order of `labels` (by IKC name); `figures` are that source's only.
    public static func drawingRows(figures: [AgreementFigures], labels: [FundingAgreementLabel], years: ClosedRange<Int>) -> [DrawingRow] {
        var byAgreement: [Int64: AgreementFigures] = [:]
        for figure in figures { byAgreement[figure.agreementID] = figure }
        var rows: [DrawingRow] = []
        for label in labels {
            guard let figure = byAgreement[label.agreementID] else { continue }
            var committed: [Int: Int64] = [:], change: [Int: Int64] = [:]
            for key in figure.keys where years.contains(key.year) {
                committed[key.year, default: 0] += figure.committed[key, default: 0]
                change[key.year, default: 0] += figure.change(key)
            }
            guard committed.values.contains(where: { $0 != 0 }) || change.values.contains(where: { $0 != 0 }) else { continue }
            rows.append(DrawingRow(ikcID: label.ikcID, ikcName: label.ikcName, committed: committed, change: change))
        }
        return rows
    }

    /// What each agreement in force commits in `year` from each of `sourceIDs`, in the order of
    /// `labels`; an agreement that commits nothing that year has no row.
    public static func yearRows(figures: [AgreementFigures], labels: [FundingAgreementLabel], sourceIDs: [Int64], year: Int) -> [YearRow] {
        var byAgreement: [Int64: AgreementFigures] = [:]
        for figure in figures { byAgreement[figure.agreementID] = figure }
        var rows: [YearRow] = []
        for label in labels {
            guard let figure = byAgreement[label.agreementID] else { continue }
            var committed: [Int64: Int64] = [:]
            for source in sourceIDs {
                let amount = figure.committed[Key(source, year), default: 0]
                if amount != 0 { committed[source] = amount }
            }
            if !committed.isEmpty { rows.append(YearRow(ikcID: label.ikcID, ikcName: label.ikcName, committed: committed)) }
        }
        return rows
    }
}
