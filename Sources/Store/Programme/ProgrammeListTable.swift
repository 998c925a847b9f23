import Domain
import SQLite

/// The SQL of one settings list: its rows as entries, what blocks retiring an entry, and the
/// writes. Keys are codes (kinds, roles), ids (goals, conditions) or levels (area classes).
struct ProgrammeListTable {
    let list: ProgrammeList

    init(_ list: ProgrammeList) { self.list = list }

    func entries(_ c: Connection) throws -> [ProgrammeListEntry] {
        let rows: [Row]
        switch list {
        case .goals: rows = try c.rows("SELECT id, name, position FROM programme_goals ORDER BY position")
        case .organisationKinds: rows = try c.rows("SELECT code, label, position, signs FROM organisation_kinds ORDER BY position")
        case .ikcKinds: rows = try c.rows("SELECT code, label, position, in_programme, carries_predicate FROM ikc_kinds ORDER BY position")
        case .areaClasses: rows = try c.rows("SELECT level, label, level + 1, qualifies FROM area_classes ORDER BY level")
        case .fundingKinds: rows = try c.rows("SELECT code, label, position FROM funding_source_kinds ORDER BY position")
        case .staffingRoles: rows = try c.rows("SELECT code, label, position, default_hours FROM staffing_roles ORDER BY position")
        case .conditions: rows = try c.rows("SELECT id, text, position FROM plus_conditions ORDER BY position")
        }
        return try rows.map { row in
            var flags: Set<String> = []
            for (index, flag) in list.flags.enumerated() where try row.int(3 + index) == 1 { flags.insert(flag.name) }
            let key = list == .goals || list == .conditions || list == .areaClasses ? String(try row.int64(0)) : try row.string(0)
            let number = list.number == nil ? nil : try row.optionalDouble(3 + list.flags.count)
            return ProgrammeListEntry(key: key, label: try row.string(1), position: try row.int(2), flags: flags, number: number)
        }
    }

    /// Why the entry cannot be retired, with a count; nil when nothing uses it.
    func blocker(key: String, label: String, _ c: Connection) throws -> String? {
        func n(_ sql: SQL) throws -> Int { try c.row(sql)?.int(0) ?? 0 }
        func plural(_ count: Int, _ one: String, _ many: String) -> String { count == 1 ? "1 \(one)" : "\(count) \(many)" }
        let id = Int64(key) ?? 0
        switch list {
        case .goals:
            let results = try n("SELECT COUNT(*) FROM agreement_results WHERE goal_id = \(id)")
            guard results > 0 else { return nil }
            let agreements = try n("""
                SELECT COUNT(DISTINCT v.agreement_id) FROM agreement_results r JOIN agreement_versions v ON v.id = r.version_id
                WHERE r.goal_id = \(id)
                """)
            return "Het doel ‘\(label)’ vervalt niet: \(plural(results, "resultaat", "resultaten")) in \(plural(agreements, "resultaatafspraak", "resultaatafspraken")) \(results == 1 ? "valt" : "vallen") eronder."
        case .organisationKinds:
            let parties = try n("""
                SELECT COUNT(DISTINCT v.agreement_id) FROM agreement_parties p JOIN agreement_versions v ON v.id = p.version_id WHERE p.role = \(key)
                """)
            if parties > 0 {
                return "De soort ‘\(label)’ vervalt niet: zij is partij bij \(plural(parties, "resultaatafspraak", "resultaatafspraken"))."
            }
            let organisations = try n("SELECT COUNT(*) FROM organisations WHERE kind = \(key)")
            if organisations > 0 {
                return "De soort ‘\(label)’ vervalt niet: \(plural(organisations, "organisatie is", "organisaties zijn")) van deze soort."
            }
            if OrganisationKindSetting.structural.contains(key) {
                return "De soort ‘\(label)’ vervalt niet: de toepassing gebruikt haar voor de gemeente, het bestuur en de kinderopvang van een IKC en voor andere partners (0 organisaties)."
            }
            return nil
        case .ikcKinds:
            let ikcs = try n("SELECT COUNT(*) FROM ikcs WHERE kind = \(key)")
            return ikcs == 0 ? nil : "De soort ‘\(label)’ vervalt niet: \(plural(ikcs, "IKC is", "IKC's zijn")) van deze soort."
        case .areaClasses:
            let areas = try n("SELECT COUNT(*) FROM areas WHERE is_priority = \(id)")
            if areas > 0 { return "De klasse ‘\(label)’ vervalt niet: \(plural(areas, "gebied heeft", "gebieden hebben")) deze klasse." }
            return id == 0 ? "De klasse ‘\(label)’ vervalt niet: de laagste klasse krijgt elk nieuw gebied (0 gebieden)." : nil
        case .fundingKinds:
            let sources = try n("SELECT COUNT(*) FROM funding_sources WHERE kind = \(key)")
            return sources == 0 ? nil : "De soort ‘\(label)’ vervalt niet: \(plural(sources, "financieringsbron is", "financieringsbronnen zijn")) van deze soort."
        case .staffingRoles:
            let rows = try n("SELECT COUNT(*) FROM staffing WHERE role_code = \(key)") + n("SELECT COUNT(*) FROM staffing_actuals WHERE role_code = \(key)")
            return rows == 0 ? nil : "De rol ‘\(label)’ vervalt niet: \(plural(rows, "formatieregel", "formatieregels")) in afspraken en jaarplannen \(rows == 1 ? "noemt" : "noemen") haar."
        case .conditions:
            let checks = try n("SELECT COUNT(*) FROM plus_condition_checks WHERE condition_id = \(id)")
            return checks == 0 ? nil : "De voorwaarde vervalt niet: zij is bij \(plural(checks, "IKC", "IKC's")) beoordeeld."
        }
    }

    func delete(key: String, _ c: Connection) throws {
        let id = Int64(key) ?? 0
        switch list {
        case .goals: try c.execute("DELETE FROM programme_goals WHERE id = \(id)")
        case .organisationKinds: try c.execute("DELETE FROM organisation_kinds WHERE code = \(key)")
        case .ikcKinds: try c.execute("DELETE FROM ikc_kinds WHERE code = \(key)")
        case .areaClasses: try c.execute("DELETE FROM area_classes WHERE level = \(id)")
        case .fundingKinds: try c.execute("DELETE FROM funding_source_kinds WHERE code = \(key)")
        case .staffingRoles: try c.execute("DELETE FROM staffing_roles WHERE code = \(key)")
        case .conditions: try c.execute("DELETE FROM plus_condition_checks WHERE condition_id = \(id)"); try c.execute("DELETE FROM plus_conditions WHERE id = \(id)")
        }
    }

    /// Clears what an update could collide with: unique names of goals (a swap of two names)
    /// and the one kind that carries the predicate.
    func prepare(_ c: Connection) throws {
        switch list {
        case .goals: try c.execute("UPDATE programme_goals SET name = '#tijdelijk#' || id")
        case .ikcKinds: try c.execute("UPDATE ikc_kinds SET carries_predicate = 0")
        default: break
        }
    }

    func update(_ e: ProgrammeListEntry, key: String, _ c: Connection) throws {
        let id = Int64(key) ?? 0
        let f = { (name: String) in e.flags.contains(name) ? 1 : 0 }
        switch list {
        case .goals: try c.execute("UPDATE programme_goals SET name = \(e.label), position = \(e.position) WHERE id = \(id)")
        case .organisationKinds:
            try c.execute("UPDATE organisation_kinds SET label = \(e.label), position = \(e.position), signs = \(f("signs")) WHERE code = \(key)")
        case .ikcKinds:
            try c.execute("""
                UPDATE ikc_kinds SET label = \(e.label), position = \(e.position), in_programme = \(f("inProgramme")),
                    carries_predicate = \(f("predicate")) WHERE code = \(key)
                """)
        case .areaClasses: try c.execute("UPDATE area_classes SET label = \(e.label), qualifies = \(f("qualifies")) WHERE level = \(id)")
        case .fundingKinds: try c.execute("UPDATE funding_source_kinds SET label = \(e.label), position = \(e.position) WHERE code = \(key)")
        case .staffingRoles:
            try c.execute("UPDATE staffing_roles SET label = \(e.label), position = \(e.position), default_hours = \(e.number) WHERE code = \(key)")
        case .conditions: try c.execute("UPDATE plus_conditions SET text = \(e.label), position = \(e.position) WHERE id = \(id)")
        }
    }

    /// Adds a new entry and returns its key.
    func insert(_ e: ProgrammeListEntry, taken: Set<String>, _ c: Connection) throws -> String {
        let f = { (name: String) in e.flags.contains(name) ? 1 : 0 }
        let code = ProgrammeListForm.code(for: e.label, taken: taken)
        switch list {
        case .goals:
            try c.execute("INSERT INTO programme_goals (position, name) VALUES (\(e.position), \(e.label))")
            return String(c.lastInsertRowID)
        case .organisationKinds:
            try c.execute("INSERT INTO organisation_kinds (code, label, position, signs) VALUES (\(code), \(e.label), \(e.position), \(f("signs")))")
        case .ikcKinds:
            try c.execute("""
                INSERT INTO ikc_kinds (code, label, position, in_programme, carries_predicate)
                VALUES (\(code), \(e.label), \(e.position), \(f("inProgramme")), \(f("predicate")))
                """)
        case .areaClasses:
            let level = (try c.row("SELECT COALESCE(MAX(level), -1) + 1 FROM area_classes")?.int(0)) ?? 0
            try c.execute("INSERT INTO area_classes (level, label, qualifies) VALUES (\(level), \(e.label), \(f("qualifies")))")
            return String(level)
        case .fundingKinds:
            try c.execute("INSERT INTO funding_source_kinds (code, label, position) VALUES (\(code), \(e.label), \(e.position))")
        case .staffingRoles:
            try c.execute("INSERT INTO staffing_roles (code, label, position, default_hours) VALUES (\(code), \(e.label), \(e.position), \(e.number))")
        case .conditions:
            try c.execute("INSERT INTO plus_conditions (position, text) VALUES (\(e.position), \(e.label))")
            return String(c.lastInsertRowID)
        }
        return code
    }
}
