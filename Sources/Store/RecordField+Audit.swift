import Domain

extension AuditLog {
    /// A record's fields as the audit log's JSON: key and text.
    static func json(_ fields: [RecordField]) -> String {
        json(fields.map { ($0.key, $0.text as String?) })
    }

    /// The fields that differ between `old` and `new` (same fields, same order), or nil.
    static func diff(_ old: [RecordField], _ new: [RecordField]) -> (old: String, new: String)? {
        diff(zip(old, new).map { ($0.key, $0.text as String?, $1.text as String?) })
    }
}
