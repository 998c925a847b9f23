import Domain
import SQLite

/// Organisations: gemeente, koepels, childcare organisations and other partners.
public enum Organisations {
    static let columns: SQL = "id, name, kind, contact_name, contact_email, signatory_name, signatory_title, lock_version"

    static func organisation(_ row: Row) throws -> Organisation {
        Organisation(id: try row.int64(0), name: try row.string(1), kind: try row.string(2), contactName: try row.string(3),
                     contactEmail: try row.string(4), signatoryName: try row.string(5), signatoryTitle: try row.string(6),
                     lockVersion: try row.int64(7))
    }

    /// Names by id, for labels.
    public static func names(_ c: Connection) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try c.rows("SELECT id, name FROM organisations") { names[try row.int64(0)] = try row.string(1) }
        return names
    }

    public static func all(_ c: Connection) throws -> [Organisation] {
        try c.rows("""
            SELECT \(sql: columns) FROM organisations o
            ORDER BY (SELECT position FROM organisation_kinds k WHERE k.code = o.kind), name COLLATE NOCASE
            """).map(organisation)
    }

    /// (id, name) of the organisations of one kind (`Organisation.koepel`, `.childcare`), for pickers.
    public static func named(kind: String, _ c: Connection) throws -> [(id: Int64, name: String)] {
        try c.rows("SELECT id, name FROM organisations WHERE kind = \(kind) ORDER BY name COLLATE NOCASE").map {
            (try $0.int64(0), try $0.string(1))
        }
    }

    public static func find(id: Int64, _ c: Connection) throws -> Organisation? {
        try c.row("SELECT \(sql: columns) FROM organisations WHERE id = \(id)").map(organisation)
    }

    public static func nameExists(_ name: String, excluding id: Int64 = 0, _ c: Connection) throws -> Bool {
        try c.row("SELECT 1 FROM organisations WHERE name = \(name) AND id <> \(id)") != nil
    }

    /// Inserts `o`; the verb `add` wraps it with its audit row.
    static func insert(_ o: Organisation, _ c: Connection) throws -> Int64 {
        if try nameExists(o.name, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            INSERT INTO organisations (name, kind, contact_name, contact_email, signatory_name, signatory_title)
            VALUES (\(o.name), \(o.kind), \(o.contactName), \(o.contactEmail), \(o.signatoryName), \(o.signatoryTitle))
            """)
        return c.lastInsertRowID
    }

    /// Overwrites the stored fields of `o.id`; the verb `change` claimed its version first.
    static func overwrite(_ o: Organisation, _ c: Connection) throws {
        if try nameExists(o.name, excluding: o.id, c) { throw StoreError.duplicate(field: "name") }
        try c.execute("""
            UPDATE organisations SET name = \(o.name), kind = \(o.kind), contact_name = \(o.contactName),
                contact_email = \(o.contactEmail), signatory_name = \(o.signatoryName), signatory_title = \(o.signatoryTitle)
            WHERE id = \(o.id)
            """)
    }

    /// How many IKCs have this organisation as their koepel (its kind must then stay 'koepel').
    public static func koepelOfCount(id: Int64, _ c: Connection) throws -> Int {
        try c.row("SELECT COUNT(*) FROM ikcs WHERE koepel_id = \(id)")?.int(0) ?? 0
    }

    /// How many IKCs this organisation is involved in: as koepel, as childcare, or as a party to
    /// (a version of) the IKC's agreement, as the municipality is to all of them. Each IKC once.
    public static func ikcCount(id: Int64, _ c: Connection) throws -> Int {
        try c.row("""
            SELECT COUNT(*) FROM ikcs i
            WHERE i.koepel_id = \(id)
               OR EXISTS (SELECT 1 FROM ikc_childcare k WHERE k.ikc_id = i.id AND k.organisation_id = \(id))
               OR EXISTS (SELECT 1 FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                          JOIN agreement_parties p ON p.version_id = v.id
                          WHERE a.ikc_id = i.id AND p.organisation_id = \(id))
            """)?.int(0) ?? 0
    }
}
