import Domain
import HTTP
import Store
import Views

/// Adding an area: the form, and the area with its audit row.
extension AreasHandler {
    func showNew() -> Response {
        page(AreaPages.new(context: user.page, form: AreaForm(), errors: ValidationErrors()))
    }

    func saveNew() throws -> Response {
        let form = AreasHandler.form(request)
        let nameTaken = try store.read { try Areas.nameExists(form.name.trimmingWhitespace(), $0) }
        var errors = validate(form, nameTaken: nameTaken)
        if errors.isEmpty {
            do {
                let id = try Areas.add(form.area(), by: principal.userID, in: store)
                return Response.redirect(to: Route.areas(.area(id)).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", AreasHandler.nameTaken)
            }
        }
        return page(AreaPages.new(context: user.page, form: form, errors: errors), status: 422)
    }
}
