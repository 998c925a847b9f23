import Domain
import HTTP
import Store
import Views

/// Inviting a user: the form, and the account with its one-time set-password link.
extension UsersHandler {
    func showNew() throws -> Response {
        let (ikcs, organisations) = try store.read { c in (try IKCs.names(c), UsersHandler.organisations(try Organisations.names(c))) }
        return page(UserPages.new(context: user.page, form: UserForm(), ikcs: ikcs, errors: ValidationErrors(), organisations: organisations))
    }

    func saveNew() throws -> Response {
        let values = request.formValues()
        let form = UserForm(name: (values["name"] ?? "").trimmingWhitespace(), email: (values["email"] ?? "").trimmingWhitespace(),
                            role: values["role"] ?? "", ikcIDs: UsersHandler.ikcIDs(values.all("ikcs")),
                            organisationID: Int64(values["organisation"] ?? ""))
        var errors = form.validate()
        let (ikcs, emailTaken, organisations) = try store.read { c in
            (try IKCs.names(c), try Users.emailExists(form.email, c), UsersHandler.organisations(try Organisations.names(c)))
        }
        if let chosen = form.organisationID, !organisations.contains(where: { $0.id == chosen }) {
            errors.add("organisation", "Kies een bestaande organisatie.")
        }
        let known = Set(ikcs.map(\.id))
        if form.ikcIDs.contains(where: { !known.contains($0) }) { errors.add("ikcs", "Kies een bestaand IKC.") }
        if errors["email"] == nil && emailTaken { errors.add("email", "Er is al een account met dit e-mailadres.") }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else {
            return page(UserPages.new(context: user.page, form: form, ikcs: ikcs, errors: errors, organisations: organisations), status: 422)
        }
        let token = Tokens.newToken()
        let id: Int64
        do {
            id = try Users.invite(form, role: role, linkToken: token, link: passwordLink(token), by: principal.userID, in: store)
        } catch StoreError.duplicate {
            errors.add("email", "Er is al een account met dit e-mailadres.")
            return page(UserPages.new(context: user.page, form: form, ikcs: ikcs, errors: errors, organisations: organisations), status: 422)
        }
        app.mailSignal.signal()
        guard let created = try store.read({ try Users.find(id: id, $0) }) else { throw AppError.notFound }
        return page(UserPages.created(context: user.page, user: created, link: passwordLink(token)))
    }
}

extension UsersHandler {
    /// The organisations a partner can act for, by name.
    static func organisations(_ names: [Int64: String]) -> [(id: Int64, name: String)] {
        names.map { (id: $0.key, name: $0.value) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
