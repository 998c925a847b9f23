/// Staffing capacity (issue 19): the programme's staff pool per role and year against the hours
/// the agreements in force promise, the cost of those hours against the contributions that pay
/// for them, and the hours realised according to approved verantwoordingen.
public struct StaffPool: Sendable, Equatable {
    public var roleCode: String
    public var year: Int
    public var people: Int
    public var hoursPerWeek: Double
    /// Who employs them (the Jeugdexpertteam for the KvK2 jeugdondersteuners).
    public var employer: String
    public var hourlyCostCents: Int64

    public init(roleCode: String, year: Int, people: Int, hoursPerWeek: Double, employer: String = "", hourlyCostCents: Int64 = 0) {
        self.roleCode = roleCode
        self.year = year
        self.people = people
        self.hoursPerWeek = hoursPerWeek
        self.employer = employer
        self.hourlyCostCents = hourlyCostCents
    }

    /// Hours a week the pool has: people × hours each.
    public var available: Double { Double(people) * hoursPerWeek }
}

/// Hours a week an agreement's version in force promises for a role in a year, and who pays them.
public struct StaffingPromise: Sendable, Equatable {
    public var agreementID: Int64
    public var roleCode: String
    public var year: Int
    public var hours: Double
    public var paidBy: Int64?

    public init(agreementID: Int64, roleCode: String, year: Int, hours: Double, paidBy: Int64? = nil) {
        self.agreementID = agreementID
        self.roleCode = roleCode
        self.year = year
        self.hours = hours
        self.paidBy = paidBy
    }
}

public enum Capacity {
    /// A role in a year.
    public struct RoleYear: Sendable, Hashable, Comparable {
        public var roleCode: String
        public var year: Int

        public init(_ roleCode: String, _ year: Int) {
            self.roleCode = roleCode
            self.year = year
        }

        public static func < (lhs: RoleYear, rhs: RoleYear) -> Bool { (lhs.roleCode, lhs.year) < (rhs.roleCode, rhs.year) }
    }

    /// Hours closer than this count as equal (hours are stored as REAL).
    static let tolerance = 0.000_1

    /// One role in one year: promised against available.
    public struct Line: Sendable, Equatable {
        public var roleCode: String
        public var year: Int
        /// Hours a week the agreements in force promise.
        public var promised: Double
        /// The pool; nil when none is kept for this role and year.
        public var pool: StaffPool?
        /// Hours a week the approved verantwoordingen report; nil when none is known.
        public var realised: Double?
        /// How many agreements promise hours.
        public var agreements: Int

        public var available: Double { pool?.available ?? 0 }

        /// More promised than the pool has. Exactly at capacity is not over; any hour more is. A
        /// role without a pool (staff the programme does not employ) is never flagged.
        public var isOver: Bool { pool != nil && promised - available > Capacity.tolerance }

        /// By how many hours the promises exceed the pool (0 when they do not).
        public var shortfall: Double { isOver ? promised - available : 0 }

        /// What the promised hours cost in a year: hours × hourly cost × weeks, in whole cents.
        public func promisedCost(weeksPerYear: Int) -> Int64? {
            guard let pool else { return nil }
            return Capacity.cost(hours: promised, hourlyCents: pool.hourlyCostCents, weeks: weeksPerYear)
        }
    }

    /// Hours a week × hourly cost × weeks, rounded to whole cents.
    public static func cost(hours: Double, hourlyCents: Int64, weeks: Int) -> Int64 {
        Int64((hours * Double(hourlyCents) * Double(weeks)).rounded())
    }

    /// The lines of every role and year that has a pool or promised hours, by role (in `roles`'
    /// order, unknown codes last) then year. Only years in `years` are kept.
    public static func lines(pools: [StaffPool], promises: [StaffingPromise], realised: [RoleYear: Double],
                             roles: [String], years: [Int]) -> [Line] {
        var promised: [RoleYear: Double] = [:]
        var counts: [RoleYear: Set<Int64>] = [:]
        for promise in promises where promise.hours > 0 {
            let key = RoleYear(promise.roleCode, promise.year)
            promised[key, default: 0] += promise.hours
            counts[key, default: []].insert(promise.agreementID)
        }
        var poolsByKey: [RoleYear: StaffPool] = [:]
        for pool in pools { poolsByKey[RoleYear(pool.roleCode, pool.year)] = pool }
        let keys = Set(promised.keys).union(poolsByKey.keys).filter { years.contains($0.year) }
        func rank(_ code: String) -> Int { roles.firstIndex(of: code) ?? roles.count }
        return keys.sorted { (rank($0.roleCode), $0.roleCode, $0.year) < (rank($1.roleCode), $1.roleCode, $1.year) }.map { key in
            Line(roleCode: key.roleCode, year: key.year, promised: promised[key] ?? 0, pool: poolsByKey[key], realised: realised[key],
                 agreements: counts[key]?.count ?? 0)
        }
    }

    /// A party's staff cost in a year beside what it contributes.
    public struct Payment: Sendable, Equatable {
        public var organisationID: Int64
        public var year: Int
        /// Hours × hourly cost × weeks of the promised hours this party pays for.
        public var staffCost: Int64
        /// What its contributions in the agreements in force add up to.
        public var contributed: Int64

        /// Contributed minus cost: negative when the contributions do not cover the hours.
        public var difference: Int64 { contributed - staffCost }
        public var isMismatch: Bool { difference != 0 }
    }

    /// Per paying party and year: the cost of the promised hours it pays for, beside its
    /// contributions. Hours without a payer or without a pool (no hourly cost) are left out.
    public static func payments(promises: [StaffingPromise], pools: [StaffPool], contributions: [Int64: [Int: Int64]],
                                weeksPerYear: Int, years: [Int]) -> [Payment] {
        var costs: [Int64: [Int: Int64]] = [:]
        var poolsByKey: [RoleYear: StaffPool] = [:]
        for pool in pools { poolsByKey[RoleYear(pool.roleCode, pool.year)] = pool }
        for promise in promises where years.contains(promise.year) {
            guard let payer = promise.paidBy, let pool = poolsByKey[RoleYear(promise.roleCode, promise.year)] else { continue }
            costs[payer, default: [:]][promise.year, default: 0] += cost(hours: promise.hours, hourlyCents: pool.hourlyCostCents, weeks: weeksPerYear)
        }
        var result: [Payment] = []
        for (organisation, byYear) in costs {
            for (year, cost) in byYear {
                result.append(Payment(organisationID: organisation, year: year, staffCost: cost,
                                      contributed: contributions[organisation]?[year] ?? 0))
            }
        }
        return result.sorted { ($0.organisationID, $0.year) < ($1.organisationID, $1.year) }
    }

    /// Hours written as a reader says them: "66", "22,5".
    public static func hoursText(_ hours: Double) -> String {
        let rounded = (hours * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(Int(rounded)) + "," + String(Int((abs(rounded) * 10).rounded()) % 10)
    }

    /// "Jeugdondersteuner 0-12, 2025-2026: 198 uur toegezegd, 66 uur beschikbaar, 132 uur tekort".
    public static func sentence(_ line: Line, roleLabel: String, yearLabel: String) -> String {
        var text = "\(roleLabel), \(yearLabel): \(hoursText(line.promised)) uur toegezegd, \(hoursText(line.available)) uur beschikbaar"
        if line.isOver { text += ", \(hoursText(line.shortfall)) uur tekort" }
        return text
    }
}

/// The staff pool form of one role: per year the texts as typed.
public struct StaffPoolForm: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var people: String
        public var hours: String
        public var employer: String
        public var cost: String

        public init(people: String = "", hours: String = "", employer: String = "", cost: String = "") {
            self.people = people
            self.hours = hours
            self.employer = employer
            self.cost = cost
        }

        public var isEmpty: Bool { [people, hours, employer, cost].allSatisfy { $0.trimmingWhitespace().isEmpty } }
    }

    public var rows: [Int: Row]

    public init(rows: [Int: Row] = [:]) { self.rows = rows }

    public static func field(_ name: String, _ year: Int) -> String { "\(name)_\(year)" }

    /// Checks every year: an empty row has no pool; otherwise people a whole number ≥ 0, hours
    /// a number ≥ 0, the hourly cost an amount ≥ 0. `parseHours` reads "22,5"; `parseEuros` reads "62,50".
    public func validate(roleCode: String, years: ClosedRange<Int>, yearLabel: (Int) -> String, parseHours: (String) -> Double?,
                         parseEuros: (String) -> Int64?) -> (errors: ValidationErrors, pools: [StaffPool]?) {
        var errors = ValidationErrors()
        var pools: [StaffPool] = []
        for year in years {
            guard let row = rows[year], !row.isEmpty else { continue }
            let label = yearLabel(year)
            let people = Int(row.people.trimmingWhitespace())
            if people == nil || (people ?? 0) < 0 {
                errors.add(StaffPoolForm.field("people", year), "Vul bij \(label) het aantal mensen in (een heel getal, 0 of meer).")
            }
            let hours = parseHours(row.hours.trimmingWhitespace())
            if hours == nil {
                errors.add(StaffPoolForm.field("hours", year), "Vul bij \(label) de uren per week in, bijvoorbeeld 22 of 16,5.")
            } else if let hours, hours < 0 {
                errors.add(StaffPoolForm.field("hours", year), "De uren per week bij \(label) kunnen niet negatief zijn.")
            } else if let hours, hours > 60 {
                errors.add(StaffPoolForm.field("hours", year), "De uren per week bij \(label) kunnen niet meer dan 60 zijn.")
            }
            let costText = row.cost.trimmingWhitespace()
            let cost = costText.isEmpty ? 0 : parseEuros(costText)
            if cost == nil || (cost ?? 0) < 0 {
                errors.add(StaffPoolForm.field("cost", year), "Vul bij \(label) de kosten per uur in euro's in, bijvoorbeeld 62,50 (of laat het leeg).")
            }
            let employer = row.employer.trimmingWhitespace()
            Check.maxLength(employer, 200, StaffPoolForm.field("employer", year), "de werkgever", into: &errors)
            if let people, let hours, let cost, people >= 0, hours >= 0, hours <= 60, cost >= 0 {
                pools.append(StaffPool(roleCode: roleCode, year: year, people: people, hoursPerWeek: hours, employer: employer, hourlyCostCents: cost))
            }
        }
        return errors.isEmpty ? (errors, pools) : (errors, nil)
    }
}
