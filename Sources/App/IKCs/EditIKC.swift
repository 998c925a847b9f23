import Domain
import HTTP
import Store
import Views

/// Changing an IKC's facts: the form, and the change (or the conflict page when someone saved first).
extension IKCsHandler {
    func showEdit(id: Int64) throws -> Response {
        let (found, choices) = try store.read { c in (try IKCs.find(id: id, c), try IKCs.choices(c)) }
        guard let ikc = found else { throw AppError.notFound }
        return page(IKCPages.edit(context: user.page, id: id, lockVersion: ikc.lockVersion, title: ikc.name, form: IKCForm(ikc),
                                  choices: choices, errors: ValidationErrors()))
    }

    func saveEdit(id: Int64) throws -> Response {
        let form = IKCsHandler.form(request)
        let (found, choices, nameTaken) = try store.read { c in
            (try IKCs.find(id: id, c), try IKCs.choices(c), try IKCs.nameExists(form.name.trimmingWhitespace(), excluding: id, c))
        }
        guard let stored = found else { throw AppError.notFound }
        let expected = try RecordForms.lockVersion(request)
        var errors = IKCsHandler.validate(form, choices, nameTaken: nameTaken, kinds: try programme().ikcKinds)
        if errors.isEmpty {
            let ikc = form.ikc(id: id, lockVersion: expected)
            do {
                try IKCs.change(ikc, expected: expected, by: principal.userID, in: store)
                return Response.redirect(to: Route.ikcs(.ikc(id)).path + "?saved=1")
            } catch StoreError.staleVersion {
                let current = try store.read { try IKCs.find(id: id, $0) } ?? stored
                let fields = RecordForms.conflictFields(stored: choices.fields(of: current), submitted: choices.fields(of: ikc))
                return page(ConflictPanel.page(context: user.page.with(.ikcs), title: "IKC \(current.name)", fields: fields,
                                               reopen: .ikcs(.edit(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", IKCsHandler.nameTaken)
            }
        }
        return page(IKCPages.edit(context: user.page, id: id, lockVersion: expected, title: stored.name, form: form,
                                  choices: choices, errors: errors), status: 422)
    }
}
