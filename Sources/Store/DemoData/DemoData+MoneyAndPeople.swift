import Domain
import SQLite

/// The demo's money and people as seed 002 has them (issue 19). Runs after the sources and
/// agreements are in and before the year plans (which copy the promised hours).
extension DemoData {
    /// The pilot's three IKCs (ids 1–3) keep their jeugdondersteuner 0-12.
    static let pilotIKCs: ClosedRange<Int64> = 1...3
    /// The one agreement that deliberately promises more than the pool has: IKC 4 (OBS Potmarge)
    /// adds a jeugdondersteuner 0-12 in 2026-2027 without a decision on more staff.
    static let overPromisingIKC: Int64 = 4
    static let overPromisedYear = 2026

    static func seedMoneyAndPeople(_ c: Connection) throws {
        let source = { (name: String) throws -> Int64? in try c.row("SELECT id FROM funding_sources WHERE name = \(name)")?.int64(0) }
        // Footnote 7: the Steunstructuur money is decided for the college period 2018-2022; "voor de
        // periode na 2022 zal het nieuwe college een financieel besluit moeten nemen".
        if let steun = try source("Collegeprogramma Steunstructuur 12-") {
            try c.execute("UPDATE funding_budgets SET status = 'onder_voorbehoud' WHERE funding_source_id = \(steun) AND year >= 2023")
        }
        // "Een deel van de OAB-middelen wordt ingezet voor de jeugdondersteuners VVE".
        if let vve = try source("VVE-middelen (jeugdondersteuners VVE)"), let oab = try source("OAB-middelen gemeente") {
            try c.execute("UPDATE funding_sources SET parent_id = \(oab) WHERE id = \(vve)")
        }
        // The staff pool, employed neutrally by the Jeugdexpertteam: 3 jeugdondersteuners 0-12 of
        // 22 hours; 9 jeugdondersteuners VVE of 16 hours, phased in (3, 6, then 9).
        for year in 2021...2028 {
            try c.execute("""
                INSERT INTO staff_pools (role_code, year, people, hours_per_week, employer, hourly_cost_cents)
                VALUES ('jo_0_12', \(year), 3, 22, 'Jeugdexpertteam', 5800)
                """)
            let vvePeople = year < 2022 ? 0 : min(9, 3 * (year - 2021))
            if vvePeople > 0 {
                try c.execute("""
                    INSERT INTO staff_pools (role_code, year, people, hours_per_week, employer, hourly_cost_cents)
                    VALUES ('jo_vve', \(year), \(vvePeople), 16, 'Jeugdexpertteam', 5800)
                    """)
            }
        }
        // The agreements promise what the pool has: a jeugdondersteuner 0-12 at the pilot's IKCs,
        // a jeugdondersteuner VVE as the phasing reaches the IKC (three IKCs a year), none for
        // generated IKCs; except the one agreement that promises more, deliberately.
        try c.execute("""
            DELETE FROM staffing WHERE role_code = 'jo_0_12' AND version_id IN (
                SELECT v.id FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id
                WHERE a.ikc_id NOT BETWEEN \(pilotIKCs.lowerBound) AND \(pilotIKCs.upperBound)
                  AND NOT (a.ikc_id = \(overPromisingIKC) AND staffing.year = \(overPromisedYear)))
            """)
        try c.execute("""
            DELETE FROM staffing WHERE role_code = 'jo_vve' AND version_id IN (
                SELECT v.id FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id
                WHERE a.ikc_id > 9 OR staffing.year < 2022 + (a.ikc_id - 1) / 3)
            """)
    }
}
