import Domain
import HTTP
import Store
import Views

/// One account: role, IKCs and whether it is active.
extension UsersHandler {
    func showUser(id: Int64) throws -> Response {
        let (found, ikcs, organisations) = try store.read { c in (try Users.find(id: id, c), try IKCs.names(c), UsersHandler.organisations(try Organisations.names(c))) }
        guard let account = found else { throw AppError.notFound }
        return page(UserPages.edit(context: user.page, user: account, role: account.role.rawValue, active: account.active,
                                   ikcIDs: account.role == .directeur ? account.ikcIDs : [], ikcs: ikcs, errors: ValidationErrors(),
                                   organisations: organisations, organisationID: account.organisationID))
    }

    func saveUser(id: Int64) throws -> Response {
        let (found, ikcs, organisations) = try store.read { c in (try Users.find(id: id, c), try IKCs.names(c), UsersHandler.organisations(try Organisations.names(c))) }
        guard let account = found else { throw AppError.notFound }
        let values = request.formValues()
        let organisationID = Int64(values["organisation"] ?? "")
        let roleText = values["role"] ?? ""
        let active = values["active"] == "1"
        let ikcIDs = UsersHandler.ikcIDs(values.all("ikcs"))
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        var errors = ValidationErrors()
        let role = Role(rawValue: roleText)
        if role == nil { errors.add("role", "Kies een rol.") }
        if role == .directeur && ikcIDs.isEmpty { errors.add("ikcs", "Kies het IKC (of de IKC's) van deze directeur.") }
        if role == .partner && organisationID == nil { errors.add("organisation", "Kies de organisatie waarvoor deze partner optreedt.") }
        if let organisationID, !organisations.contains(where: { $0.id == organisationID }) {
            errors.add("organisation", "Kies een bestaande organisatie.")
        }
        let known = Set(ikcs.map(\.id))
        if ikcIDs.contains(where: { !known.contains($0) }) { errors.add("ikcs", "Kies een bestaand IKC.") }
        if account.id == principal.userID && (!active || role != .projectleider) {
            errors.add("role", "U kunt uw eigen rol niet wijzigen en uzelf niet deactiveren.")
        }
        guard errors.isEmpty, let role else {
            return page(UserPages.edit(context: user.page, user: account, role: roleText, active: active, ikcIDs: ikcIDs,
                                       ikcs: ikcs, errors: errors, organisations: organisations, organisationID: organisationID), status: 422)
        }
        try Users.change(account, expected: expected, role: role, active: active, ikcIDs: ikcIDs, organisationID: organisationID,
                         by: principal.userID, in: store)
        return Response.redirect(to: Route.users(.index).path + "?saved=1")
    }
}
