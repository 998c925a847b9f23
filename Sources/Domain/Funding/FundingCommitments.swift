/// The money arithmetic of funding sources: what the agreements commit per source and year,
/// what pending (not yet fixed) versions would change, and the balance against the budget.
/// Pure functions over plain values; Store loads the rows, pages show the outcome.
///
/// The rule (DOMAIN.md, `agreements` in 0001): an agreement's figures live in its versions, and
/// version n+1 is an amendment that *replaces* the figures of version n, never adds to them. So
/// - an agreement commits what its **version in force** says: its newest `vastgesteld` version;
/// - its **pending** version is its newest version when that one is not yet fixed (concept or
///   ter ondertekening) and newer than the version in force; what it would change is its figures
///   minus those in force (for an agreement without a fixed version: all its figures);
/// - older versions, and concepts older than the version in force, count for nothing.
public enum Funding {
    /// An agreement version as far as money goes.
    public struct Version: Sendable, Equatable {
        public var id: Int64
        public var agreementID: Int64
        public var number: Int
        /// Whether its status is `vastgesteld`.
        public var isFixed: Bool

        public init(id: Int64, agreementID: Int64, number: Int, isFixed: Bool) {
            self.id = id
            self.agreementID = agreementID
            self.number = number
            self.isFixed = isFixed
        }
    }

    /// What one version draws on one source in one year: one contributing party's amount, or their sum.
    public struct Amount: Sendable, Equatable {
        public var versionID: Int64
        public var sourceID: Int64
        public var year: Int
        public var cents: Int64

        public init(versionID: Int64, sourceID: Int64, year: Int, cents: Int64) {
            self.versionID = versionID
            self.sourceID = sourceID
            self.year = year
            self.cents = cents
        }
    }

    /// A source in a year.
    public struct Key: Sendable, Hashable, Comparable {
        public var sourceID: Int64
        public var year: Int

        public init(_ sourceID: Int64, _ year: Int) {
            self.sourceID = sourceID
            self.year = year
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.sourceID, lhs.year) < (rhs.sourceID, rhs.year)
        }
    }

    /// Which version of an agreement counts.
    public struct Standing: Sendable, Equatable {
        /// The newest fixed version, if any.
        public var inForce: Int64?
        /// The newest version when it is not fixed and newer than the one in force.
        public var pending: Int64?

        public init(inForce: Int64? = nil, pending: Int64? = nil) {
            self.inForce = inForce
            self.pending = pending
        }
    }

    /// The standing of every agreement that has versions, by agreement id.
    public static func standings(_ versions: [Version]) -> [Int64: Standing] {
        var newestFixed: [Int64: Version] = [:]
        var newest: [Int64: Version] = [:]
        for version in versions {
            if version.isFixed, (newestFixed[version.agreementID]?.number ?? Int.min) < version.number {
                newestFixed[version.agreementID] = version
            }
            if (newest[version.agreementID]?.number ?? Int.min) < version.number {
                newest[version.agreementID] = version
            }
        }
        var result: [Int64: Standing] = [:]
        for (agreementID, latest) in newest {
            let fixed = newestFixed[agreementID]
            let pending: Int64? = latest.isFixed ? nil : latest.id
            result[agreementID] = Standing(inForce: fixed?.id, pending: pending)
        }
        return result
    }

    /// The ids of the versions whose figures count (in force or pending), for loading only those.
    public static func countingVersionIDs(_ versions: [Version]) -> [Int64] {
        var ids: [Int64] = []
        for standing in standings(versions).values {
            if let id = standing.inForce { ids.append(id) }
            if let id = standing.pending { ids.append(id) }
        }
        return ids.sorted()
    }

    /// One agreement's money: the figures in force and, when it has a pending version, that
    /// version's figures.
    public struct AgreementFigures: Sendable, Equatable {
        public var agreementID: Int64
        public var hasPendingVersion: Bool
        /// The figures of the version in force (empty without one).
        public var committed: [Key: Int64]
        /// The figures of the pending version (empty without one).
        public var proposed: [Key: Int64]

        public init(agreementID: Int64, hasPendingVersion: Bool = false, committed: [Key: Int64] = [:], proposed: [Key: Int64] = [:]) {
            self.agreementID = agreementID
            self.hasPendingVersion = hasPendingVersion
            self.committed = committed
            self.proposed = proposed
        }

        /// What fixing the pending version would change for a source and year: its amount minus
        /// the amount in force (negative when the amendment lowers it); 0 without a pending version.
        public func change(_ key: Key) -> Int64 {
            guard hasPendingVersion else { return 0 }
            return proposed[key, default: 0] - committed[key, default: 0]
        }

        /// Every source and year either set of figures mentions.
        public var keys: Set<Key> { Set(committed.keys).union(proposed.keys) }
    }

    /// The figures of every agreement with versions, ordered by agreement id. Amounts of versions
    /// that do not count are ignored, so callers may pass all of them.
    public static func agreementFigures(versions: [Version], amounts: [Amount]) -> [AgreementFigures] {
        let standing = standings(versions)
        var role: [Int64: (agreementID: Int64, inForce: Bool)] = [:]
        var figures: [Int64: AgreementFigures] = [:]
        for (agreementID, s) in standing {
            if let id = s.inForce { role[id] = (agreementID, true) }
            if let id = s.pending { role[id] = (agreementID, false) }
            figures[agreementID] = AgreementFigures(agreementID: agreementID, hasPendingVersion: s.pending != nil)
        }
        for amount in amounts {
            guard let (agreementID, inForce) = role[amount.versionID] else { continue }
            let key = Key(amount.sourceID, amount.year)
            if inForce {
                figures[agreementID]?.committed[key, default: 0] += amount.cents
            } else {
                figures[agreementID]?.proposed[key, default: 0] += amount.cents
            }
        }
        return figures.values.sorted { $0.agreementID < $1.agreementID }
    }

    /// The sums over agreements for one source and year.
    public struct Commitment: Sendable, Equatable {
        /// What the versions in force commit.
        public var committed: Int64
        /// What fixing every pending version would add (or, when negative, take off).
        public var conceptChange: Int64

        public init(committed: Int64 = 0, conceptChange: Int64 = 0) {
            self.committed = committed
            self.conceptChange = conceptChange
        }
    }

    /// Commitments per source and year, summed over the agreements.
    public static func commitments(_ figures: [AgreementFigures]) -> [Key: Commitment] {
        var result: [Key: Commitment] = [:]
        for agreement in figures {
            for key in agreement.keys {
                var cell = result[key, default: Commitment()]
                cell.committed += agreement.committed[key, default: 0]
                cell.conceptChange += agreement.change(key)
                result[key] = cell
            }
        }
        return result
    }

    /// A source's (or a sum of sources' or years') position: budget, commitments and spending.
    public struct Balance: Sendable, Equatable {
        /// The available budget; nil when none is recorded (counted as 0 against commitments).
        public var budget: Int64?
        public var committed: Int64
        public var conceptChange: Int64
        /// Realised spending from the yearly plans' Check figures; nil when none is known yet
        /// (never 0 for "unknown").
        public var spent: Int64?

        public init(budget: Int64? = nil, committed: Int64 = 0, conceptChange: Int64 = 0, spent: Int64? = nil) {
            self.budget = budget
            self.committed = committed
            self.conceptChange = conceptChange
            self.spent = spent
        }

        /// Budget minus what is committed; negative when over-committed.
        public var remaining: Int64 { (budget ?? 0) - committed }

        /// Whether the commitments exceed the budget. Exactly the budget is not over; one cent more is.
        public var isOverCommitted: Bool { committed > (budget ?? 0) }

        /// By how much the commitments exceed the budget (0 when they do not).
        public var overCommitment: Int64 { max(0, committed - (budget ?? 0)) }

        /// The commitments once every pending version would be fixed.
        public var committedWithConcepts: Int64 { committed + conceptChange }

        /// Whether fixing the pending versions would take the commitments over the budget.
        public var isOverCommittedWithConcepts: Bool { committedWithConcepts > (budget ?? 0) }

        /// By how much, with the pending versions fixed (0 when not over).
        public var overCommitmentWithConcepts: Int64 { max(0, committedWithConcepts - (budget ?? 0)) }

        /// The sum of two balances; an unknown budget or spending only stays unknown when both are.
        public static func + (lhs: Balance, rhs: Balance) -> Balance {
            Balance(budget: Funding.add(lhs.budget, rhs.budget), committed: lhs.committed + rhs.committed,
                    conceptChange: lhs.conceptChange + rhs.conceptChange, spent: Funding.add(lhs.spent, rhs.spent))
        }
    }

    static func add(_ a: Int64?, _ b: Int64?) -> Int64? {
        switch (a, b) {
        case (nil, nil): return nil
        default: return (a ?? 0) + (b ?? 0)
        }
    }

    /// Sources × years with their balances, and the totals a page shows.
    public struct Ledger: Sendable, Equatable {
        public var sourceIDs: [Int64]
        public var years: [Int]
        public var cells: [Key: Balance]
        /// The sources the totals add: all of them, or with earmarks only the top-level ones.
        public var totalSourceIDs: [Int64]

        /// Balances for the given sources and years; commitments and spending of other sources or
        /// years are left out (a page shows the programme's years only).
        public init(sourceIDs: [Int64], years: [Int], budgets: [Key: Int64], commitments: [Key: Commitment], spending: [Key: Int64]) {
            self.sourceIDs = sourceIDs
            self.totalSourceIDs = sourceIDs
            self.years = years
            var cells: [Key: Balance] = [:]
            for source in sourceIDs {
                for year in years {
                    let key = Key(source, year)
                    let commitment = commitments[key] ?? Commitment()
                    cells[key] = Balance(budget: budgets[key], committed: commitment.committed,
                                         conceptChange: commitment.conceptChange, spent: spending[key])
                }
            }
            self.cells = cells
        }

        public func balance(_ sourceID: Int64, _ year: Int) -> Balance { cells[Key(sourceID, year)] ?? Balance() }

        /// All sources in one year.
        public func yearTotal(_ year: Int) -> Balance {
            totalSourceIDs.reduce(Balance()) { $0 + balance($1, year) }
        }

        /// One source over all years.
        public func sourceTotal(_ sourceID: Int64) -> Balance {
            years.reduce(Balance()) { $0 + balance(sourceID, $1) }
        }

        /// Everything.
        public var total: Balance { years.reduce(Balance()) { $0 + yearTotal($1) } }

        /// The over-committed cells, by source then year.
        public var overCommitments: [(key: Key, amount: Int64)] {
            var list: [(key: Key, amount: Int64)] = []
            for source in sourceIDs {
                for year in years {
                    let b = balance(source, year)
                    if b.isOverCommitted { list.append((Key(source, year), b.overCommitment)) }
                }
            }
            return list
        }
    }
}
