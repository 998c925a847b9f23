/// The three kinds of account (DOMAIN.md, "Who uses it").
public enum Role: String, Sendable, CaseIterable, Codable {
    case projectleider
    case ontwikkelgroep
    case directeur
    /// A person of an organisation that is party to agreements (a koepel's or childcare
    /// organisation's bestuurder): reads its organisation's agreements and signs them.
    case partner

    /// The name the UI shows.
    public var label: String {
        switch self {
        case .projectleider: "Projectleider"
        case .ontwikkelgroep: "Ontwikkelgroep"
        case .directeur: "Directeur"
        case .partner: "Partner"
        }
    }
}

/// The logged-in person a request acts for.
public struct Principal: Sendable, Equatable {
    public var userID: Int64
    public var name: String
    public var email: String
    public var role: Role
    /// The IKCs a director leads, or for a partner the IKCs with an agreement its organisation
    /// is party to; empty for the other roles.
    public var ikcIDs: [Int64]
    /// The organisation a partner acts for; nil for the other roles.
    public var organisationID: Int64?

    public init(userID: Int64, name: String, email: String, role: Role, ikcIDs: [Int64] = [], organisationID: Int64? = nil) {
        self.userID = userID
        self.name = name
        self.email = email
        self.role = role
        self.ikcIDs = ikcIDs
        self.organisationID = organisationID
    }
}
