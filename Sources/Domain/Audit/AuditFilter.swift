/// What the audit page is narrowed to: a person, a record kind, one record, a period. The
/// period's ends are instants as the log stores them (ISO 8601 UTC), from inclusive, until
/// exclusive, so a day in Amsterdam is one half-open range whatever its length (DST).
public struct AuditFilter: Sendable, Equatable {
    public var userID: Int64?
    public var recordType: String?
    public var recordID: Int64?
    public var from: String?
    public var until: String?

    public init(userID: Int64? = nil, recordType: String? = nil, recordID: Int64? = nil, from: String? = nil, until: String? = nil) {
        self.userID = userID
        self.recordType = recordType
        self.recordID = recordID
        self.from = from
        self.until = until
    }
}

/// The filter form as typed (query parameters `wie`, `soort`, `nummer`, `van`, `tot`): kept
/// as text so a refused value is shown back as the user typed it.
public struct AuditFilterInput: Sendable, Equatable {
    public var person: String
    public var kind: String
    public var record: String
    public var from: String
    public var until: String

    public init(person: String = "", kind: String = "", record: String = "", from: String = "", until: String = "") {
        self.person = person
        self.kind = kind
        self.record = record
        self.from = from
        self.until = until
    }

    /// The query string that repeats this filter (for the CSV link), empty fields left out.
    public var query: String {
        let pairs = [("wie", person), ("soort", kind), ("nummer", record), ("van", from), ("tot", until)].filter { !$0.1.isEmpty }
        return pairs.map { "\($0.0)=\(AuditFilterInput.percentEncode($0.1))" }.joined(separator: "&")
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
