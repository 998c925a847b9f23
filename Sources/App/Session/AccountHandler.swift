import Domain
import HTTP
import Store
import Views

/// The signed-in user's own account: name, role and a new password.
struct AccountHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ verb: Verb) throws -> Response {
        switch verb {
        case .show: return try showAccount()
        case .save: return try saveAccount()
        }
    }

    func showAccount() throws -> Response {
        guard let account = try store.read({ try Users.find(id: principal.userID, $0) }) else { throw AppError.forbidden }
        let notice = request.query["saved"] == "1" ? "Uw wachtwoord is gewijzigd." : nil
        return page(AuthPages.account(context: user.page, user: account, errors: ValidationErrors(), notice: notice))
    }

    func saveAccount() throws -> Response {
        let found = try store.read { c in (try Users.find(id: principal.userID, c), try Users.passwordHash(userID: principal.userID, c)) }
        guard let account = found.0 else { throw AppError.forbidden }
        let form = request.formValues()
        let current = form["current"] ?? "", password = form["password"] ?? "", confirm = form["confirm"] ?? ""
        var errors = ValidationErrors()
        if !PasswordHasher.verify(current, hash: found.1 ?? "") { errors.add("current", "Het huidige wachtwoord klopt niet.") }
        PasswordPolicy.check(password, into: &errors)
        if errors["password"] == nil && password != confirm { errors.add("confirm", "De twee nieuwe wachtwoorden zijn niet gelijk.") }
        if errors.isEmpty && password == current { errors.add("password", "Kies een ander wachtwoord dan het huidige.") }
        guard errors.isEmpty else {
            return page(AuthPages.account(context: user.page, user: account, errors: errors, notice: nil), status: 422)
        }
        let hash = try PasswordHasher.hash(password)
        try Users.changeOwnPassword(userID: account.id, hash: hash, keepingSession: user.session.tokenHash, in: store)
        return Response.redirect(to: Route.account.path + "?saved=1")
    }
}
