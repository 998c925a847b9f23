import Domain
import HTTP
import Store
import Views

/// Inviting a user: the form, and the account with its one-time set-password link.
extension UsersHandler {
    func showNew() throws -> Response {
        let ikcs = try store.read { try IKCs.names($0) }
        return page(UserPages.new(context: user.page, form: UserForm(), ikcs: ikcs, errors: ValidationErrors()))
    }

    func saveNew() throws -> Response {
        let values = request.formValues()
        let form = UserForm(name: (values["name"] ?? "").trimmingWhitespace(), email: (values["email"] ?? "").trimmingWhitespace(),
                            role: values["role"] ?? "", ikcIDs: UsersHandler.ikcIDs(values.all("ikcs")))
        var errors = form.validate()
        let (ikcs, emailTaken) = try store.read { c in (try IKCs.names(c), try Users.emailExists(form.email, c)) }
        let known = Set(ikcs.map(\.id))
        if form.ikcIDs.contains(where: { !known.contains($0) }) { errors.add("ikcs", "Kies een bestaand IKC.") }
        if errors["email"] == nil && emailTaken { errors.add("email", "Er is al een account met dit e-mailadres.") }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else {
            return page(UserPages.new(context: user.page, form: form, ikcs: ikcs, errors: errors), status: 422)
        }
        let token = Tokens.newToken()
        let id: Int64
        do {
            id = try Users.invite(form, role: role, linkToken: token, link: passwordLink(token), by: principal.userID, in: store)
        } catch StoreError.duplicate {
            errors.add("email", "Er is al een account met dit e-mailadres.")
            return page(UserPages.new(context: user.page, form: form, ikcs: ikcs, errors: errors), status: 422)
        }
        app.mailSignal.signal()
        guard let created = try store.read({ try Users.find(id: id, $0) }) else { throw AppError.notFound }
        return page(UserPages.created(context: user.page, user: created, link: passwordLink(token)))
    }
}
