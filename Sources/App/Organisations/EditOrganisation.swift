import Domain
import HTTP
import Store
import Views

/// One organisation: its form, and the change (or the conflict page when someone saved first).
extension OrganisationsHandler {
    func showOrganisation(id: Int64) throws -> Response {
        let (found, kinds, count) = try store.read { c in
            (try Organisations.find(id: id, c), try ProgrammeSettings.organisationKinds(c), try Organisations.ikcCount(id: id, c))
        }
        guard let organisation = found else { throw AppError.notFound }
        return page(OrganisationPages.edit(context: user.page, form: organisation, kinds: kinds, ikcCount: count,
                                           canEdit: allows(.write, .organisation), errors: ValidationErrors()))
    }

    func saveOrganisation(id: Int64) throws -> Response {
        let posted = OrganisationsHandler.form(request, id: id)
        let (found, kinds, count, koepelOf, nameTaken) = try store.read { c in
            (try Organisations.find(id: id, c), try ProgrammeSettings.organisationKinds(c), try Organisations.ikcCount(id: id, c),
             try Organisations.koepelOfCount(id: id, c), try Organisations.nameExists(posted.name, excluding: id, c))
        }
        guard let stored = found else { throw AppError.notFound }
        let expected = try RecordForms.lockVersion(request)
        let form = OrganisationsHandler.form(request, id: id, lockVersion: expected)
        var errors = OrganisationsHandler.validate(form, kinds: kinds, nameTaken: nameTaken)
        // The koepel of an IKC stays a koepel: the IKC's form offers koepels only.
        if stored.kind == Organisation.koepel, form.kind != Organisation.koepel, errors["kind"] == nil, koepelOf > 0 {
            errors.add("kind", "Deze organisatie is de koepel van een of meer IKC's; kies eerst bij die IKC's een andere koepel.")
        }
        if errors.isEmpty {
            do {
                try Organisations.change(form, expected: expected, by: principal.userID, in: store)
                return Response.redirect(to: Route.organisations(.index).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try store.read({ try Organisations.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = RecordForms.conflictFields(stored: current.fields(kinds: kinds), submitted: form.fields(kinds: kinds))
                return page(ConflictPanel.page(context: user.page.with(.organisations), title: "Organisatie \(current.name)",
                                               fields: fields, reopen: .organisations(.organisation(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", OrganisationsHandler.nameTaken)
            }
        }
        return page(OrganisationPages.edit(context: user.page, form: form, kinds: kinds, ikcCount: count, canEdit: true, errors: errors), status: 422)
    }
}
