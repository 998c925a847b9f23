import Domain
import SQLite

/// The demo data set (`plusikc seed-demo`): the programme's nine Plus IKCs with their koepels,
/// childcare organisations, the seven aandachtsgebieden, funding sources with yearly budgets, a
/// filled-in agreement per IKC, and one account per role. `--ikcs N` adds generated IKCs up to N
/// in all, deterministic for a given N (for benchmarks).
public enum DemoData {
    public struct Account: Sendable, Equatable {
        public var role: Role
        public var email: String
        public var password: String

        public init(role: Role, email: String, password: String) {
            self.role = role
            self.email = email
            self.password = password
        }
    }

    /// A small deterministic generator (SplitMix64), so generated data is the same for a given N.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let areas = ["Heechterp & Schieringen", "Vrijheidswijk", "Bilgaard & Havankpark e.o.", "Potmargezone",
                        "Oud-Oost", "Nijlân & De Zwette", "Huizum-West"]
    static let otherAreas = ["Binnenstad", "Camminghaburen", "Zuiderburen", "Grou", "Stiens"]

    /// (IKC, koepel, area index, childcare organisation, children)
    static let plusIKCs: [(String, String, Int, String, Int)] = [
        ("OBS Montessori/Eestroom", "Proloog", 3, "Stichting Kinderopvang Friesland", 210),
        ("Aventurijn", "Proloog", 0, "Sinne Kinderopvang", 175),
        ("IKC Plataan", "Proloog", 1, "Stichting Kinderopvang Friesland", 240),
        ("OBS Potmarge", "Proloog", 3, "Sinne Kinderopvang", 160),
        ("IKC het Palet", "Proloog", 5, "Stichting Kinderopvang Friesland", 190),
        ("IKC Prins Maurits", "PCBO e.o.", 2, "Sinne Kinderopvang", 230),
        ("IKC Prins Constantijn", "PCBO e.o.", 6, "Stichting Kinderopvang Friesland", 185),
        ("IKC de Kinderkoepel", "PCBO e.o.", 4, "Sinne Kinderopvang", 205),
        ("IKC Franciscus", "Bisschop Möller Stichting", 0, "Stichting Kinderopvang Friesland", 250),
    ]

    /// (goal id, description, indicator, unit, baseline, direction, source, yearly step)
    static let results: [(Int64, String, String, String, Double, String, String, Double)] = [
        (1, "Meer peuters nemen deel aan VVE", "Deelname VVE-peuters", "percent", 62, "higher", "Registratie kinderopvang", 3),
        (1, "Minder leerlingen met een taalachterstand bij de overgang naar groep 3", "Leerlingen met taalachterstand", "percent", 28, "lower", "Leerlingvolgsysteem", -1.5),
        (2, "Het referentieniveau 1F lezen wordt door meer leerlingen gehaald", "Leerlingen op 1F lezen", "percent", 81, "higher", "Eindtoets", 1.5),
        (2, "Pedagogisch medewerkers en leerkrachten volgen samen scholing", "Gezamenlijke scholingsdagen", "number", 2, "higher", "Jaarplan IKC", 1),
        (3, "Ouders vinden sneller laagdrempelige opvoedondersteuning", "Ouders bereikt door pedagoog", "number", 20, "higher", "Registratie GGD", 5),
        (3, "Kinderen voelen zich veilig op het IKC", "Score sociale veiligheid", "score", 7.4, "higher", "Jeugdmonitor", 0.1),
    ]

    /// Seeds an empty database. `hashPassword` turns a password into a stored hash (yescrypt, in App).
    /// One partner per koepel and childcare organisation: (name, e-mail, organisation).
    static let partners: [(String, String, String)] = [
        ("Paul Proloog", "partner.proloog@demo.plusikc.nl", "Proloog"),
        ("Pieter PCBO", "partner.pcbo@demo.plusikc.nl", "PCBO e.o."),
        ("Bea Möller", "partner.bms@demo.plusikc.nl", "Bisschop Möller Stichting"),
        ("Sjoukje Kinderopvang", "partner.skf@demo.plusikc.nl", "Stichting Kinderopvang Friesland"),
        ("Sietske Sinne", "partner.sinne@demo.plusikc.nl", "Sinne Kinderopvang"),
    ]

    /// `today` (the injected clock: `PLUSIKC_TODAY`, or the tests' fixed day) places the
    /// programme's history: past years complete, last year's verantwoording partly waiting for
    /// review, this year's jaarplan approved for most (DemoData+Plans.swift). `renderReport`
    /// makes a published edition's HTML (Views' work, passed in by App): with it, every completed
    /// year gets a published report edition with a foreword and conclusions.
    public static func seed(_ db: Database, ikcs total: Int = 9, today: Day, renderReport: ReportRenderer? = nil,
                            hashPassword: (String) throws -> String) throws -> [Account] {
        let accounts: [(Role, String, String)] = [
            (.projectleider, "Pien de Vries", "pl@demo.plusikc.nl"),
            (.ontwikkelgroep, "Okke Hoekstra", "og@demo.plusikc.nl"),
            (.directeur, "Dieuwke Postma", "directeur@demo.plusikc.nl"),
        ] + partners.map { (Role.partner, $0.0, $0.1) }
        var created: [Account] = []
        var hashes: [String] = []
        for _ in accounts {
            let password = randomPassword()
            created.append(Account(role: .projectleider, email: "", password: password))
            hashes.append(try hashPassword(password))
        }
        try db.write { c in
            if try IKCs.count(c) > 0 {
                throw SQLiteError(code: 0, message: "seed-demo needs an empty database: it already holds IKCs", sql: nil)
            }
            let now = Timestamp.now()
            // The demo is written for 2026-2027 (23-11-2026, the tests' day); on another day its
            // dated history moves with the programme year: plans and reports (DemoData+Plans),
            // area reassessments and Plus predicates (below) by whole years.
            let programme = try ProgrammeSettings.programme(c)
            let current = min(max(programme.year(containing: today), firstPlanYear), programme.lastYear)
            func shifted(_ year: Int, _ month: Int, _ day: Int) -> String {
                Day(year: year + current - 2026, month: month, day: day)?.iso ?? ""
            }
            func org(_ name: String, _ kind: String, signatory: String, title: String) throws -> Int64 {
                try c.execute("""
                    INSERT INTO organisations (name, kind, contact_name, contact_email, signatory_name, signatory_title)
                    VALUES (\(name), \(kind), \(signatory), \(""), \(signatory), \(title))
                    """)
                return c.lastInsertRowID
            }
            let gemeente = try org("Gemeente Leeuwarden", "gemeente", signatory: "Wethouder Onderwijs", title: "wethouder")
            var koepels: [String: Int64] = [:]
            for name in ["Proloog", "PCBO e.o.", "Bisschop Möller Stichting"] {
                koepels[name] = try org(name, "koepel", signatory: "Voorzitter College van Bestuur", title: "bestuurder")
            }
            var childcare: [String: Int64] = [:]
            for name in ["Stichting Kinderopvang Friesland", "Sinne Kinderopvang"] {
                childcare[name] = try org(name, "kinderopvang", signatory: "Directeur-bestuurder", title: "bestuurder")
            }
            _ = try org("GGD Fryslân", "partner", signatory: "Directeur publieke gezondheid", title: "directeur")

            var areaIDs: [Int64] = []
            for name in areas {
                try c.execute("INSERT INTO areas (name, is_priority, reassessed_on) VALUES (\(name), 1, \(shifted(2025, 3, 1)))")
                areaIDs.append(c.lastInsertRowID)
            }
            for name in otherAreas {
                try c.execute("INSERT INTO areas (name, is_priority, reassessed_on) VALUES (\(name), 0, \(shifted(2025, 3, 1)))")
                areaIDs.append(c.lastInsertRowID)
            }
            for (index, area) in areaIDs.prefix(7).enumerated() {
                for year in 2021...2024 {
                    let low = 18.0 + Double(index) * 1.5 - Double(year - 2021) * 0.4
                    try c.execute("""
                        INSERT INTO area_indicators (area_id, year, indicator, value, source) VALUES
                        (\(area), \(year), 'Kinderen in huishoudens met laag inkomen (%)', \(low), 'Kinderen in Tel'),
                        (\(area), \(year), 'Verwachte onderwijsachterstand (CBS-score)', \(530.0 - Double(index) * 2.0), 'CBS OAB-dashboard')
                        """)
                }
            }

            // Funding sources with yearly budgets (whole euros as cents).
            var sources: [(id: Int64, kind: String)] = []
            let sourceDefs: [(String, String, Int64?, Int64)] = [
                ("OAB-middelen gemeente", "oab", gemeente, 900_000),
                ("VVE-middelen (jeugdondersteuners VVE)", "vve", gemeente, 450_000),
                ("Collegeprogramma Steunstructuur 12-", "gemeente", gemeente, 200_000),
                ("Koepels PO (OAB en lumpsum)", "koepel", nil, 300_000),
                ("Kinderopvangorganisaties", "kinderopvang", nil, 120_000),
                ("Incidentele middelen gemeente", "other", gemeente, 60_000),
            ]
            for (name, kind, holder, yearly) in sourceDefs {
                try c.execute("INSERT INTO funding_sources (name, kind, organisation_id) VALUES (\(name), \(kind), \(holder))")
                let id = c.lastInsertRowID
                sources.append((id, kind))
                for year in 2021...2028 {
                    var amount = yearly
                    if kind == "gemeente" { amount = [2021: 160_000, 2022: 200_000, 2023: 200_000, 2024: 200_000][year] ?? 200_000 }
                    try c.execute("INSERT INTO funding_budgets (funding_source_id, year, amount_cents) VALUES (\(id), \(year), \(amount * 100))")
                }
            }
            for year in 2021...2028 {
                try c.execute("INSERT INTO plan_deadlines (year, due_on, grace_days) VALUES (\(year), \(Day(year: year, month: 10, day: 1)?.iso ?? ""), 14)")
            }

            var rng = SplitMix(state: UInt64(max(total, 9)))
            var ikcRows: [(name: String, koepel: Int64, area: Int64, childcare: Int64, children: Int, plus: Bool)] = []
            for (name, koepel, area, kov, children) in plusIKCs {
                ikcRows.append((name, koepels[koepel] ?? gemeente, areaIDs[area], childcare[kov] ?? gemeente, children, true))
            }
            let koepelList = ["Proloog", "PCBO e.o.", "Bisschop Möller Stichting"]
            let kovList = ["Stichting Kinderopvang Friesland", "Sinne Kinderopvang"]
            var n = ikcRows.count
            while n < total {
                n += 1
                let koepel = koepels[koepelList[n % 3]] ?? gemeente
                let kov = childcare[kovList[n % 2]] ?? gemeente
                let area = areaIDs[Int(rng.next() % UInt64(areaIDs.count))]
                ikcRows.append(("IKC Demo \(n)", koepel, area, kov, 120 + Int(rng.next() % 200), true))
            }

            for (index, ikc) in ikcRows.enumerated() {
                try c.execute("""
                    INSERT INTO ikcs (name, kind, koepel_id, area_id, director_name, children_count, profile)
                    VALUES (\(ikc.name), \(ikc.plus ? "plus" : "regulier"), \(ikc.koepel), \(ikc.area),
                            \("Directeur " + ikc.name), \(ikc.children), 'Taal, ouderbetrokkenheid en gezondheid')
                    """)
                let ikcID = c.lastInsertRowID
                try c.execute("INSERT INTO ikc_childcare (ikc_id, organisation_id) VALUES (\(ikcID), \(ikc.childcare))")
                // Granted in 2022, re-granted after the first term's herijking; one IKC has its
                // herijking coming up, so the flag shows in the demo.
                let granted = index == 2 ? shifted(2024, 12, 15) : shifted(2025, 6, 1)
                try c.execute("INSERT INTO plus_predicates (ikc_id, granted_on, last_reassessed_on, notes) VALUES (\(ikcID), \(granted), NULL, 'Eerste toekenning 2022')")
                for condition in 1...11 {
                    let state = (condition + index) % 7 == 0 ? "not_yet" : "met"
                    try c.execute("""
                        INSERT INTO plus_condition_checks (ikc_id, condition_id, state, note, set_at)
                        VALUES (\(ikcID), \(condition), \(state), '', \(now))
                        """)
                }

                // The agreement: 2022-2028, fixed for most IKCs, one in concept, one out for signing.
                try c.execute("INSERT INTO agreements (ikc_id, first_year, last_year, created_at) VALUES (\(ikcID), 2022, 2028, \(now))")
                let agreementID = c.lastInsertRowID
                let status = index == 4 ? "concept" : (index == 7 ? "ter_ondertekening" : "vastgesteld")
                let fixedAt: String? = status == "vastgesteld" ? "2022-06-30T12:00:00Z" : nil
                try c.execute("""
                    INSERT INTO agreement_versions (agreement_id, number, status, section_analysis, section_governance,
                        section_job_structure, section_organisation, created_at, fixed_at)
                    VALUES (\(agreementID), 1, \(status),
                        'Uit de wijkanalyse blijkt dat veel kinderen opgroeien in een gezin met een laag inkomen. Het aanbod richt zich daarom op taal, ouderbetrokkenheid en gezondheid.',
                        'De IKC-directeur stuurt onderwijs en opvang integraal aan; de projectleider KvK2 volgt de voortgang.',
                        'Het team wordt versterkt met een jeugdondersteuner, een jeugdondersteuner VVE en een pedagoog.',
                        'Onderwijs en opvang werken met één pedagogische visie, één team en een doorgaande lijn 0-12.',
                        \(now), \(fixedAt))
                    """)
                let versionID = c.lastInsertRowID
                let koepelSignatory = "Bestuurder " + (koepelList.first { koepels[$0] == ikc.koepel } ?? "koepel")
                for (orgID, role, signer) in [(gemeente, "gemeente", "Wethouder Onderwijs"), (ikc.koepel, "koepel", koepelSignatory),
                                              (ikc.childcare, "kinderopvang", "Directeur-bestuurder")] {
                    let signed: String? = status == "vastgesteld" ? "2022-06-30" : nil
                    try c.execute("""
                        INSERT INTO agreement_parties (version_id, organisation_id, role, signatory_name, signed_on)
                        VALUES (\(versionID), \(orgID), \(role), \(signer), \(signed))
                        """)
                }
                for (position, result) in results.enumerated() {
                    let baseline = result.4 + Double(index % 3)
                    try c.execute("""
                        INSERT INTO agreement_results (version_id, lineage, goal_id, position, description, indicator, unit,
                            baseline_value, baseline_year, direction, data_source, accumulation)
                        VALUES (\(versionID), \(position + 1), \(result.0), \(position + 1), \(result.1), \(result.2), \(result.3),
                            \(baseline), 2021, \(result.5), \(result.6), 'per_year')
                        """)
                    let resultID = c.lastInsertRowID
                    for year in 2022...2028 {
                        let value = ((baseline + result.7 * Double(year - 2021)) * 10).rounded() / 10
                        try c.execute("INSERT INTO result_targets (result_id, year, value) VALUES (\(resultID), \(year), \(value))")
                    }
                }
                // Contributions: gemeente from OAB and the Steunstructuur budget, VVE, koepel and childcare.
                let scale = Int64(ikc.children) * 100
                for year in 2022...2028 {
                    let rows: [(Int64, Int, Int64)] = [
                        (gemeente, 0, 250 * scale), (gemeente, 1, 120 * scale), (gemeente, 2, year <= 2024 ? 40 * scale : 0),
                        (ikc.koepel, 3, 90 * scale), (ikc.childcare, 4, 30 * scale),
                    ]
                    for (orgID, sourceIndex, amount) in rows where amount > 0 {
                        try c.execute("""
                            INSERT INTO contributions (version_id, organisation_id, funding_source_id, year, amount_cents)
                            VALUES (\(versionID), \(orgID), \(sources[sourceIndex].id), \(year), \(amount))
                            """)
                    }
                    for (role, hours, payer) in [("jo_0_12", 22.0, gemeente), ("jo_vve", 16.0, gemeente), ("pedagoog", 4.0, gemeente), ("procesbegeleider", 2.0, ikc.koepel)] {
                        try c.execute("""
                            INSERT INTO staffing (version_id, role_code, year, hours_per_week, paid_by)
                            VALUES (\(versionID), \(role), \(year), \(hours), \(payer))
                            """)
                    }
                }
            }

            // One account per role; the director leads the first Plus IKC; a partner per koepel
            // and childcare organisation.
            for (index, (role, name, email)) in accounts.enumerated() {
                let organisation = partners.first { $0.1 == email }.flatMap { koepels[$0.2] ?? childcare[$0.2] }
                let id = try Users.create(name: name, email: email, role: role, passwordHash: hashes[index],
                                          mustChangePassword: false, ikcIDs: role == .directeur ? [1] : [], organisationID: organisation, c)
                try AuditLog.record(userID: nil, action: "create", recordType: "user", recordID: id, summary: "Demo-account aangemaakt", c)
                created[index] = Account(role: role, email: email, password: created[index].password)
            }
            try seedMoneyAndPeople(c)  // budget status, earmark, staff pool (DemoData+MoneyAndPeople.swift)
            // Year plans up to this programme year, and report editions of the completed years
            // (DemoData+Plans.swift, DemoData+Reports.swift).
            try seedPlans(current: current, today: today, c)
            if let renderReport { try seedReports(through: current - 2, today: today, render: renderReport, c) }
            // The demo's project leader and partners have no second factor and log in with the
            // printed password: KvK2 requires one (migration 0005), the demo makes it optional.
            // `plusikc require-2fa --role projectleider` (or partner) requires it again.
            try c.execute("UPDATE two_factor_policy SET required = 0 WHERE role IN ('projectleider', 'partner')")
        }
        return created
    }

    /// 16 characters from an alphabet without look-alikes, from the system's secure generator.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
