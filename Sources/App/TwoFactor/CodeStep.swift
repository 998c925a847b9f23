import Domain
import HTTP
import OTP
import Store
import Views

/// The second step of log-in. The password step leaves a pending log-in (cookie with a random
/// id; the database keeps its SHA-256) instead of a session; this step creates the session after
/// a right code within five minutes. Without a pending log-in nothing is created.
struct TwoFactorLogin {
    let app: Application
    let context: Context

    static let cookie = "plusikc_pending"

    var request: Request { context.request }
    var store: DataStore { app.store }

    func respond(_ verb: Verb) throws -> Response {
        switch verb {
        case .show: return try show()
        case .save: return try save()
        }
    }

    /// Called by the password step with a verified user: a pending log-in and the way to the
    /// code step when the user has a second factor, nil (make the session now) when not.
    func begin(user: User, next: String, passwordAttempt: Int64?) throws -> Response? {
        guard try store.read({ try TwoFactor.isEnrolled(userID: user.id, $0) }) else { return nil }
        let id = Tokens.newToken()
        try TwoFactor.beginLogin(idHash: Tokens.hash(id), userID: user.id, next: next, passwordAttempt: passwordAttempt,
                                   now: app.configuration.now(), in: store)
        var response = Response.redirect(to: Route.twoFactor(.code).path)
        response.setCookie(pendingCookie(id, maxAge: Int(TwoFactor.pendingLifetimeSeconds)))
        return response
    }

    func show() throws -> Response {
        if context.principal != nil { return Response.redirect(to: Route.home.path) }
        guard try pending() != nil else { return Response.redirect(to: Route.login.path) }
        return app.withLoginCSRFCookie(app.page(TwoFactorPages.code(context: context.page, errors: ValidationErrors())), context)
    }

    func save() throws -> Response {
        guard let idHash = pendingIDHash, let pending = try pending() else { return try startAgain() }
        let configuration = app.configuration
        let now = configuration.now()
        let address = request.remoteAddress
        let failures = try store.read {
            try LoginAttempts.recentFailures(email: pending.email, remoteAddress: address, since: now - configuration.loginWindowSeconds, $0)
        }
        if failures.byEmail >= configuration.loginFailureLimit || failures.byAddress >= configuration.loginFailureLimit {
            let waitSeconds = max(60, (failures.oldest ?? now) + configuration.loginWindowSeconds - now)
            let minutes = (waitSeconds + 59) / 60
            let message = "Er is te vaak een verkeerde code ingevoerd. Wacht \(minutes) \(minutes == 1 ? "minuut" : "minuten") en probeer het dan opnieuw."
            var response = app.page(TwoFactorPages.code(context: context.page, errors: ValidationErrors(), message: message), status: 429)
            response.headers.set("Retry-After", String(waitSeconds))
            return response
        }

        let values = request.formValues()
        let code = (values["code"] ?? "").trimmingWhitespace()
        let recovery = values["recovery"] ?? ""
        let usesRecovery = code.isEmpty && !recovery.isEmpty
        let wellFormed = usesRecovery ? RecoveryCode.isWellFormed(recovery) : TOTP(secret: []).isWellFormed(code)
        let proof: TwoFactor.Proof = usesRecovery
            ? .recoveryCode(hash: TwoFactorHandler.recoveryHash(recovery))
            : .code(TwoFactorHandler.check(code, now: now))
        let token = Tokens.newToken()
        let session = TwoFactor.NewSession(tokenHash: Tokens.hash(token), csrfToken: Tokens.newToken(), remoteAddress: address,
                                           idleBefore: now - configuration.sessionIdleSeconds,
                                           createdBefore: now - configuration.sessionAbsoluteSeconds,
                                           replacing: context.session?.tokenHash)
        // A malformed code goes through the verb too: every wrong try counts for the throttle.
        switch try TwoFactor.completeLogin(idHash: idHash, proof: proof, session: session, now: now, in: store) {
        case .expired:
            return try startAgain()
        case .wrongCode:
            var errors = ValidationErrors()
            if usesRecovery {
                errors.add("recovery", wellFormed ? "Deze herstelcode klopt niet of is al gebruikt." : "Een herstelcode heeft tien letters en cijfers.")
            } else {
                errors.add("code", wellFormed ? "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in de app." : "Vul de code van zes cijfers uit de app in.")
            }
            return app.page(TwoFactorPages.code(context: context.page, errors: errors), status: wellFormed ? 401 : 422)
        case .signedIn(_, let next):
            var response = Response.redirect(to: Application.safeNext(next))
            response.setCookie(app.sessionCookie(token, maxAge: Int(configuration.sessionAbsoluteSeconds)))
            response.setCookie(pendingCookie("", maxAge: 0))
            response.setCookie(Cookie(name: Application.loginCSRFCookie, value: "", path: "/", maxAge: 0, httpOnly: true,
                                      secure: configuration.secureCookies, sameSite: "Lax"))
            return response
        }
    }

    /// No pending log-in (a forged post, an expired or used one): back to the password step.
    func startAgain() throws -> Response {
        let message = "Uw inlogpoging is verlopen. Log opnieuw in met uw e-mailadres en wachtwoord."
        var response = app.page(AuthPages.login(context: context.page, email: "", next: "/", errors: ValidationErrors(), message: message), status: 401)
        if pendingIDHash != nil { response.setCookie(pendingCookie("", maxAge: 0)) }
        return app.withLoginCSRFCookie(response, context)
    }

    var pendingIDHash: String? {
        guard let id = request.cookies[TwoFactorLogin.cookie], !id.isEmpty, id.utf8.count <= 128 else { return nil }
        return Tokens.hash(id)
    }

    func pending() throws -> TwoFactor.Pending? {
        guard let idHash = pendingIDHash else { return nil }
        let now = app.configuration.now()
        return try store.read { try TwoFactor.pendingLogin(idHash: idHash, now: now, $0) }
    }

    func pendingCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: TwoFactorLogin.cookie, value: value, path: "/login", maxAge: maxAge, httpOnly: true,
               secure: app.configuration.secureCookies, sameSite: "Lax")
    }
}
