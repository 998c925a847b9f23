/// The three grids of a concept version, each one form saved as a whole: targets per result and
/// year, contributions per party, source and year, staffing per role and year.
public enum AgreementGrid: Sendable {
    case targets, contributions, staffing
}

/// The name of one input of an agreement's grid forms, printed and parsed only here: the form
/// prints it, the rules parse it, and the audit and the conflict page key the cells by it.
public enum GridField: Hashable, Sendable {
    /// A result's target in a year: `t_<result id>_<year>`.
    case target(resultID: Int64, year: Int)
    /// A party's contribution from a funding source in a year: `c_<organisation id>_<source id>_<year>`.
    case contribution(organisationID: Int64, sourceID: Int64, year: Int)
    /// A staffing role's hours per week in a year: `s_<role code>_<year>` (a code may hold underscores).
    case staffing(role: String, year: Int)
    /// The party that pays a staffing role: `paid_<role code>`.
    case payer(role: String)

    static let targetPrefix = "t_", contributionPrefix = "c_", staffingPrefix = "s_", payerPrefix = "paid_"

    public var name: String {
        switch self {
        case .target(let resultID, let year): "\(GridField.targetPrefix)\(resultID)_\(year)"
        case .contribution(let organisationID, let sourceID, let year): "\(GridField.contributionPrefix)\(organisationID)_\(sourceID)_\(year)"
        case .staffing(let role, let year): "\(GridField.staffingPrefix)\(role)_\(year)"
        case .payer(let role): "\(GridField.payerPrefix)\(role)"
        }
    }

    /// The field a name stands for; nil for any other input (the lock, the CSRF token) and for a
    /// grid name whose parts are not numbers where numbers belong.
    public init?(name: String) {
        if name.utf8.starts(with: GridField.payerPrefix.utf8) {
            self = .payer(role: String(name.dropFirst(GridField.payerPrefix.count)))
        } else if let (middle, year) = GridField.split(name, prefix: GridField.targetPrefix) {
            guard let id = Int64(middle) else { return nil }
            self = .target(resultID: id, year: year)
        } else if let (middle, year) = GridField.split(name, prefix: GridField.contributionPrefix) {
            let ids = middle.split(separator: "_", omittingEmptySubsequences: false)
            guard ids.count == 2, let organisationID = Int64(ids[0]), let sourceID = Int64(ids[1]) else { return nil }
            self = .contribution(organisationID: organisationID, sourceID: sourceID, year: year)
        } else if let (middle, year) = GridField.split(name, prefix: GridField.staffingPrefix) {
            self = .staffing(role: String(middle), year: year)
        } else {
            return nil
        }
    }

    /// Whether `name` is shaped as a contribution cell (`c_…_<year>`) without being one: the
    /// contributions rule refuses such a cell instead of ignoring it.
    public static func isMalformedContribution(_ name: String) -> Bool {
        split(name, prefix: contributionPrefix) != nil && GridField(name: name) == nil
    }

    /// `prefix<middle>_<year>`: the part between the prefix and the last underscore, and the year after it.
    static func split(_ name: String, prefix: String) -> (middle: Substring, year: Int)? {
        guard name.utf8.starts(with: prefix.utf8) else { return nil }
        // Over the UTF-8 bytes: "_" is ASCII, so its index is a character boundary.
        let utf8 = name.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: prefix.utf8.count)
        guard let underscore = utf8[start...].lastIndex(of: UInt8(ascii: "_")),
              let year = Int(name[utf8.index(after: underscore)...]) else { return nil }
        return (name[start..<underscore], year)
    }
}

extension Contribution {
    /// The contributions grid's cell of this amount.
    public var gridField: GridField { .contribution(organisationID: organisationID, sourceID: fundingSourceID, year: year) }
}
