import Domain
import SQLite

/// The editions of the annual report: the draft of a year, published and withdrawn editions and
/// their share links. Each verb is one transaction with its audit row.
extension Reports {
    static let editionColumns: SQL = """
        r.id, r.year, r.edition, r.status, r.foreword, r.conclusions, r.snapshot_html, r.snapshot_json, r.data_fingerprint,
        r.published_at, u.name, r.withdrawn_at, (r.share_token_hash IS NOT NULL AND r.share_revoked_at IS NULL), r.lock_version
        """

    static func edition(_ row: Row) throws -> ReportEdition {
        let statusText = try row.string(3)
        guard let status = ReportStatus(rawValue: statusText) else {
            throw SQLiteError(code: 0, message: "unknown status '\(statusText)' for report \(try row.int64(0))", sql: nil)
        }
        return ReportEdition(id: try row.int64(0), year: try row.int(1), edition: try row.int(2), status: status, foreword: try row.string(4),
                             conclusions: try row.string(5), snapshotHTML: try row.optionalString(6), snapshotJSON: try row.optionalString(7),
                             fingerprint: try row.optionalString(8), publishedAt: try row.optionalString(9), publishedBy: try row.optionalString(10),
                             withdrawnAt: try row.optionalString(11), shareActive: try row.bool(12), lockVersion: try row.int64(13))
    }

    // MARK: - Reads

    /// Every edition (drafts included), newest year first.
    public static func all(_ c: Connection) throws -> [ReportEdition] {
        try c.rows("SELECT \(sql: editionColumns) FROM reports r LEFT JOIN users u ON u.id = r.published_by ORDER BY r.year DESC, r.edition DESC")
            .map(edition)
    }

    public static func find(id: Int64, _ c: Connection) throws -> ReportEdition? {
        try c.row("SELECT \(sql: editionColumns) FROM reports r LEFT JOIN users u ON u.id = r.published_by WHERE r.id = \(id)").map(edition)
    }

    /// The draft of a year (foreword and conclusions being written), created on first save.
    public static func draft(year: Int, _ c: Connection) throws -> ReportEdition? {
        try c.row("SELECT \(sql: editionColumns) FROM reports r LEFT JOIN users u ON u.id = r.published_by WHERE r.year = \(year) AND r.status = 'draft'")
            .map(edition)
    }

    public static func findShared(tokenHash: String, _ c: Connection) throws -> ReportEdition? {
        try c.row("""
            SELECT \(sql: editionColumns) FROM reports r LEFT JOIN users u ON u.id = r.published_by
            WHERE r.share_token_hash = \(tokenHash) AND r.share_revoked_at IS NULL AND r.status = 'published'
            """).map(edition)
    }

    // MARK: - Verbs

    /// Saves the foreword and conclusions of `year`'s draft, creating the draft (as the year's next
    /// edition) when there is none. `expected` is the draft's version the form was loaded with: nil
    /// when the form was loaded before any draft existed.
    /// - Throws: `StoreError.staleVersion` when the draft changed since the form was loaded, or a
    ///   draft was saved while the form carried none (`expected` nil).
    @discardableResult
    public static func saveDraft(year: Int, foreword: String, conclusions: String, expected: Int64?, by actor: Int64,
                                 in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let before = try draft(year: year, c)
            let id: Int64
            if let before {
                guard let expected else {
                    throw StoreError.staleVersion(record: VersionedTable.reports.record, id: before.id, expected: 0, actual: before.lockVersion)
                }
                try claim(.reports, id: before.id, expected: expected, c)
                try c.execute("UPDATE reports SET foreword = \(foreword), conclusions = \(conclusions) WHERE id = \(before.id)")
                id = before.id
            } else {
                id = try insertDraft(year: year, foreword: foreword, conclusions: conclusions, c)
            }
            let diff = AuditLog.diff([("foreword", before?.foreword, foreword), ("conclusions", before?.conclusions, conclusions)])
            try AuditLog.record(userID: actor, action: before == nil ? "create" : "update", recordType: "report", recordID: id,
                                summary: "Concept jaarrapportage \(year) opgeslagen", oldValues: diff?.old, newValues: diff?.new, c)
            return id
        }
    }

    /// Freezes `year`'s draft as a published edition: the figures of this moment and the content
    /// `render` makes of the draft and those figures (the HTML is Views' work, and its CSV links
    /// need the edition's id). Without a saved draft an empty one is created and published.
    /// `mailLink` makes the edition's absolute address from its id and tells the Ontwikkelgroep.
    public static func publish(year: Int, today: Day, render: (ReportEdition, ReportFigures) -> String,
                               mailLink: ((Int64) -> String)? = nil, by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let id = try draft(year: year, c)?.id ?? insertDraft(year: year, foreword: "", conclusions: "", c)
            guard let draft = try find(id: id, c) else { throw StoreError.notFound(record: "report draft", id: id) }
            let figures = try Reports.figures(year: year, today: today, c)
            let json = encode(figures)
            try c.execute("""
                UPDATE reports SET status = 'published', snapshot_html = \(render(draft, figures)), snapshot_json = \(json),
                       data_fingerprint = \(SHA256.hex(Array(json.utf8))), published_at = \(Timestamp.now()), published_by = \(actor),
                       lock_version = lock_version + 1
                WHERE id = \(id) AND status = 'draft'
                """)
            guard c.changes == 1 else { throw StoreError.notFound(record: "report draft", id: id) }
            try AuditLog.record(userID: actor, action: "publish", recordType: "report", recordID: id,
                                summary: "Jaarrapportage \(year) editie \(draft.edition) gepubliceerd", c)
            if let mailLink { try MailEvents.reportPublished(reportID: id, link: mailLink(id), c) }
            return id
        }
    }

    /// Withdraws a published edition; its share link stops working.
    /// - Throws: `StoreError.notFound` when there is no published edition `id`.
    public static func withdraw(id: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            guard let edition = try find(id: id, c), edition.status == .published else {
                throw StoreError.notFound(record: "published report", id: id)
            }
            try c.execute("""
                UPDATE reports SET status = 'withdrawn', withdrawn_at = \(Timestamp.now()),
                       share_revoked_at = COALESCE(share_revoked_at, \(Timestamp.now())), lock_version = lock_version + 1
                WHERE id = \(id) AND status = 'published'
                """)
            try AuditLog.record(userID: actor, action: "withdraw", recordType: "report", recordID: id,
                                summary: "Jaarrapportage \(edition.year) editie \(edition.edition) ingetrokken", c)
        }
    }

    /// A new share link for a published edition (only the token's hash is kept); an older link stops working.
    /// - Throws: `StoreError.notFound` when there is no published edition `id`.
    public static func share(id: Int64, tokenHash: String, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            guard let edition = try find(id: id, c), edition.status == .published else {
                throw StoreError.notFound(record: "published report", id: id)
            }
            try c.execute("UPDATE reports SET share_token_hash = \(tokenHash), share_revoked_at = NULL WHERE id = \(id) AND status = 'published'")
            try AuditLog.record(userID: actor, action: "share", recordType: "report", recordID: id,
                                summary: "Deellink gemaakt voor jaarrapportage \(edition.year) editie \(edition.edition)", c)
        }
    }

    /// Revokes the share link of an edition (if it has one).
    /// - Throws: `StoreError.notFound` when there is no edition `id`.
    public static func unshare(id: Int64, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            guard try find(id: id, c) != nil else { throw StoreError.notFound(record: "report", id: id) }
            try c.execute("UPDATE reports SET share_revoked_at = \(Timestamp.now()) WHERE id = \(id) AND share_token_hash IS NOT NULL")
            try AuditLog.record(userID: actor, action: "unshare", recordType: "report", recordID: id, summary: "Deellink ingetrokken", c)
        }
    }

    /// A new draft row: the year's next edition number.
    static func insertDraft(year: Int, foreword: String, conclusions: String, _ c: Connection) throws -> Int64 {
        let next = try c.row("SELECT COALESCE(MAX(edition), 0) + 1 FROM reports WHERE year = \(year)")?.int(0) ?? 1
        try c.execute("""
            INSERT INTO reports (year, edition, status, foreword, conclusions) VALUES (\(year), \(next), 'draft', \(foreword), \(conclusions))
            """)
        return c.lastInsertRowID
    }
}
