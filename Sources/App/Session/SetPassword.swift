import Domain
import HTTP
import Markup
import Store
import Views

/// Setting a password through a one-time link (an invitation or a forgotten password).
extension Application {
    func showSetPassword(token: String, _ context: Context) throws -> Response {
        let now = Timestamp.unixNow()
        let name = try PasswordTokens.holder(token: token, now: now, in: store)?.name
        let html = AuthPages.setPassword(context: context.page, token: token, name: name, errors: ValidationErrors())
        return withLoginCSRFCookie(page(html, status: name == nil ? 404 : 200), context)
    }

    func saveSetPassword(token: String, _ request: Request, _ context: Context) throws -> Response {
        let now = Timestamp.unixNow()
        let found = try PasswordTokens.holder(token: token, now: now, in: store)
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
        guard try PasswordTokens.redeem(token: token, userID: user.id, hash: hash, now: now, in: store) else {
            throw AppError.conflict(detail: "De link is al gebruikt.")
        }
        return Response.redirect(to: Route.login.path + "?saved=wachtwoord")
    }
}
