import Domain
import SQLite

/// Demo year plans, placed relative to today's programme year Y (the injected clock), so the
/// picture is the same coherent one on any day: for every IKC with a fixed agreement, the years
/// up to Y-2 complete (jaarplan and verantwoording approved, with measurements, spending,
/// staffing and notes); Y-1 with the jaarplan approved and the verantwoording submitted and
/// waiting for review for every second IKC (approved for the others); Y's jaarplan approved for
/// most, submitted for one, returned with a reason for one, and still a concept past its deadline
/// for the first IKC (the demo director's). Deterministic: the same IKCs and day give the same plans.
extension DemoData {
    /// The first year of the demo's agreements and plans.
    static let firstPlanYear = 2022

    /// The states of one demo plan: its jaarplan and its verantwoording.
    struct PlanStates {
        var jaarplan: YearPlan.Status
        var account: YearPlan.Status
    }

    /// What the demo holds for an IKC (by its position) in `year` when the current year is `current`.
    static func states(index: Int, year: Int, current: Int) -> PlanStates {
        if year <= current - 2 { return PlanStates(jaarplan: .goedgekeurd, account: .goedgekeurd) }
        if year == current - 1 { return PlanStates(jaarplan: .goedgekeurd, account: index % 2 == 1 ? .ingediend : .goedgekeurd) }
        switch index {
        case 0: return PlanStates(jaarplan: .concept, account: .concept)
        case 1: return PlanStates(jaarplan: .ingediend, account: .concept)
        case 2: return PlanStates(jaarplan: .teruggestuurd, account: .concept)
        default: return PlanStates(jaarplan: .goedgekeurd, account: .concept)
        }
    }

    static func seedPlans(current: Int, today: Day, _ c: Connection) throws {
        // KvK2: the jaarplan (Plan and Do) is due on 1 October of its school year, the
        // verantwoording (Check and Act) on 1 October after the year, when its figures exist.
        try c.execute("""
            UPDATE plan_deadlines SET due_on = printf('%04d-10-01', year), account_due_on = printf('%04d-10-01', year + 1),
                account_grace_days = grace_days
            """)
        guard current >= firstPlanYear else { return }
        let reviewer = try c.row("SELECT id FROM users WHERE role = 'projectleider' ORDER BY id LIMIT 1")?.int64(0)
        let ikcs = try c.rows("SELECT id FROM ikcs ORDER BY id").map { try $0.int64(0) }
        for (index, ikcID) in ikcs.enumerated() {
            for year in firstPlanYear...current {
                guard let version = try YearPlans.versionInForce(ikcID: ikcID, year: year, c) else { continue }
                try seedPlan(ikcID: ikcID, year: year, version: version, states: states(index: index, year: year, current: current),
                             reviewer: reviewer, today: today, c)
            }
        }
    }

    static let demoActivities = [
        "Peuteraanbod uitbreiden met een extra dagdeel en huisbezoeken bij gezinnen met een peuter.",
        "Taalclub na schooltijd; voorleesouders in groep 1-2; doorgaande leerlijn woordenschat met de opvang.",
        "Leesmotivatie: bibliotheek op school, dagelijks vrij lezen, leesconsulent twee keer per maand.",
        "Twee gezamenlijke studiedagen voor leerkrachten en pedagogisch medewerkers over één pedagogische visie.",
        "Spreekuur van de pedagoog bij het brengen en halen; ouderbijeenkomsten over opvoeden.",
        "Kanjertraining in alle groepen; pleinwachten samen met de opvang; mentor per kind.",
    ]

    /// A moment as stored: `day` at `time` UTC, but never later than yesterday (a demo seeded
    /// early in a school year has nothing in the future).
    static func moment(_ day: Day?, _ time: String, today: Day) -> String {
        let day = min(day ?? today, today.addingDays(-1))
        return "\(day.iso)T\(time)Z"
    }

    static func seedPlan(ikcID: Int64, year: Int, version: YearPlans.VersionInForce, states: PlanStates, reviewer: Int64?, today: Day,
                         _ c: Connection) throws {
        var rng = SplitMix(state: UInt64(ikcID) &* 7919 &+ UInt64(year))
        let planID = try YearPlans.open(ikcID: ikcID, year: year, versionID: version.versionID, c)
        let results = try YearPlans.results(versionID: version.versionID, year: year, ikcID: ikcID, c)
        let planned = states.jaarplan != .concept
        let accounted = states.account != .concept
        let label = try ProgrammeSettings.programme(c).yearLabel(year)
        var content = YearPlanContent(
            intention: "In \(label) richten we ons op taal en ouderbetrokkenheid, samen met de kinderopvang en de ouders.")
        for (position, result) in results.enumerated() where planned || position < 3 {
            content.activities[result.id] = demoActivities[position % demoActivities.count]
        }
        let agreed = try c.rows("""
            SELECT funding_source_id, SUM(amount_cents) FROM contributions
            WHERE version_id = \(version.versionID) AND year = \(year) GROUP BY funding_source_id ORDER BY funding_source_id
            """)
        for row in agreed {
            let source = try row.int64(0), amount = try row.int64(1)
            content.plannedCents[source] = amount
            // Between 85% and 104% of the plan, in whole euros (drawn also when not accounted,
            // so the other figures stay the same whatever the day).
            let share = 85 + Int64(rng.next() % 20)
            if accounted { content.spentCents[source] = amount * share / 100 / 100 * 100 }
        }
        if accounted {
            for result in results {
                content.measurements[result.id] = demoMeasurement(result, year: year, rng: &rng)
            }
            for row in try c.rows("SELECT role_code, hours_per_week FROM staffing WHERE version_id = \(version.versionID) AND year = \(year) ORDER BY role_code") {
                let hours = try row.double(1)
                content.staffingHours[try row.string(0)] = rng.next() % 4 == 0 ? (hours * 0.75).rounded() : hours
            }
            content.actChanges = "Volgend jaar zetten we de taalclub voort en betrekken we ouders eerder bij de overgang van opvang naar groep 1."
            if rng.next() % 3 == 0 {
                content.actAmendmentProposal = "Het doel voor sociale veiligheid bijstellen: de Jeugdmonitor meet sinds dit jaar anders."
            }
        }
        try YearPlans.save(id: planID, expectedVersion: 1, content: content, c)
        for (day, text) in [(Day(year: year, month: 11, day: 15), "Start van het jaar: team en opvang hebben het plan samen besproken."),
                            (Day(year: year + 1, month: 3, day: 10), "Halverwege: de taalclub loopt goed, de ouderbijeenkomsten trekken minder ouders dan gehoopt.")] {
            guard let day, day < today else { continue }
            try YearPlans.addNote(planID: planID, on: day, text: text, authorID: nil, c)
        }
        // The jaarplan is handed in before its deadline (1 October of the year), the
        // verantwoording before its own (1 October after the year).
        let day = Int(rng.next() % 8) + 20
        let submitted = moment(Day(year: year, month: 9, day: day), "10:00:00", today: today)
        let reviewed = moment(Day(year: year, month: 9, day: 30), "14:00:00", today: today)
        switch states.jaarplan {
        case .goedgekeurd:
            try c.execute("""
                UPDATE year_plans SET status = 'goedgekeurd', submitted_at = \(submitted), reviewed_at = \(reviewed), reviewed_by = \(reviewer)
                WHERE id = \(planID)
                """)
        case .ingediend:
            try c.execute("UPDATE year_plans SET status = 'ingediend', submitted_at = \(submitted) WHERE id = \(planID)")
        case .teruggestuurd:
            try c.execute("""
                UPDATE year_plans SET status = 'teruggestuurd', submitted_at = \(submitted),
                    reviewed_at = \(moment(Day(year: year, month: 9, day: 29), "09:00:00", today: today)), reviewed_by = \(reviewer),
                    return_reason = 'Graag bij Plan concreter maken welke activiteiten bij de taalachterstand horen, en wie ze uitvoert.',
                    reviewed_snapshot = \(YearPlans.snapshotJSON(content.flattened(.jaarplan)))
                WHERE id = \(planID)
                """)
        case .concept:
            break
        }
        let accountSubmitted = moment(Day(year: year + 1, month: 9, day: day), "10:00:00", today: today)
        switch states.account {
        case .goedgekeurd:
            try c.execute("""
                UPDATE year_plans SET account_status = 'goedgekeurd', account_submitted_at = \(accountSubmitted),
                    account_reviewed_at = \(moment(Day(year: year + 1, month: 9, day: 30), "14:00:00", today: today)), account_reviewed_by = \(reviewer)
                WHERE id = \(planID)
                """)
        case .ingediend:
            try c.execute("UPDATE year_plans SET account_status = 'ingediend', account_submitted_at = \(accountSubmitted) WHERE id = \(planID)")
        case .teruggestuurd, .concept:
            break
        }
    }

    /// A value around this year's target: mostly on or above it, sometimes behind, now and
    /// then not measured (with a reason), never a made-up 0.
    static func demoMeasurement(_ result: PlanResult, year: Int, rng: inout SplitMix) -> Measurement {
        let day = Day(year: year + 1, month: 6, day: 15)
        if rng.next() % 13 == 0 {
            return Measurement(value: .notMeasured(reason: "De meting is dit jaar niet afgenomen (uitval van de afname in het voorjaar)."),
                               dataSource: result.dataSource, measuredOn: nil)
        }
        let baseline = result.baselineValue ?? 0
        let target = result.yearTarget ?? baseline
        // 0.7 to 1.6 of the way from the baseline to this year's target.
        let share = 0.7 + Double(rng.next() % 10) / 10
        var value = ((baseline + (target - baseline) * share) * 10).rounded() / 10
        if result.unit == "percent" { value = min(max(value, 0), 100) }
        if result.unit != "percent" && result.unit != "yesno" { value = max(value, 0) }
        if result.unit == "yesno" { value = share >= 1 ? 1 : 0 }
        return Measurement(value: .value(value), dataSource: result.dataSource, measuredOn: day)
    }
}
