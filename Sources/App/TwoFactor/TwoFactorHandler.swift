import Domain
import HTTP
import OTP
import Store
import Views

/// The second factor for a signed-in user: enrolling the own authenticator, and a project
/// leader's reset of somebody else's. The code step of log-in is `TwoFactorLogin` (no session yet).
struct TwoFactorHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: TwoFactorRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.enrol, .show): return try showEnrolment()
        case (.enrol, .save): return try saveEnrolment()
        case (.reset(let id), .save): return try saveReset(id: id)
        case (.reset, .show): throw AppError.methodNotAllowed(allowed: route.methods)
        // The code step is answered before the session check (Application.handle).
        case (.code, _): throw AppError.notFound
        }
    }

    /// The name authenticator apps show above the code.
    static let issuer = "Plus IKC"

    /// 160 bits from the system's random source (RFC 4226, section 4, R6), as base32.
    static func newSecret() -> String { Base32.encode(Tokens.randomBytes(20), padding: false) }

    /// Ten recovery codes "abcde-fghij": 50 random bits each.
    static func newRecoveryCodes() -> [String] {
        (0..<10).map { _ in
            let text = Base32.encode(Tokens.randomBytes(7), padding: false).lowercased()
            return String(text.prefix(5)) + "-" + String(text.dropFirst(5).prefix(5))
        }
    }

    /// What the database keeps of a recovery code.
    static func recoveryHash(_ code: String) -> String { Tokens.hash(RecoveryCode.normalised(code)) }

    /// The TOTP check the Store runs inside its transaction: a well-formed code of the step now,
    /// one before or one after, and newer than the last accepted step.
    static func check(_ code: String, now: Int64) -> TwoFactor.CodeCheck {
        { factor in
            guard let secret = Base32.decode(factor.secret), !secret.isEmpty else { return nil }
            return TOTP(secret: secret).matchingStep(code, at: now, window: 1, after: factor.lastUsedStep)
        }
    }
}

extension Application {
    /// A signed-in user whose role requires a second factor and who has none reaches only the
    /// enrolment page (and log-out); every other route sends them there. The password comes first.
    func twoFactorGate(_ route: Route, _ context: Context) -> Response? {
        guard context.principal != nil, !context.mustChangePassword else { return nil }
        if route == .twoFactor(.enrol) || route == .logout { return nil }
        guard context.mustEnrolTwoFactor else { return nil }
        return Response.redirect(to: Route.twoFactor(.enrol).path)
    }
}
