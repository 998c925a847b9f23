import Domain
import HTTP
import Store
import Views

/// Adding an organisation: the form, and the organisation with its audit row.
extension OrganisationsHandler {
    func showNew() throws -> Response {
        let kinds = try store.read { try ProgrammeSettings.organisationKinds($0) }
        return page(OrganisationPages.new(context: user.page, form: Organisation(), kinds: kinds, errors: ValidationErrors()))
    }

    func saveNew() throws -> Response {
        let form = OrganisationsHandler.form(request)
        let (kinds, nameTaken) = try store.read { c in (try ProgrammeSettings.organisationKinds(c), try Organisations.nameExists(form.name, c)) }
        var errors = OrganisationsHandler.validate(form, kinds: kinds, nameTaken: nameTaken)
        if errors.isEmpty {
            do {
                try Organisations.add(form, by: principal.userID, in: store)
                return Response.redirect(to: Route.organisations(.index).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", OrganisationsHandler.nameTaken)
            }
        }
        return page(OrganisationPages.new(context: user.page, form: form, kinds: kinds, errors: errors), status: 422)
    }
}
