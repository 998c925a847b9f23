import Domain
import SQLite

/// Demo year plans: for every IKC with a fixed agreement, approved plans for 2022-2024 with
/// measurements, spending, staffing and notes; for 2025 a mix of concept, submitted, returned
/// and not yet opened. Deterministic: the same IKCs give the same plans (also with `--ikcs N`).
extension DemoData {
    static func seedPlans(_ c: Connection) throws {
        // KvK2: the jaarplan (Plan and Do) is due on 1 October of its school year, the
        // verantwoording (Check and Act) on 1 October after the year, when its figures exist.
        try c.execute("""
            UPDATE plan_deadlines SET due_on = printf('%04d-10-01', year), account_due_on = printf('%04d-10-01', year + 1),
                account_grace_days = grace_days
            """)
        let reviewer = try c.row("SELECT id FROM users WHERE role = 'projectleider' ORDER BY id LIMIT 1")?.int64(0)
        let ikcs = try c.rows("SELECT id FROM ikcs ORDER BY id").map { try $0.int64(0) }
        for (index, ikcID) in ikcs.enumerated() {
            for year in 2022...2025 {
                guard let version = try YearPlans.versionInForce(ikcID: ikcID, year: year, c) else { continue }
                let kind: String
                if year < 2025 {
                    kind = "goedgekeurd"
                } else {
                    switch index % 4 {
                    case 0: kind = "concept"
                    case 1: kind = "ingediend"
                    case 2: kind = "teruggestuurd"
                    default: continue  // not opened yet: shows as missing and late
                    }
                }
                try seedPlan(ikcID: ikcID, year: year, version: version, kind: kind, reviewer: reviewer, c)
            }
        }
    }

    static let demoActivities = [
        "Peuteraanbod uitbreiden met een extra dagdeel en huisbezoeken door de jeugdondersteuner VVE.",
        "Taalclub na schooltijd; voorleesouders in groep 1-2; doorgaande leerlijn woordenschat met de opvang.",
        "Leesmotivatie: bibliotheek op school, dagelijks vrij lezen, leesconsulent twee keer per maand.",
        "Twee gezamenlijke studiedagen voor leerkrachten en pedagogisch medewerkers over één pedagogische visie.",
        "Spreekuur van de pedagoog bij het brengen en halen; ouderbijeenkomsten over opvoeden.",
        "Kanjertraining in alle groepen; pleinwachten samen met de opvang; mentor per kind.",
    ]

    static func seedPlan(ikcID: Int64, year: Int, version: YearPlans.VersionInForce, kind: String, reviewer: Int64?, _ c: Connection) throws {
        var rng = SplitMix(state: UInt64(ikcID) &* 7919 &+ UInt64(year))
        let planID = try YearPlans.open(ikcID: ikcID, year: year, versionID: version.versionID, c)
        let results = try YearPlans.results(versionID: version.versionID, year: year, ikcID: ikcID, c)
        let complete = kind != "concept"
        var content = YearPlanContent(
            intention: "In \(year)-\(year + 1) richten we ons op taal en ouderbetrokkenheid, samen met de kinderopvang en de jeugdondersteuners.")
        for (position, result) in results.enumerated() where complete || position < 3 {
            content.activities[result.id] = demoActivities[position % demoActivities.count]
        }
        let agreed = try c.rows("""
            SELECT funding_source_id, SUM(amount_cents) FROM contributions
            WHERE version_id = \(version.versionID) AND year = \(year) GROUP BY funding_source_id ORDER BY funding_source_id
            """)
        for row in agreed {
            let source = try row.int64(0), amount = try row.int64(1)
            content.plannedCents[source] = amount
            if complete {
                // Between 85% and 104% of the plan, in whole euros.
                let share = 85 + Int64(rng.next() % 20)
                content.spentCents[source] = amount * share / 100 / 100 * 100
            }
        }
        if complete {
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
        try YearPlans.addNote(planID: planID, on: Day(year: year, month: 11, day: 15) ?? Day(ordinal: 0),
                              text: "Start van het jaar: team en opvang hebben het plan samen besproken.", authorID: nil, c)
        if complete {
            try YearPlans.addNote(planID: planID, on: Day(year: year + 1, month: 3, day: 10) ?? Day(ordinal: 0),
                                  text: "Halverwege: de taalclub loopt goed, de ouderbijeenkomsten trekken minder ouders dan gehoopt.", authorID: nil, c)
        }
        // The jaarplan is handed in before its deadline (1 October of the year), the
        // verantwoording before its own (1 October after the year).
        let day = rng.next() % 8
        let submitted = "\(year)-09-2\(day)T10:00:00Z", accounted = "\(year + 1)-09-2\(day)T10:00:00Z"
        switch kind {
        case "goedgekeurd":
            try c.execute("""
                UPDATE year_plans SET status = 'goedgekeurd', submitted_at = \(submitted), reviewed_at = \("\(year)-09-30T14:00:00Z"),
                    reviewed_by = \(reviewer), account_status = 'goedgekeurd', account_submitted_at = \(accounted),
                    account_reviewed_at = \("\(year + 1)-09-30T14:00:00Z"), account_reviewed_by = \(reviewer) WHERE id = \(planID)
                """)
        case "ingediend":
            try c.execute("UPDATE year_plans SET status = 'ingediend', submitted_at = \(submitted) WHERE id = \(planID)")
        case "teruggestuurd":
            try c.execute("""
                UPDATE year_plans SET status = 'teruggestuurd', submitted_at = \(submitted), reviewed_at = \("\(year)-09-29T09:00:00Z"),
                    reviewed_by = \(reviewer), return_reason = 'Graag bij Check de bron en meetdatum van de taalachterstand aanvullen, en bij Act concreter maken wat er verandert.',
                    reviewed_snapshot = \(YearPlans.snapshotJSON(content.flattened))
                WHERE id = \(planID)
                """)
        default:
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
