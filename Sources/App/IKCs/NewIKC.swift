import Domain
import HTTP
import Store
import Views

/// Adding an IKC: the form, and the IKC with its audit row.
extension IKCsHandler {
    func showNew() throws -> Response {
        let choices = try store.read { try IKCs.choices($0) }
        return page(IKCPages.new(context: user.page, form: IKCForm(), choices: choices, errors: ValidationErrors()))
    }

    func saveNew() throws -> Response {
        let form = IKCsHandler.form(request)
        let (choices, nameTaken) = try store.read { c in (try IKCs.choices(c), try IKCs.nameExists(form.name.trimmingWhitespace(), c)) }
        var errors = IKCsHandler.validate(form, choices, nameTaken: nameTaken, kinds: try programme().ikcKinds)
        if errors.isEmpty {
            do {
                let id = try IKCs.add(form.ikc(), by: principal.userID, in: store)
                return Response.redirect(to: Route.ikcs(.ikc(id)).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", IKCsHandler.nameTaken)
            }
        }
        return page(IKCPages.new(context: user.page, form: form, choices: choices, errors: errors), status: 422)
    }

    static let nameTaken = "Er is al een IKC met deze naam."

    /// The IKC form as posted.
    static func form(_ request: Request) -> IKCForm {
        let v = request.formValues()
        return IKCForm(name: v["name"] ?? "", kind: v["kind"] ?? "", koepelID: v["koepelID"] ?? "", areaID: v["areaID"] ?? "",
                       directorName: v["directorName"] ?? "", childrenCount: v["childrenCount"] ?? "", profile: v["profile"] ?? "",
                       childcareIDs: v.all("childcareIDs"))
    }

    /// The form's rules, and the name taken by another IKC.
    static func validate(_ form: IKCForm, _ choices: IKCChoices, nameTaken: Bool, kinds: [IKCKindSetting]) -> ValidationErrors {
        var errors = form.validate(koepels: Set(choices.koepels.map(\.id)), areas: Set(choices.areas.map(\.id)),
                                   childcare: Set(choices.childcare.map(\.id)), kinds: kinds.isEmpty ? nil : kinds)
        if errors["name"] == nil && nameTaken { errors.add("name", IKCsHandler.nameTaken) }
        return errors
    }
}
