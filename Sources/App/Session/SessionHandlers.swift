import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    /// Reads the session cookie; an unknown, idle-expired or absolutely expired session is
    /// treated as none (and an expired one is deleted).
    func loadSession(_ request: Request, _ context: inout Context) throws {
        guard let token = request.cookies[Application.sessionCookie], !token.isEmpty, token.utf8.count <= 128 else { return }
        let tokenHash = Tokens.hash(token)
        // One read transaction for the session (checked against the database on every
        // request) and the programme settings (cached until the next commit).
        let found = try database.read { c -> (Sessions.Record, Programme)? in
            guard let record = try Sessions.find(tokenHash: tokenHash, c) else { return nil }
            return (record, try caches.programme.value(c) { try ProgrammeSettings.programme($0) })
        }
        guard let (record, programme) = found else { return }
        let now = Timestamp.unixNow()
        if record.lastSeenAt + configuration.sessionIdleSeconds < now || record.createdAt + configuration.sessionAbsoluteSeconds < now {
            try database.write { try Sessions.delete(tokenHash: tokenHash, $0) }
            return
        }
        // Refresh the idle clock at most once a minute: no write on every request.
        if now - record.lastSeenAt >= 60 {
            try database.write { try Sessions.touch(tokenHash: tokenHash, now: now, $0) }
        }
        context.session = Context.SessionInfo(tokenHash: tokenHash, csrfToken: record.csrfToken)
        context.principal = record.user.principal
        context.mustChangePassword = record.user.mustChangePassword
        context.page = PageContext(principal: record.user.principal, csrfToken: record.csrfToken,
                                   programme: programme)
    }

    /// Forms shown before log-in carry a token that must equal a cookie set with the form
    /// (double submit), so another site cannot post a log-in in the user's browser.
    func checkAnonymousCSRF(_ request: Request, _ context: inout Context, isPost: Bool) throws {
        if let session = context.session {
            context.page.csrfToken = session.csrfToken
            if isPost {
                let sent = request.formValues()["csrf"] ?? ""
                guard Tokens.constantTimeEquals(sent, session.csrfToken) else { throw AppError.forbidden }
            }
            return
        }
        let cookie = request.cookies[Application.loginCSRFCookie] ?? ""
        if isPost {
            let sent = request.formValues()["csrf"] ?? ""
            guard cookie.count >= 32, Tokens.constantTimeEquals(sent, cookie) else { throw AppError.forbidden }
            context.page.csrfToken = cookie
        } else {
            context.page.csrfToken = cookie.count >= 32 ? cookie : Tokens.newToken()
        }
    }

    /// Sets the anonymous CSRF cookie when the page's token is new.
    func withLoginCSRFCookie(_ response: Response, _ context: Context) -> Response {
        var response = response
        if context.session == nil && context.request.cookies[Application.loginCSRFCookie] != context.page.csrfToken {
            response.setCookie(Cookie(name: Application.loginCSRFCookie, value: context.page.csrfToken, path: "/",
                                      maxAge: nil, httpOnly: true, secure: configuration.secureCookies, sameSite: "Lax"))
        }
        return response
    }

    /// Where to go after log-in: only a path on this site, never another host.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count <= 2048,
              !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }),
              !next.hasPrefix(Route.login.path), !next.hasPrefix(Route.logout.path) else { return "/" }
        return next
    }

    func getLogin(_ request: Request, _ context: Context) -> Response {
        if context.principal != nil { return Response.redirect(to: Application.safeNext(request.query["next"])) }
        let html = AuthPages.login(context: context.page, email: "", next: Application.safeNext(request.query["next"]), errors: ValidationErrors(),
                                   notice: RecordForms.savedNotice(request))
        return withLoginCSRFCookie(page(html), context)
    }

    func postLogin(_ request: Request, _ context: Context) throws -> Response {
        let form = request.formValues()
        let email = (form["email"] ?? "").trimmingWhitespace()
        let password = form["password"] ?? ""
        let next = Application.safeNext(form["next"])
        let address = request.remoteAddress
        let now = Timestamp.unixNow()

        var errors = ValidationErrors()
        if email.isEmpty { errors.add("email", "Vul uw e-mailadres in.") }
        if password.isEmpty { errors.add("password", "Vul uw wachtwoord in.") }
        if !errors.isEmpty {
            return page(AuthPages.login(context: context.page, email: email, next: next, errors: errors), status: 422)
        }

        let failures = try database.read {
            try LoginAttempts.recentFailures(email: email, remoteAddress: address, since: now - configuration.loginWindowSeconds, $0)
        }
        if failures.byEmail >= configuration.loginFailureLimit || failures.byAddress >= configuration.loginFailureLimit {
            let waitSeconds = max(60, (failures.oldest ?? now) + configuration.loginWindowSeconds - now)
            let minutes = (waitSeconds + 59) / 60
            let message = "Er is te vaak een verkeerd wachtwoord ingevoerd. Wacht \(minutes) \(minutes == 1 ? "minuut" : "minuten") en probeer het dan opnieuw."
            var response = page(AuthPages.login(context: context.page, email: email, next: next, errors: ValidationErrors(), message: message), status: 429)
            response.headers.set("Retry-After", String(waitSeconds))
            return response
        }

        let credentials = try database.read { try Users.credentials(email: email, $0) }
        // Verify against a decoy hash when the e-mail is unknown: same work, same answer.
        let hash = credentials?.passwordHash ?? PasswordHasher.decoy
        let matches = PasswordHasher.verify(password, hash: hash)
        guard let user = credentials?.user, matches, user.active, credentials?.passwordHash != nil else {
            try database.write { try LoginAttempts.record(email: email, remoteAddress: address, succeeded: false, now: now, $0) }
            let message = "Deze combinatie van e-mailadres en wachtwoord is niet bekend, of het account is niet actief."
            return page(AuthPages.login(context: context.page, email: email, next: next, errors: ValidationErrors(), message: message), status: 401)
        }

        // A new session id at every log-in (no fixation); an old session of this browser ends.
        let token = Tokens.newToken()
        let csrf = Tokens.newToken()
        try database.write { c in
            if let old = context.session { try Sessions.delete(tokenHash: old.tokenHash, c) }
            try Sessions.create(tokenHash: Tokens.hash(token), userID: user.id, csrfToken: csrf, remoteAddress: address, now: now, c)
            try LoginAttempts.record(email: email, remoteAddress: address, succeeded: true, now: now, c)
            try Sessions.deleteExpired(idleBefore: now - configuration.sessionIdleSeconds, createdBefore: now - configuration.sessionAbsoluteSeconds, c)
            try LoginAttempts.deleteOlder(than: now - 24 * 3600, c)
            try AuditLog.record(userID: user.id, action: "login", recordType: "user", recordID: user.id, summary: "Ingelogd", c)
        }
        var response = Response.redirect(to: user.mustChangePassword ? Route.account.path : next)
        response.setCookie(sessionCookie(token, maxAge: Int(configuration.sessionAbsoluteSeconds)))
        response.setCookie(Cookie(name: Application.loginCSRFCookie, value: "", path: "/", maxAge: 0, httpOnly: true,
                                  secure: configuration.secureCookies, sameSite: "Lax"))
        return response
    }

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: Application.sessionCookie, value: value, path: "/", maxAge: maxAge, httpOnly: true,
               secure: configuration.secureCookies, sameSite: "Lax")
    }

    func postLogout(_ context: Context) throws -> Response {
        if let session = context.session {
            try database.write { c in
                try Sessions.delete(tokenHash: session.tokenHash, c)
                try AuditLog.record(userID: context.principal?.userID, action: "logout", recordType: "user",
                                    recordID: context.principal?.userID, summary: "Uitgelogd", c)
            }
        }
        var response = Response.redirect(to: Route.login.path)
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    func getAccount(_ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal,
              let user = try database.read({ try Users.find(id: principal.userID, $0) }) else { throw AppError.forbidden }
        let notice = request.query["saved"] == "1" ? "Uw wachtwoord is gewijzigd." : nil
        return page(AuthPages.account(context: context.page, user: user, errors: ValidationErrors(), notice: notice))
    }

    func postAccount(_ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal,
              let user = try database.read({ try Users.find(id: principal.userID, $0) }) else { throw AppError.forbidden }
        let form = request.formValues()
        let current = form["current"] ?? "", password = form["password"] ?? "", confirm = form["confirm"] ?? ""
        var errors = ValidationErrors()
        let stored = try database.read { try Users.passwordHash(userID: user.id, $0) } ?? ""
        if !PasswordHasher.verify(current, hash: stored) { errors.add("current", "Het huidige wachtwoord klopt niet.") }
        PasswordPolicy.check(password, into: &errors)
        if errors["password"] == nil && password != confirm { errors.add("confirm", "De twee nieuwe wachtwoorden zijn niet gelijk.") }
        if errors.isEmpty && password == current { errors.add("password", "Kies een ander wachtwoord dan het huidige.") }
        guard errors.isEmpty else {
            return page(AuthPages.account(context: context.page, user: user, errors: errors, notice: nil), status: 422)
        }
        let hash = try PasswordHasher.hash(password)
        try database.write { c in
            try Users.setPassword(userID: user.id, hash: hash, mustChange: false, c)
            try AuditLog.record(userID: user.id, action: "password", recordType: "user", recordID: user.id, summary: "Eigen wachtwoord gewijzigd", c)
        }
        return Response.redirect(to: Route.account.path + "?saved=1")
    }

    func getSetPassword(token: String, _ context: Context) throws -> Response {
        let now = Timestamp.unixNow()
        let name = try database.read { c -> String? in
            guard let userID = try PasswordTokens.userID(tokenHash: Tokens.hash(token), now: now, c) else { return nil }
            return try Users.find(id: userID, c)?.name
        }
        let html = AuthPages.setPassword(context: context.page, token: token, name: name, errors: ValidationErrors())
        return withLoginCSRFCookie(page(html, status: name == nil ? 404 : 200), context)
    }

    func postSetPassword(token: String, _ request: Request, _ context: Context) throws -> Response {
        let now = Timestamp.unixNow()
        let tokenHash = Tokens.hash(token)
        let found = try database.read { c -> User? in
            guard let userID = try PasswordTokens.userID(tokenHash: tokenHash, now: now, c) else { return nil }
            return try Users.find(id: userID, c)
        }
        guard let user = found, user.active else {
            return page(AuthPages.setPassword(context: context.page, token: token, name: nil, errors: ValidationErrors()), status: 404)
        }
        let form = request.formValues()
        let password = form["password"] ?? "", confirm = form["confirm"] ?? ""
        var errors = ValidationErrors()
        PasswordPolicy.check(password, into: &errors)
        if errors.isEmpty && password != confirm { errors.add("confirm", "De twee wachtwoorden zijn niet gelijk.") }
        guard errors.isEmpty else {
            return page(AuthPages.setPassword(context: context.page, token: token, name: user.name, errors: errors), status: 422)
        }
        let hash = try PasswordHasher.hash(password)
        try database.write { c in
            // The token is checked again inside the transaction: a link works exactly once.
            guard try PasswordTokens.userID(tokenHash: tokenHash, now: now, c) == user.id else { throw AppError.conflict(detail: "De link is al gebruikt.") }
            try PasswordTokens.markUsed(tokenHash: tokenHash, now: now, c)
            try Users.setPassword(userID: user.id, hash: hash, mustChange: false, c)
            try AuditLog.record(userID: user.id, action: "password", recordType: "user", recordID: user.id, summary: "Wachtwoord ingesteld via link", c)
        }
        return Response.redirect(to: Route.login.path + "?saved=wachtwoord")
    }
}
