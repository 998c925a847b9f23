import Domain
import HTTP
import Store
import Views

/// The organisations: gemeente, koepels, childcare organisations and other partners.
struct OrganisationsHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: OrganisationRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.new, .show): return try showNew()
        case (.new, .save): return try saveNew()
        case (.organisation(let id), .show): return try showOrganisation(id: id)
        case (.organisation(let id), .save): return try saveOrganisation(id: id)
        case (.index, .save): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showList() throws -> Response {
        let (all, kinds) = try store.read { c in (try Organisations.all(c), try ProgrammeSettings.organisationKinds(c)) }
        return page(OrganisationPages.list(context: user.page, organisations: all, kinds: kinds, canEdit: allows(.write, .organisation),
                                           notice: RecordForms.savedNotice(request)))
    }

    static let nameTaken = "Er is al een organisatie met deze naam."

    /// The organisation form as posted, trimmed.
    static func form(_ request: Request, id: Int64 = 0, lockVersion: Int64 = 1) -> Organisation {
        let v = request.formValues()
        func text(_ name: String) -> String { (v[name] ?? "").trimmingWhitespace() }
        return Organisation(id: id, name: text("name"), kind: text("kind"), contactName: text("contactName"), contactEmail: text("contactEmail"),
                            signatoryName: text("signatoryName"), signatoryTitle: text("signatoryTitle"), lockVersion: lockVersion)
    }

    /// The form's rules, and the name taken by another organisation.
    static func validate(_ form: Organisation, kinds: [CodeLabel], nameTaken: Bool) -> ValidationErrors {
        var errors = form.validate(kinds: kinds.map(\.code))
        if errors["name"] == nil && nameTaken { errors.add("name", OrganisationsHandler.nameTaken) }
        return errors
    }
}
