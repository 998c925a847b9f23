import Domain
import SQLite

/// The demo of a second programme (issue 22, `plusikc seed-demo --programme amsterdam-west`):
/// Amsterdam West as seeds 000, 003 and 004 describe it. School boards AWBR and STWT with
/// childcare organisations Impuls and Akros sign the agreements of their Kindcentra (children
/// 0–13) in Nieuw-West; the municipality funds but does not sign; calendar years 2024–2027.
/// The Kindcentra's names are invented. Loads `definition` first (Programmes/amsterdam-west.json).
extension DemoData {
    /// (Kindcentrum, school board, area index, childcare organisation, children)
    static let westKindcentra: [(String, String, Int, String, Int)] = [
        ("Kindcentrum De Zeven Zeeën", "AWBR", 0, "Impuls Kinderopvang", 320),
        ("Kindcentrum Het Vogelnest", "STWT", 1, "Akros", 280),
        ("Kindcentrum De Wereldboom", "AWBR", 2, "Akros", 410),
        ("Kindcentrum Sloterlicht", "STWT", 3, "Impuls Kinderopvang", 260),
        ("Kindcentrum De Kleine Aker", "AWBR", 4, "Impuls Kinderopvang", 230),
    ]

    static let westAreas: [(String, Int)] = [("Slotervaart-Noord", 1), ("Overtoomse Veld", 1), ("Geuzenveld", 1), ("Osdorp-Midden", 1),
                                              ("De Aker", 0), ("Slotermeer-Zuidwest", 0)]

    /// (goal id, description, indicator, unit, baseline, direction, source, yearly step)
    static let westResults: [(Int64, String, String, String, Double, String, String, Double)] = [
        (1, "Geen één kind thuis: meer peuters gaan naar de voorschool", "Peuters op de voorschool", "percent", 71, "higher", "Registratie Impuls en Akros", 3),
        (1, "Hulp voor gezinnen met jonge kinderen die vastlopen", "Gezinnen geholpen via het samenwerkingsverband jonge kind", "number", 50, "higher", "Registratie kindcentrum", 10),
        (2, "Een warme overdracht van opvang naar groep 1 voor elk kind", "Kinderen met warme overdracht", "percent", 64, "higher", "Overdrachtsformulieren", 8),
        (2, "Eén team van onderwijs- en opvangpersoneel met één aansturing", "Gezamenlijke teamdagen", "number", 1, "higher", "Jaarplan kindcentrum", 1),
        (3, "Een rijke schooldag van 8:00 tot 20:00 uur", "Kinderen in het middag- en avondprogramma", "percent", 35, "higher", "Registratie kindcentrum", 5),
        (4, "Ouders vinden één loket en één aanspreekpunt", "Ouders die het Familie Servicepunt bezochten", "number", 80, "higher", "Familie Servicepunt", 20),
    ]

    static let westPartners: [(String, String, String)] = [
        ("Anouk AWBR", "partner.awbr@west.demo.plusikc.nl", "AWBR"),
        ("Stefan STWT", "partner.stwt@west.demo.plusikc.nl", "STWT"),
        ("Ilse Impuls", "partner.impuls@west.demo.plusikc.nl", "Impuls Kinderopvang"),
        ("Ahmed Akros", "partner.akros@west.demo.plusikc.nl", "Akros"),
    ]

    public static func seedAmsterdamWest(_ db: Database, definition: ProgrammeDefinition, renderReport: ReportRenderer? = nil,
                                         hashPassword: (String) throws -> String) throws -> [Account] {
        let accounts: [(Role, String, String)] = [
            (.projectleider, "Priya Sewdien", "pl@west.demo.plusikc.nl"),
            (.ontwikkelgroep, "Otto de Stuurgroep", "sg@west.demo.plusikc.nl"),
            (.directeur, "Dewi Kramer", "directeur@west.demo.plusikc.nl"),
        ] + westPartners.map { (Role.partner, $0.0, $0.1) }
        var created: [Account] = []
        var hashes: [String] = []
        for (role, _, email) in accounts {
            let password = randomPassword()
            created.append(Account(role: role, email: email, password: password))
            hashes.append(try hashPassword(password))
        }
        try db.write { c in
            try ProgrammeDefinitionLoader.load(definition, c)
            let now = Timestamp.now()
            func org(_ name: String, _ kind: String, signatory: String, title: String) throws -> Int64 {
                try c.execute("""
                    INSERT INTO organisations (name, kind, contact_name, contact_email, signatory_name, signatory_title)
                    VALUES (\(name), \(kind), \(signatory), \(""), \(signatory), \(title))
                    """)
                return c.lastInsertRowID
            }
            let gemeente = try org("Gemeente Amsterdam", "gemeente", signatory: "Wethouder Onderwijs", title: "wethouder")
            var boards: [String: Int64] = [:]
            for name in ["AWBR", "STWT"] { boards[name] = try org(name, "koepel", signatory: "College van Bestuur " + name, title: "bestuurder") }
            var childcare: [String: Int64] = [:]
            for name in ["Impuls Kinderopvang", "Akros"] { childcare[name] = try org(name, "kinderopvang", signatory: "Directeur-bestuurder", title: "bestuurder") }
            _ = try org("GGD Amsterdam", "partner", signatory: "Regiomanager jeugdgezondheidszorg", title: "regiomanager")

            var areaIDs: [Int64] = []
            for (name, level) in westAreas {
                try c.execute("INSERT INTO areas (name, is_priority, reassessed_on) VALUES (\(name), \(level), '2025-03-01')")
                areaIDs.append(c.lastInsertRowID)
            }
            let sourceDefs: [(String, String, Int64?, Int64)] = [
                ("Ongelijk investeren voor gelijke kansen", "gemeente", gemeente, 800_000),
                ("NPO- en OAB-middelen", "rijk", nil, 500_000),
                ("Eigen middelen AWBR en STWT", "bestuur", nil, 250_000),
                ("Impuls en Akros", "kinderopvang", nil, 150_000),
            ]
            var sources: [Int64] = []
            for (name, kind, holder, yearly) in sourceDefs {
                try c.execute("INSERT INTO funding_sources (name, kind, organisation_id) VALUES (\(name), \(kind), \(holder))")
                let id = c.lastInsertRowID
                sources.append(id)
                for year in 2024...2027 {
                    try c.execute("INSERT INTO funding_budgets (funding_source_id, year, amount_cents) VALUES (\(id), \(year), \(yearly * 100))")
                }
            }
            for year in 2024...2027 {
                try c.execute("INSERT INTO plan_deadlines (year, due_on, grace_days) VALUES (\(year), \(Day(year: year, month: 3, day: 1)?.iso ?? ""), 14)")
            }
            for (index, kc) in westKindcentra.enumerated() {
                let board = boards[kc.1] ?? gemeente, kov = childcare[kc.3] ?? gemeente
                try c.execute("""
                    INSERT INTO ikcs (name, kind, koepel_id, area_id, director_name, children_count, profile)
                    VALUES (\(kc.0), 'kindcentrum', \(board), \(areaIDs[kc.2]), \("Directeur " + kc.0), \(kc.4),
                            'Eén team, één loket en een rijke schooldag voor kinderen van 0 tot 13 jaar')
                    """)
                let ikcID = c.lastInsertRowID
                try c.execute("INSERT INTO ikc_childcare (ikc_id, organisation_id) VALUES (\(ikcID), \(kov))")
                try c.execute("INSERT INTO agreements (ikc_id, first_year, last_year, created_at) VALUES (\(ikcID), 2024, 2027, \(now))")
                let agreementID = c.lastInsertRowID
                let status = index == 3 ? "concept" : (index == 4 ? "ter_ondertekening" : "vastgesteld")
                let fixedAt: String? = status == "vastgesteld" ? "2024-02-15T12:00:00Z" : nil
                try c.execute("""
                    INSERT INTO agreement_versions (agreement_id, number, status, section_analysis, section_governance,
                        section_job_structure, section_organisation, created_at, fixed_at)
                    VALUES (\(agreementID), 1, \(status),
                        'Relatief veel kinderen in de wijk zitten langdurig thuis en lopen taalachterstanden op; gezinnen kampen met geldzorgen. Het aanbod begint daarom bij de jongste kinderen en hun ouders.',
                        'De directeur van het kindcentrum stuurt opvang en onderwijs als één team aan; Team IKC 2026 ondersteunt.',
                        'Een coördinator, een pedagogisch coach en een ouderconsulent versterken het team.',
                        'Een ononderbroken leerlijn van 0 tot 13 jaar en een rijke schooldag van 8:00 tot 20:00 uur, zonder knip.',
                        \(now), \(fixedAt))
                    """)
                let versionID = c.lastInsertRowID
                for (orgID, role, signer) in [(board, "koepel", "College van Bestuur " + kc.1), (kov, "kinderopvang", "Directeur-bestuurder")] {
                    let signed: String? = status == "vastgesteld" ? "2024-02-15" : nil
                    try c.execute("""
                        INSERT INTO agreement_parties (version_id, organisation_id, role, signatory_name, signed_on)
                        VALUES (\(versionID), \(orgID), \(role), \(signer), \(signed))
                        """)
                }
                for (position, result) in westResults.enumerated() {
                    let baseline = result.4 + Double(index % 3)
                    try c.execute("""
                        INSERT INTO agreement_results (version_id, lineage, goal_id, position, description, indicator, unit,
                            baseline_value, baseline_year, direction, data_source, accumulation)
                        VALUES (\(versionID), \(position + 1), \(result.0), \(position + 1), \(result.1), \(result.2), \(result.3),
                            \(baseline), 2023, \(result.5), \(result.6), 'per_year')
                        """)
                    let resultID = c.lastInsertRowID
                    for year in 2024...2027 {
                        let value = min(((baseline + result.7 * Double(year - 2023)) * 10).rounded() / 10, result.3 == "percent" ? 100 : 1_000_000)
                        try c.execute("INSERT INTO result_targets (result_id, year, value) VALUES (\(resultID), \(year), \(value))")
                    }
                }
                let scale = Int64(kc.4) * 100
                for year in 2024...2027 {
                    for (orgID, sourceIndex, amount) in [(board, 0, 200 * scale), (board, 1, 150 * scale), (board, 2, 60 * scale), (kov, 3, 40 * scale)] {
                        try c.execute("""
                            INSERT INTO contributions (version_id, organisation_id, funding_source_id, year, amount_cents)
                            VALUES (\(versionID), \(orgID), \(sources[sourceIndex]), \(year), \(amount))
                            """)
                    }
                    for (role, hours, payer) in [("kc_coordinator", 16.0, board), ("pedagogisch_coach", 8.0, kov), ("ouderconsulent", 12.0, board)] {
                        try c.execute("""
                            INSERT INTO staffing (version_id, role_code, year, hours_per_week, paid_by)
                            VALUES (\(versionID), \(role), \(year), \(hours), \(payer))
                            """)
                    }
                }
            }
            // The director leads the first Kindcentrum.
            for (index, (role, name, email)) in accounts.enumerated() {
                let organisation = westPartners.first { $0.1 == email }.flatMap { boards[$0.2] ?? childcare[$0.2] }
                let id = try Users.create(name: name, email: email, role: role, passwordHash: hashes[index],
                                          mustChangePassword: false, ikcIDs: role == .directeur ? [1] : [], organisationID: organisation, c)
                try AuditLog.record(userID: nil, action: "create", recordType: "user", recordID: id, summary: "Demo-account aangemaakt", c)
            }
            try seedWestMoneyAndPeople(c)
            try seedWestPlans(c)
            // Amsterdam's jaarplan is due on 1 March of its calendar year, the verantwoording on
            // 1 March after it (seedPlans writes KvK2's 1 October).
            try c.execute("""
                UPDATE plan_deadlines SET due_on = printf('%04d-03-01', year), account_due_on = printf('%04d-03-01', year + 1),
                    account_grace_days = grace_days
                """)
            try c.execute("UPDATE two_factor_policy SET required = 0 WHERE role IN ('projectleider', 'partner')")
            // 2024 is complete: its report is published, as KvK2's completed years are.
            if let renderReport { try seedReports(from: 2024, through: 2024, today: westToday, render: renderReport, ownWords: true, c) }
        }
        return created
    }

    /// The day the demo is written as of: late 2025, the year its open plans are in (the browser
    /// journeys run the server on this day).
    static let westToday = Day(year: 2025, month: 11, day: 23) ?? Day(ordinal: 0)

    /// Money and people as KvK2's demo has them (issue 19), in Amsterdam's words: the Rijk's NPO
    /// money after 2025 is not decided, the voorschool money is part of it, and the Familie
    /// Servicepunt has two ouderconsulenten from 2025 while three Kindcentra were promised one each.
    static func seedWestMoneyAndPeople(_ c: Connection) throws {
        guard let rijk = try c.row("SELECT id FROM funding_sources WHERE name = 'NPO- en OAB-middelen'")?.int64(0) else { return }
        try c.execute("UPDATE funding_budgets SET status = 'onder_voorbehoud' WHERE funding_source_id = \(rijk) AND year >= 2026")
        try c.execute("INSERT INTO funding_sources (name, kind, parent_id) VALUES ('Voorschoolse educatie (VVE)', 'rijk', \(rijk))")
        let vve = c.lastInsertRowID
        for year in 2024...2027 {
            try c.execute("INSERT INTO funding_budgets (funding_source_id, year, amount_cents) VALUES (\(vve), \(year), 12000000)")
            try c.execute("""
                INSERT INTO staff_pools (role_code, year, people, hours_per_week, employer, hourly_cost_cents)
                VALUES ('ouderconsulent', \(year), \(year < 2025 ? 3 : 2), 12, 'Familie Servicepunt', 5200)
                """)
        }
    }

    /// Year plans 2024 (approved) and 2025 (the director's Kindcentrum in concept, one submitted,
    /// one returned).
    static func seedWestPlans(_ c: Connection) throws {
        let reviewer = try c.row("SELECT id FROM users WHERE role = 'projectleider' ORDER BY id LIMIT 1")?.int64(0)
        let open: [Int64: YearPlan.Status] = [1: .concept, 2: .ingediend, 3: .teruggestuurd]
        let asOf = westToday
        // In this order plan 5 is the director's in concept, as in KvK2's demo (the route examples use it).
        let order: [(Int64, Int)] = [(2, 2024), (2, 2025), (3, 2024), (1, 2024), (1, 2025), (3, 2025), (4, 2024), (4, 2025), (5, 2024), (5, 2025)]
        for (ikcID, year) in order {
            guard let version = try YearPlans.versionInForce(ikcID: ikcID, year: year, c) else { continue }
            let states: PlanStates
            if year < 2025 {
                states = PlanStates(jaarplan: .goedgekeurd, account: .goedgekeurd)
            } else if let status = open[ikcID] {
                states = PlanStates(jaarplan: status, account: .concept)
            } else {
                continue
            }
            try seedPlan(ikcID: ikcID, year: year, version: version, states: states, reviewer: reviewer, today: asOf, c)
        }
    }
}
