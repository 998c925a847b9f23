import Domain
import HTTP
import Markup
import Store
import Views

/// Log-in (the password step; the code step is App/TwoFactor) and log-out.
extension Application {
    func showLogin(_ request: Request, _ context: Context) -> Response {
        if context.principal != nil { return Response.redirect(to: Application.safeNext(request.query["next"])) }
        let html = AuthPages.login(context: context.page, email: "", next: Application.safeNext(request.query["next"]), errors: ValidationErrors(),
                                   notice: RecordForms.savedNotice(request))
        return withLoginCSRFCookie(page(html), context)
    }

    func saveLogin(_ request: Request, _ context: Context) throws -> Response {
        let form = request.formValues()
        let email = (form["email"] ?? "").trimmingWhitespace()
        let password = form["password"] ?? ""
        let next = Application.safeNext(form["next"])
        let address = ClientAddress.of(request, trustedProxies: configuration.trustedProxies)
        let now = Timestamp.unixNow()

        var errors = ValidationErrors()
        if email.isEmpty { errors.add("email", "Vul uw e-mailadres in.") }
        Check.characters(email, "email", into: &errors)
        if password.isEmpty { errors.add("password", "Vul uw wachtwoord in.") }
        if !errors.isEmpty {
            return page(AuthPages.login(context: context.page, email: email, next: next, errors: errors), status: 422)
        }

        let admission = try LoginAttempts.admit(email: email, remoteAddress: address, since: now - configuration.loginWindowSeconds,
                                                limit: configuration.loginFailureLimit, now: now, in: store)
        let attemptID: Int64
        switch admission {
        case .admitted(let id):
            attemptID = id
        case .throttled(let oldest):
            let waitSeconds = max(60, oldest + configuration.loginWindowSeconds - now)
            let minutes = (waitSeconds + 59) / 60
            let message = "Er is te vaak een verkeerd wachtwoord ingevoerd. Wacht \(minutes) \(minutes == 1 ? "minuut" : "minuten") en probeer het dan opnieuw."
            var response = page(AuthPages.login(context: context.page, email: email, next: next, errors: ValidationErrors(), message: message), status: 429)
            response.headers.set("Retry-After", String(waitSeconds))
            return response
        }

        let credentials = try store.read { try Users.credentials(email: email, $0) }
        // Verify against a decoy hash when the e-mail is unknown: same work, same answer.
        let hash = credentials?.passwordHash ?? PasswordHasher.decoy
        let matches = PasswordHasher.verify(password, hash: hash)
        guard let user = credentials?.user, matches, user.active, credentials?.passwordHash != nil else {
            // Already counted as a failure when it was admitted.
            let message = "Deze combinatie van e-mailadres en wachtwoord is niet bekend, of het account is niet actief."
            return page(AuthPages.login(context: context.page, email: email, next: next, errors: ValidationErrors(), message: message), status: 401)
        }

        // With a second factor the session waits for the code step (App/TwoFactor/CodeStep.swift).
        if let codeStep = try TwoFactorLogin(app: self, context: context).begin(user: user, next: next, passwordAttempt: attemptID) { return codeStep }
        // A new session id at every log-in (no fixation); an old session of this browser ends.
        let token = Tokens.newToken()
        let csrf = Tokens.newToken()
        try Sessions.open(userID: user.id, token: token, csrfToken: csrf, remoteAddress: address, replacing: context.session?.tokenHash,
                          passwordAttempt: attemptID, idleBefore: now - configuration.sessionIdleSeconds,
                          createdBefore: now - configuration.sessionAbsoluteSeconds, now: now, in: store)
        var response = Response.redirect(to: user.mustChangePassword ? Route.account.path : next)
        response.setCookie(sessionCookie(token, maxAge: Int(configuration.sessionAbsoluteSeconds)))
        response.setCookie(Cookie(name: Application.loginCSRFCookie, value: "", path: "/", maxAge: 0, httpOnly: true,
                                  secure: configuration.secureCookies, sameSite: "Lax"))
        return response
    }

    func saveLogout(_ context: Context) throws -> Response {
        if let session = context.session {
            try Sessions.close(tokenHash: session.tokenHash, userID: context.principal?.userID, in: store)
        }
        var response = Response.redirect(to: Route.login.path + "?saved=uitgelogd")
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }
}
