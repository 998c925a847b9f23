/// One row of the audit log as pages show it: who did what to which record, with the old and
/// new values of a change as stored (JSON objects).
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    /// When, as stored: ISO 8601 UTC.
    public var at: String
    /// Nil for the system itself.
    public var userName: String?
    public var action: String
    public var recordType: String
    public var recordID: Int64?
    public var summary: String
    public var oldValues: String?
    public var newValues: String?

    public init(id: Int64, at: String, userName: String?, action: String, recordType: String, recordID: Int64?,
                summary: String, oldValues: String?, newValues: String?) {
        self.id = id
        self.at = at
        self.userName = userName
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.summary = summary
        self.oldValues = oldValues
        self.newValues = newValues
    }
}
