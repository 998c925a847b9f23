import Domain
import Testing

private struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let pool = StaffPool(roleCode: "jo_0_12", year: 2025, people: 3, hoursPerWeek: 22, employer: "Jeugdexpertteam", hourlyCostCents: 58_00)

private func promises(_ hours: [Double], role: String = "jo_0_12", year: Int = 2025) -> [StaffingPromise] {
    hours.enumerated().map { StaffingPromise(agreementID: Int64($0.offset + 1), roleCode: role, year: year, hours: $0.element, paidBy: 1) }
}

@Suite("Staffing capacity (issue 19)")
struct CapacityTests {
    @Test("nine agreements of 22 hours against 3 × 22: flagged with the shortfall in a sentence")
    func seedSentence() throws {
        let lines = Capacity.lines(pools: [pool], promises: promises(Array(repeating: 22, count: 9)), realised: [:], roles: ["jo_0_12"], years: [2025])
        let line = try #require(lines.first)
        #expect(line.isOver)
        #expect(Capacity.sentence(line, roleLabel: "Jeugdondersteuner 0-12", yearLabel: "2025-2026")
                == "Jeugdondersteuner 0-12, 2025-2026: 198 uur toegezegd, 66 uur beschikbaar, 132 uur tekort")
    }

    @Test("boundary: exactly at capacity is not flagged, one hour over is")
    func boundary() throws {
        let at = try #require(Capacity.lines(pools: [pool], promises: promises([22, 22, 22]), realised: [:], roles: [], years: [2025]).first)
        #expect(!at.isOver)
        #expect(at.shortfall == 0)
        let over = try #require(Capacity.lines(pools: [pool], promises: promises([22, 22, 23]), realised: [:], roles: [], years: [2025]).first)
        #expect(over.isOver)
        #expect(over.shortfall == 1)
        // Hours in tenths that add up exactly (stored as REAL) are not over.
        let tenths = try #require(Capacity.lines(pools: [pool], promises: promises(Array(repeating: 6.6, count: 10)), realised: [:], roles: [], years: [2025]).first)
        #expect(!tenths.isOver)
        // A role without a pool (staff the programme does not employ) is never flagged.
        let unpooled = try #require(Capacity.lines(pools: [], promises: promises([4], role: "pedagoog"), realised: [:], roles: [], years: [2025]).first)
        #expect(!unpooled.isOver)
    }

    @Test("property: the capacity sums equal the agreements' rows, per role and year")
    func sumsEqualRows() {
        var rng = Seeded(state: 42)
        let roles = ["jo_0_12", "jo_vve", "pedagoog"]
        for round in 0..<200 {
            let rows = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                StaffingPromise(agreementID: Int64.random(in: 1...9, using: &rng), roleCode: roles.randomElement(using: &rng) ?? "jo_0_12",
                                year: Int.random(in: 2022...2028, using: &rng), hours: Double(Int.random(in: 0...40, using: &rng)) / 2)
            }
            let lines = Capacity.lines(pools: [], promises: rows, realised: [:], roles: roles, years: Array(2022...2028))
            for role in roles {
                for year in 2022...2028 {
                    let expected = rows.filter { $0.roleCode == role && $0.year == year }.reduce(0.0) { $0 + $1.hours }
                    let shown = lines.first { $0.roleCode == role && $0.year == year }?.promised ?? 0
                    #expect(shown == expected, "round \(round) \(role) \(year)")
                }
            }
            #expect(lines.reduce(0.0) { $0 + $1.promised } == rows.reduce(0.0) { $0 + $1.hours })
        }
    }

    @Test("the hours' cost sits beside the paying party's contributions, and a mismatch is its difference")
    func payments() {
        let payments = Capacity.payments(promises: promises([22, 22]), pools: [pool], contributions: [1: [2025: 100_000_00]], weeksPerYear: 40, years: [2025])
        #expect(payments.count == 1)
        #expect(payments.first?.staffCost == Int64(44 * 58_00 * 40))
        #expect(payments.first?.difference == 100_000_00 - 44 * 58_00 * 40)
        #expect(payments.first?.isMismatch == true)
        let exact = Capacity.payments(promises: promises([22, 22]), pools: [pool], contributions: [1: [2025: 44 * 58_00 * 40]], weeksPerYear: 40, years: [2025])
        #expect(exact.first?.isMismatch == false)
    }

    @Test("the pool form refuses negative hours and people, and hours as text; an empty year has no pool")
    func poolForm() {
        var form = StaffPoolForm(rows: [2025: .init(people: "3", hours: "-22", employer: "Jeugdexpertteam", cost: "58"), 2026: .init()])
        var result = form.validate(roleCode: "jo_0_12", years: 2025...2026, yearLabel: { "\($0)-\($0 + 1)" }, parseHours: { Double($0) }, parseEuros: { Int64($0).map { $0 * 100 } })
        #expect(result.pools == nil)
        #expect(result.errors["hours_2025"] == "De uren per week bij 2025-2026 kunnen niet negatief zijn.")
        form.rows[2025]?.hours = "22"
        form.rows[2025]?.people = "-1"
        result = form.validate(roleCode: "jo_0_12", years: 2025...2026, yearLabel: String.init, parseHours: { Double($0) }, parseEuros: { Int64($0).map { $0 * 100 } })
        #expect(result.errors["people_2025"] != nil)
        form.rows[2025]?.people = "3"
        result = form.validate(roleCode: "jo_0_12", years: 2025...2026, yearLabel: String.init, parseHours: { Double($0) }, parseEuros: { Int64($0).map { $0 * 100 } })
        #expect(result.pools == [StaffPool(roleCode: "jo_0_12", year: 2025, people: 3, hoursPerWeek: 22, employer: "Jeugdexpertteam", hourlyCostCents: 58_00)])
        #expect(Capacity.hoursText(22.5) == "22,5")
        #expect(Capacity.hoursText(66) == "66")
    }
}
