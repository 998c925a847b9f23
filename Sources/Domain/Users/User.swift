/// A staff account (table `users`). No data on children is ever stored.
public struct User: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var email: String
    public var role: Role
    public var active: Bool
    public var mustChangePassword: Bool
    public var ikcIDs: [Int64]
    public var lockVersion: Int64
    /// The organisation of a partner (nil for the other roles).
    public var organisationID: Int64?

    public init(id: Int64, name: String, email: String, role: Role, active: Bool = true,
                mustChangePassword: Bool = false, ikcIDs: [Int64] = [], lockVersion: Int64 = 1, organisationID: Int64? = nil) {
        self.organisationID = organisationID
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.active = active
        self.mustChangePassword = mustChangePassword
        self.ikcIDs = ikcIDs
        self.lockVersion = lockVersion
    }

    public var principal: Principal {
        Principal(userID: id, name: name, email: email, role: role, ikcIDs: ikcIDs, organisationID: organisationID)
    }
}

/// Password rules (issue 5): at least 12 characters; a generous upper bound stops hashing abuse.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 256

    public static func check(_ password: String, field: String = "password", into errors: inout ValidationErrors) {
        if password.count < minimumLength {
            errors.add(field, "Een wachtwoord heeft minstens \(minimumLength) tekens.")
        } else if password.utf8.count > maximumLength {
            errors.add(field, "Een wachtwoord heeft hoogstens \(maximumLength) tekens.")
        }
    }
}

/// The input of the new-user form, checked.
public struct UserForm: Sendable, Equatable {
    public var name: String = ""
    public var email: String = ""
    public var role: String = Role.directeur.rawValue
    public var ikcIDs: [Int64] = []
    /// The organisation of a partner.
    public var organisationID: Int64?

    public init(name: String = "", email: String = "", role: String = Role.directeur.rawValue, ikcIDs: [Int64] = [],
                organisationID: Int64? = nil) {
        self.organisationID = organisationID
        self.name = name
        self.email = email
        self.role = role
        self.ikcIDs = ikcIDs
    }

    public func validate() -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(name, "name", "de naam", into: &errors)
        Check.maxLength(name, 200, "name", "de naam", into: &errors)
        if email.trimmingWhitespace().isEmpty {
            errors.add("email", "Vul het e-mailadres in.")
        } else if !Check.isEmail(email.trimmingWhitespace()) {
            errors.add("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.")
        }
        guard let parsedRole = Role(rawValue: role) else {
            errors.add("role", "Kies een rol.")
            return errors
        }
        if parsedRole == .directeur && ikcIDs.isEmpty {
            errors.add("ikcs", "Kies het IKC (of de IKC's) van deze directeur.")
        }
        if parsedRole == .partner && organisationID == nil {
            errors.add("organisation", "Kies de organisatie waarvoor deze partner optreedt.")
        }
        return errors
    }
}
