/// One field of a record as the audit log and the conflict page show it: the key in the audit
/// JSON, the Dutch label, and the value as text.
public struct RecordField: Sendable, Equatable {
    public var key: String
    public var label: String
    public var text: String

    public init(_ key: String, _ label: String, _ text: String) {
        self.key = key
        self.label = label
        self.text = text
    }
}
