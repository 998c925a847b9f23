/// What a page may know of a user's second factor: whether there is one, never its secret.
public struct TwoFactorStatus: Sendable, Equatable {
    /// Unix seconds of the enrolment; nil when the user has no second factor.
    public var enrolledAt: Int64?
    /// Unused recovery codes.
    public var recoveryCodesLeft: Int

    public var isEnrolled: Bool { enrolledAt != nil }

    public init(enrolledAt: Int64?, recoveryCodesLeft: Int) {
        self.enrolledAt = enrolledAt
        self.recoveryCodesLeft = recoveryCodesLeft
    }
}

/// Per role name whether a second factor is required (programme setting). Role names, not
/// `Role`: a role the code does not know yet (partner) can already have its setting.
public struct TwoFactorPolicy: Sendable, Equatable {
    public var required: [String: Bool]

    public init(required: [String: Bool]) { self.required = required }

    public func requires(_ role: Role) -> Bool { required[role.rawValue] ?? false }
}

/// How the code step of a log-in ended.
public enum CodeStepOutcome: Sendable, Equatable {
    /// Both steps done: the session was created for this user; go to `next`.
    case signedIn(userID: Int64, next: String)
    /// A wrong, reused or malformed code (counted as a failed log-in for the e-mail).
    case wrongCode
    /// No such pending log-in, or older than five minutes: start again with the password.
    case expired
}

/// Single-use recovery codes: ten groups of 5+5 characters of the base32 alphabet, lower case.
public enum RecoveryCode {
    /// The form a code is stored (hashed) and compared in: lower case, no spaces or hyphens.
    public static func normalised(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\t" })
    }

    /// Whether a typed text can be a recovery code at all (10 characters of a-z, 2-7).
    public static func isWellFormed(_ text: String) -> Bool {
        let code = normalised(text)
        return code.count == 10 && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) }
    }
}
