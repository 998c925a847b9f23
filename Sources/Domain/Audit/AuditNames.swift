/// The names the audit log shows instead of ids: of people, records, results, roles. Loaded
/// once per page from the tables (Store/Audit) so that a row names what it is about even when
/// the stored values hold only ids.
public struct AuditNames: Sendable, Equatable {
    public var users: [Int64: String] = [:]
    public var ikcs: [Int64: String] = [:]
    public var areas: [Int64: String] = [:]
    public var organisations: [Int64: String] = [:]
    public var fundingSources: [Int64: String] = [:]
    /// Result id (of any version) to its description.
    public var results: [Int64: String] = [:]
    public var conditions: [Int64: String] = [:]
    /// Agreement id to "IKC, 2024-2025 t/m 2027-2028".
    public var agreements: [Int64: String] = [:]
    /// Year plan id to "IKC, 2025-2026".
    public var plans: [Int64: String] = [:]
    /// Report id to "2024-2025, editie 1".
    public var reports: [Int64: String] = [:]
    /// Staffing role code to its label.
    public var roles: [String: String] = [:]
    /// Funding source kind code to its label.
    public var fundingKinds: [String: String] = [:]
    /// Whether years are school years (`2024-2025`) rather than calendar years.
    public var schoolYears = true

    public init() {}

    public func yearLabel(_ year: Int) -> String { schoolYears ? "\(year)-\(year + 1)" : "\(year)" }

    public func roleLabel(_ code: String) -> String { roles[code] ?? code }

    public func resultName(_ id: Int64) -> String { results[id] ?? "resultaat \(id)" }

    /// The name of record `id` of `kind`; a removed record is "(verwijderd)" with its kind.
    public func name(_ kind: AuditVocabulary.NameKind, _ id: Int64) -> String {
        let found: String?
        switch kind {
        case .user: found = users[id]
        case .ikc: found = ikcs[id]
        case .area: found = areas[id]
        case .organisation: found = organisations[id]
        case .fundingSource: found = fundingSources[id]
        case .result: found = results[id]
        case .condition: found = conditions[id]
        }
        return found ?? "(verwijderd)"
    }

    /// The name of the record an audit row is about, by its stored type; nil when the row is
    /// about no single record (an import) or the type is unknown.
    public func recordName(type: String, id: Int64?) -> String? {
        guard let id else { return nil }
        switch type {
        case "user": return name(.user, id)
        case "ikc", "plus_predicate", "plus_condition": return name(.ikc, id)
        case "area", "area_indicator": return name(.area, id)
        case "organisation": return name(.organisation, id)
        case "funding_source": return name(.fundingSource, id)
        case "agreement": return agreements[id] ?? "(verwijderd)"
        case "year_plan": return plans[id] ?? "(verwijderd)"
        case "report": return reports[id] ?? "(verwijderd)"
        case "plan_deadline": return yearLabel(Int(id))
        default: return nil
        }
    }
}

/// The stored JSON objects of old and new values: `AuditLog.json` writes only string values
/// and `null`, so this reads exactly that shape (RFC 8259 §7 string escapes) and gives up (nil)
/// on anything else.
public enum AuditValues {
    public static func parse(_ text: String?) -> [(key: String, value: String?)]? {
        guard let text else { return [] }
        var chars = Array(text.unicodeScalars)[...]
        func skipSpace() { while let c = chars.first, c == " " || c == "\n" || c == "\t" || c == "\r" { chars = chars.dropFirst() } }
        func expect(_ c: Unicode.Scalar) -> Bool {
            skipSpace()
            guard chars.first == c else { return false }
            chars = chars.dropFirst()
            return true
        }
        func string() -> String? {
            guard expect("\"") else { return nil }
            var out = String.UnicodeScalarView()
            while let c = chars.first {
                chars = chars.dropFirst()
                if c == "\"" { return String(out) }
                guard c == "\\" else { out.append(c); continue }
                guard let e = chars.first else { return nil }
                chars = chars.dropFirst()
                switch e {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    let hex = String(String.UnicodeScalarView(chars.prefix(4)))
                    chars = chars.dropFirst(4)
                    guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { return nil }
                    out.append(s)
                default: out.append(e)
                }
            }
            return nil
        }
        guard expect("{") else { return nil }
        var pairs: [(key: String, value: String?)] = []
        if expect("}") { return pairs }
        repeat {
            guard let key = string(), expect(":") else { return nil }
            skipSpace()
            if chars.starts(with: "null".unicodeScalars) {
                chars = chars.dropFirst(4)
                pairs.append((key, nil))
            } else {
                guard let value = string() else { return nil }
                pairs.append((key, value))
            }
        } while expect(",")
        return expect("}") ? pairs : nil
    }
}
