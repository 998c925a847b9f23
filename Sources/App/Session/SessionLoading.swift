import Domain
import HTTP
import Markup
import Store
import Views

/// The session behind every request, and the CSRF double submit of the pages shown before log-in.
extension Application {
    /// Reads the session cookie; an unknown, idle-expired or absolutely expired session is
    /// treated as none (and an expired one is deleted).
    func loadSession(_ request: Request, _ context: inout Context) throws {
        // Pages before log-in (log-in, accessibility, shared reports) carry the programme's words
        // too; with a session they come in the session's own read transaction below.
        guard let token = request.cookies[Application.sessionCookie], !token.isEmpty, token.utf8.count <= 128 else {
            context.page.programme = try? store.programme()
            return
        }
        let tokenHash = Tokens.hash(token)
        // One read transaction for the session (checked against the database on every
        // request) and the programme settings (cached until the next commit).
        let found: (record: Sessions.Record, programme: Programme, mustEnrolTwoFactor: Bool)?
        do {
            found = try Sessions.lookup(tokenHash: tokenHash, idleSeconds: configuration.sessionIdleSeconds,
                                        absoluteSeconds: configuration.sessionAbsoluteSeconds, now: Timestamp.unixNow(), in: store)
        } catch {
            context.page.programme = try? store.programme()
            throw error
        }
        guard let (record, programme, mustEnrolTwoFactor) = found else {
            context.page.programme = try? store.programme()
            return
        }
        context.session = Context.SessionInfo(tokenHash: tokenHash, csrfToken: record.csrfToken)
        context.principal = record.user.principal
        context.mustChangePassword = record.user.mustChangePassword
        context.mustEnrolTwoFactor = mustEnrolTwoFactor
        context.page = PageContext(principal: record.user.principal, csrfToken: record.csrfToken,
                                   programme: programme)
    }

    /// Forms shown before log-in carry a token that must equal a cookie set with the form
    /// (double submit), so another site cannot post a log-in in the user's browser.
    func checkAnonymousCSRF(_ request: Request, _ context: inout Context, _ verb: Verb) throws {
        if let session = context.session {
            context.page.csrfToken = session.csrfToken
            if verb == .save {
                let sent = request.formValues()["csrf"] ?? ""
                guard Tokens.constantTimeEquals(sent, session.csrfToken) else { throw AppError.forbidden }
            }
            return
        }
        let cookie = request.cookies[Application.loginCSRFCookie] ?? ""
        if verb == .save {
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

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: Application.sessionCookie, value: value, path: "/", maxAge: maxAge, httpOnly: true,
               secure: configuration.secureCookies, sameSite: "Lax")
    }
}
