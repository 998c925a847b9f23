/// Where an edition of an annual report stands (`reports.status`): the draft being written,
/// a published edition (frozen), or a withdrawn one (still readable, no longer valid).
public enum ReportStatus: String, Sendable, Equatable {
    case draft, published, withdrawn
}

/// One edition of a year's annual report as the pages show it: its texts, and once published
/// the frozen HTML and figures (read model returned by Store, rendered by Views).
public struct ReportEdition: Sendable, Equatable {
    public var id: Int64
    public var year: Int
    public var edition: Int
    public var status: ReportStatus
    public var foreword: String
    public var conclusions: String
    public var snapshotHTML: String?
    public var snapshotJSON: String?
    public var fingerprint: String?
    public var publishedAt: String?
    public var publishedBy: String?
    public var withdrawnAt: String?
    public var shareActive: Bool
    public var lockVersion: Int64

    public init(id: Int64, year: Int, edition: Int, status: ReportStatus, foreword: String, conclusions: String,
                snapshotHTML: String?, snapshotJSON: String?, fingerprint: String?, publishedAt: String?, publishedBy: String?,
                withdrawnAt: String?, shareActive: Bool, lockVersion: Int64) {
        self.id = id
        self.year = year
        self.edition = edition
        self.status = status
        self.foreword = foreword
        self.conclusions = conclusions
        self.snapshotHTML = snapshotHTML
        self.snapshotJSON = snapshotJSON
        self.fingerprint = fingerprint
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.withdrawnAt = withdrawnAt
        self.shareActive = shareActive
        self.lockVersion = lockVersion
    }
}
