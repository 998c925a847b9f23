import Domain
import SQLite

/// Staffing capacity (issue 19): the staff pool, the hours the agreements in force promise, the
/// hours approved verantwoordingen report, and the contributions of the parties that pay them.
public enum StaffingCapacity {
    public static func pools(_ c: Connection) throws -> [StaffPool] {
        try c.rows("""
            SELECT role_code, year, people, hours_per_week, employer, hourly_cost_cents FROM staff_pools ORDER BY role_code, year
            """).map { row in
            StaffPool(roleCode: try row.string(0), year: try row.int(1), people: try row.int(2), hoursPerWeek: try row.double(3),
                      employer: try row.string(4), hourlyCostCents: try row.int64(5))
        }
    }

    /// The staffing rows of every agreement's version in force (its newest vastgestelde version).
    public static func promises(_ c: Connection) throws -> [StaffingPromise] {
        let inForce = FundingSources.inForceVersions(try FundingSources.versions(c))
        guard !inForce.isEmpty else { return [] }
        return try c.rows("""
            SELECT version_id, role_code, year, hours_per_week, paid_by FROM staffing
            WHERE version_id IN (\(list: Array(inForce.keys).sorted())) ORDER BY version_id, role_code, year
            """).compactMap { row in
            guard let agreementID = inForce[try row.int64(0)] else { return nil }
            return StaffingPromise(agreementID: agreementID, roleCode: try row.string(1), year: try row.int(2), hours: try row.double(3),
                                   paidBy: try row.optionalInt64(4))
        }
    }

    /// Hours a week per role and year according to approved verantwoordingen (none known: no entry).
    public static func realised(_ c: Connection) throws -> [Capacity.RoleYear: Double] {
        var result: [Capacity.RoleYear: Double] = [:]
        try c.each("""
            SELECT a.role_code, p.year, SUM(a.hours_per_week)
            FROM staffing_actuals a JOIN year_plans p ON p.id = a.plan_id
            WHERE a.hours_per_week IS NOT NULL AND p.account_status = 'goedgekeurd'
            GROUP BY a.role_code, p.year
            """) { row in
            result[Capacity.RoleYear(try row.string(0), try row.int(1))] = try row.double(2)
        }
        return result
    }

    /// What each organisation contributes per year in the agreements in force: organisation -> year -> cents.
    public static func contributions(_ c: Connection) throws -> [Int64: [Int: Int64]] {
        let inForce = FundingSources.inForceVersions(try FundingSources.versions(c))
        guard !inForce.isEmpty else { return [:] }
        var result: [Int64: [Int: Int64]] = [:]
        try c.each("""
            SELECT organisation_id, year, SUM(amount_cents) FROM contributions
            WHERE version_id IN (\(list: Array(inForce.keys).sorted())) GROUP BY organisation_id, year
            """) { row in
            result[try row.int64(0), default: [:]][try row.int(1)] = try row.int64(2)
        }
        return result
    }

    /// Everything the staffing page shows.
    public struct Overview: Sendable {
        public var roles: [CodeLabel]
        public var lines: [Capacity.Line]
        public var payments: [Capacity.Payment]
        public var organisationNames: [Int64: String]
        public var settings: FundingSettings
    }

    public static func overview(years: ClosedRange<Int>, _ c: Connection) throws -> Overview {
        let roles = try ProgrammeSettings.staffingRoles(c)
        let pools = try pools(c), promises = try promises(c), settings = try FundingSources.settings(c)
        let lines = Capacity.lines(pools: pools, promises: promises, realised: try realised(c), roles: roles.map(\.code), years: Array(years))
        let payments = Capacity.payments(promises: promises, pools: pools, contributions: try contributions(c),
                                         weeksPerYear: settings.weeksPerYear, years: Array(years))
        return Overview(roles: roles, lines: lines, payments: payments, organisationNames: try Organisations.names(c), settings: settings)
    }

    /// The roles and years where the agreements promise more hours than the pool has (for the
    /// project leader's home page; link to `FundingRoute.staffing`).
    public static func overCapacity(_ c: Connection) throws -> [(line: Capacity.Line, roleLabel: String)] {
        let programme = try ProgrammeSettings.programme(c)
        let roles = try ProgrammeSettings.staffingRoles(c)
        let lines = Capacity.lines(pools: try pools(c), promises: try promises(c), realised: [:], roles: roles.map(\.code),
                                   years: Array(programme.years))
        return lines.filter(\.isOver).map { line in (line, roles.first { $0.code == line.roleCode }?.label ?? line.roleCode) }
    }

    /// The staff pool's version (any role's save raises it).
    public static func poolVersion(_ c: Connection) throws -> Int64 {
        try c.row("SELECT pool_lock_version FROM funding_settings WHERE id = 1")?.int64(0) ?? 1
    }

    /// Replaces the pool of `roleCode` for `years` with `pools` (a year without an entry has no
    /// pool), as loaded at pool version `expected`.
    /// - Throws: `StoreError.staleVersion` when the pool changed since the form was loaded.
    public static func savePool(roleCode: String, pools: [StaffPool], years: ClosedRange<Int>, expected: Int64, by actor: Int64,
                                in store: DataStore) throws {
        try store.write { c in
            let actual = try poolVersion(c)
            guard actual == expected else { throw StoreError.staleVersion(record: "staff_pool", id: 1, expected: expected, actual: actual) }
            try c.execute("UPDATE funding_settings SET pool_lock_version = pool_lock_version + 1 WHERE id = 1")
            let old = try self.pools(c).filter { $0.roleCode == roleCode && years.contains($0.year) }
            try c.execute("""
                DELETE FROM staff_pools WHERE role_code = \(roleCode) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound)
                """)
            for pool in pools where pool.roleCode == roleCode && years.contains(pool.year) {
                try c.execute("""
                    INSERT INTO staff_pools (role_code, year, people, hours_per_week, employer, hourly_cost_cents)
                    VALUES (\(roleCode), \(pool.year), \(pool.people), \(pool.hoursPerWeek), \(pool.employer), \(pool.hourlyCostCents))
                    """)
            }
            func describe(_ pool: StaffPool?) -> String? {
                pool.map { "\($0.people) × \(Capacity.hoursText($0.hoursPerWeek)) uur, \($0.employer), \($0.hourlyCostCents) cent per uur" }
            }
            var fields: [(String, String?, String?)] = []
            for year in years {
                fields.append(("\(roleCode)_\(year)", describe(old.first { $0.year == year }), describe(pools.first { $0.year == year })))
            }
            if let diff = AuditLog.diff(fields) {
                try AuditLog.record(userID: actor, action: "update", recordType: "staff_pool", recordID: nil,
                                    summary: "Personeelsinzet \(roleCode) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
    }
}

extension FundingSources {
    /// The version in force of every agreement with one: version id -> agreement id.
    public static func inForceVersions(_ versions: [Funding.Version]) -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        for (agreementID, standing) in Funding.standings(versions) {
            if let id = standing.inForce { result[id] = agreementID }
        }
        return result
    }
}
