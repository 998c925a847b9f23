/// The three kinds of account (DOMAIN.md, "Who uses it").
public enum Role: String, Sendable, CaseIterable, Codable {
    case projectleider
    case ontwikkelgroep
    case directeur

    /// The name the UI shows.
    public var label: String {
        switch self {
        case .projectleider: "Projectleider"
        case .ontwikkelgroep: "Ontwikkelgroep"
        case .directeur: "Directeur"
        }
    }
}

/// The logged-in person a request acts for.
public struct Principal: Sendable, Equatable {
    public var userID: Int64
    public var name: String
    public var email: String
    public var role: Role
    /// The IKCs a director leads; empty for the other roles.
    public var ikcIDs: [Int64]

    public init(userID: Int64, name: String, email: String, role: Role, ikcIDs: [Int64] = []) {
        self.userID = userID
        self.name = name
        self.email = email
        self.role = role
        self.ikcIDs = ikcIDs
    }
}
