import Domain
import SQLite

extension Agreements {
    /// What to narrow the promises-kept figures to; nil means every one.
    public struct PromiseFilter: Sendable {
        public var agreementID: Int64?
        public var ikcID: Int64?
        public var sourceID: Int64?
        public var organisationID: Int64?
        public var year: Int?

        public init(agreementID: Int64? = nil, ikcID: Int64? = nil, sourceID: Int64? = nil, organisationID: Int64? = nil, year: Int? = nil) {
            self.agreementID = agreementID
            self.ikcID = ikcID
            self.sourceID = sourceID
            self.organisationID = organisationID
            self.year = year
        }
    }

    /// Promises kept, in one query: every contribution of each agreement's newest vastgestelde
    /// version, with what the approved verantwoording of its IKC and year says was spent on its
    /// source (only approved figures count as realised). Compared and ordered in Domain
    /// (`PromisesKept.lines`): an ORDER BY on the names here cost more than the rest of the query.
    public static func promisesKept(_ filter: PromiseFilter = PromiseFilter(), _ c: Connection) throws -> [PromisesKept.Line] {
        let figures = try c.rows("""
            SELECT a.id, i.id, i.name, o.id, o.name, s.id, s.name, k.year, k.amount_cents, ps.spent_cents
            FROM agreements a
            JOIN ikcs i ON i.id = a.ikc_id
            JOIN agreement_versions v ON v.agreement_id = a.id AND v.number = (
                SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id AND status = 'vastgesteld')
            JOIN contributions k ON k.version_id = v.id
            JOIN organisations o ON o.id = k.organisation_id
            JOIN funding_sources s ON s.id = k.funding_source_id
            LEFT JOIN year_plans p ON p.ikc_id = a.ikc_id AND p.year = k.year AND p.account_status = 'goedgekeurd'
            LEFT JOIN plan_spending ps ON ps.plan_id = p.id AND ps.funding_source_id = k.funding_source_id
            WHERE (\(filter.agreementID) IS NULL OR a.id = \(filter.agreementID))
              AND (\(filter.ikcID) IS NULL OR a.ikc_id = \(filter.ikcID))
              AND (\(filter.sourceID) IS NULL OR k.funding_source_id = \(filter.sourceID))
              AND (\(filter.organisationID) IS NULL OR k.organisation_id = \(filter.organisationID))
              AND (\(filter.year) IS NULL OR k.year = \(filter.year))
            """).map { row in
            PromisesKept.Figure(agreementID: try row.int64(0), ikcID: try row.int64(1), ikcName: try row.string(2),
                                organisationID: try row.int64(3), organisationName: try row.string(4),
                                sourceID: try row.int64(5), sourceName: try row.string(6), year: try row.int(7),
                                agreedCents: try row.int64(8), spentCents: try row.optionalInt64(9))
        }
        return PromisesKept.lines(figures)
    }
}
