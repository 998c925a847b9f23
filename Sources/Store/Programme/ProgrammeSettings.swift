import Domain
import SQLite

/// The programme's stored settings and code lists.
public enum ProgrammeSettings {
    public static func programme(_ c: Connection) throws -> Programme {
        guard let row = try c.row("""
            SELECT name, municipality, first_year, last_year, year_kind, plus_term_years,
                   plus_reassessment_years, area_reassessment_years, require_every_goal,
                   short_name, site_name, steering_group, min_age, max_age
            FROM programme WHERE id = 1
            """) else { throw StoreError.notFound(record: "programme", id: 1) }
        var programme = Programme(name: try row.string(0), municipality: try row.string(1), firstYear: try row.int(2),
                                  lastYear: try row.int(3), yearKind: Programme.YearKind(rawValue: try row.string(4)) ?? .school,
                                  plusTermYears: try row.int(5), plusReassessmentYears: try row.int(6),
                                  areaReassessmentYears: try row.int(7))
        programme.requiresEveryGoal = try row.int(8) == 1
        programme.shortName = try row.string(9)
        programme.siteName = try row.string(10)
        programme.steeringGroup = try row.string(11)
        programme.minAge = try row.int(12)
        programme.maxAge = try row.int(13)
        programme.ikcKinds = try ikcKinds(c)
        programme.organisationKinds = try c.rows("SELECT code, label, signs FROM organisation_kinds ORDER BY position").map {
            OrganisationKindSetting(code: try $0.string(0), label: try $0.string(1), signs: try $0.int(2) == 1)
        }
        programme.areaClasses = try c.rows("SELECT level, label, qualifies FROM area_classes ORDER BY level").map {
            AreaClass(level: try $0.int(0), label: try $0.string(1), qualifies: try $0.int(2) == 1)
        }
        return programme
    }

    public static func ikcKinds(_ c: Connection) throws -> [IKCKindSetting] {
        try c.rows("SELECT code, label, in_programme, carries_predicate FROM ikc_kinds ORDER BY position").map {
            IKCKindSetting(code: try $0.string(0), label: try $0.string(1), inProgramme: try $0.int(2) == 1, carriesPredicate: try $0.int(3) == 1)
        }
    }

    public static func goals(_ c: Connection) throws -> [ProgrammeGoal] {
        try c.rows("SELECT id, position, name FROM programme_goals ORDER BY position").map {
            ProgrammeGoal(id: try $0.int64(0), position: try $0.int(1), name: try $0.string(2))
        }
    }

    public static func organisationKinds(_ c: Connection) throws -> [CodeLabel] {
        try c.rows("SELECT code, label FROM organisation_kinds ORDER BY position").map {
            CodeLabel(code: try $0.string(0), label: try $0.string(1))
        }
    }

    public static func fundingSourceKinds(_ c: Connection) throws -> [CodeLabel] {
        try c.rows("SELECT code, label FROM funding_source_kinds ORDER BY position").map {
            CodeLabel(code: try $0.string(0), label: try $0.string(1))
        }
    }

    public static func staffingRoles(_ c: Connection) throws -> [CodeLabel] {
        try c.rows("SELECT code, label FROM staffing_roles ORDER BY position").map {
            CodeLabel(code: try $0.string(0), label: try $0.string(1))
        }
    }

    public static func plusConditions(_ c: Connection) throws -> [(id: Int64, text: String)] {
        try c.rows("SELECT id, text FROM plus_conditions ORDER BY position").map { (try $0.int64(0), try $0.string(1)) }
    }
}

extension ProgrammeSettings {
    /// One list of the settings page, as entries (key, label, position, flags).
    public static func listEntries(_ list: ProgrammeList, _ c: Connection) throws -> [ProgrammeListEntry] {
        try ProgrammeListTable(list).entries(c)
    }
}
