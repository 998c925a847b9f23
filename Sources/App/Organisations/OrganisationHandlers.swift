import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleOrganisations(_ route: OrganisationRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: return try getOrganisations(request, context)
        case .new: return isPost ? try postOrganisationNew(request, context) : try getOrganisationNew(context)
        case .organisation(let id): return isPost ? try postOrganisation(id: id, request, context) : try getOrganisation(id: id, context)
        }
    }

    // MARK: - Organisations

    func getOrganisations(_ request: Request, _ context: Context) throws -> Response {
        let (all, kinds) = try database.read { c in (try Organisations.all(c), try ProgrammeSettings.organisationKinds(c)) }
        return page(OrganisationPages.list(context: context.page, organisations: all, kinds: kinds, canEdit: canWrite(context, .organisation),
                                           notice: Application.savedNotice(request)))
    }

    func getOrganisationNew(_ context: Context) throws -> Response {
        let kinds = try database.read { try ProgrammeSettings.organisationKinds($0) }
        return page(OrganisationPages.new(context: context.page, form: Organisation(), kinds: kinds, errors: ValidationErrors()))
    }

    static func organisationForm(_ request: Request, id: Int64 = 0, lockVersion: Int64 = 1) -> Organisation {
        let v = request.formValues()
        func text(_ name: String) -> String { (v[name] ?? "").trimmingWhitespace() }
        return Organisation(id: id, name: text("name"), kind: text("kind"), contactName: text("contactName"), contactEmail: text("contactEmail"),
                            signatoryName: text("signatoryName"), signatoryTitle: text("signatoryTitle"), lockVersion: lockVersion)
    }

    static func organisationFields(_ o: Organisation, kinds: [CodeLabel]) -> [(String, String, String)] {
        [("name", "Naam", o.name), ("kind", "Soort", kinds.first { $0.code == o.kind }?.label ?? o.kind),
         ("contact_name", "Contactpersoon", o.contactName), ("contact_email", "E-mailadres contactpersoon", o.contactEmail),
         ("signatory_name", "Ondertekenaar", o.signatoryName), ("signatory_title", "Functie ondertekenaar", o.signatoryTitle)]
    }

    func validateOrganisation(_ o: Organisation, kinds: [CodeLabel]) throws -> ValidationErrors {
        var errors = o.validate(kinds: kinds.map(\.code))
        if errors["name"] == nil, try database.read({ try Organisations.nameExists(o.name, excluding: o.id, $0) }) {
            errors.add("name", "Er is al een organisatie met deze naam.")
        }
        return errors
    }

    func postOrganisationNew(_ request: Request, _ context: Context) throws -> Response {
        let kinds = try database.read { try ProgrammeSettings.organisationKinds($0) }
        let form = Application.organisationForm(request)
        var errors = try validateOrganisation(form, kinds: kinds)
        if errors.isEmpty {
            let actor = context.principal?.userID
            do {
                try database.write { c in
                    let id = try Organisations.create(form, c)
                    try AuditLog.record(userID: actor, action: "create", recordType: "organisation", recordID: id,
                                        summary: "Organisatie \(form.name) aangemaakt",
                                        newValues: Application.auditJSON(Application.organisationFields(form, kinds: kinds)), c)
                }
                return Response.redirect(to: Route.organisations(.index).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een organisatie met deze naam.")
            }
        }
        return page(OrganisationPages.new(context: context.page, form: form, kinds: kinds, errors: errors), status: 422)
    }

    func getOrganisation(id: Int64, _ context: Context) throws -> Response {
        let (found, kinds, count) = try database.read { c in
            (try Organisations.find(id: id, c), try ProgrammeSettings.organisationKinds(c), try Organisations.ikcCount(id: id, c))
        }
        guard let organisation = found else { throw AppError.notFound }
        return page(OrganisationPages.edit(context: context.page, form: organisation, kinds: kinds, ikcCount: count,
                                           canEdit: canWrite(context, .organisation), errors: ValidationErrors()))
    }

    func postOrganisation(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let (found, kinds, count) = try database.read { c in
            (try Organisations.find(id: id, c), try ProgrammeSettings.organisationKinds(c), try Organisations.ikcCount(id: id, c))
        }
        guard let stored = found else { throw AppError.notFound }
        let expected = try Application.lockVersion(request)
        let form = Application.organisationForm(request, id: id, lockVersion: expected)
        var errors = try validateOrganisation(form, kinds: kinds)
        if stored.kind == "koepel", form.kind != "koepel", errors["kind"] == nil,
           try database.read({ try Organisations.koepelOfCount(id: id, $0) }) > 0 {
            errors.add("kind", "Deze organisatie is de koepel van een of meer IKC's; kies eerst bij die IKC's een andere koepel.")
        }
        if errors.isEmpty {
            let actor = context.principal?.userID
            do {
                try database.write { c in
                    let old = try Organisations.update(form, c)
                    if let diff = Application.auditDiff(Application.organisationFields(old, kinds: kinds), Application.organisationFields(form, kinds: kinds)) {
                        try AuditLog.record(userID: actor, action: "update", recordType: "organisation", recordID: id,
                                            summary: "Organisatie \(form.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
                    }
                }
                return Response.redirect(to: Route.organisations(.index).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try database.read({ try Organisations.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = Application.conflictFields(stored: Application.organisationFields(current, kinds: kinds),
                                                        submitted: Application.organisationFields(form, kinds: kinds))
                return page(ConflictPanel.page(context: context.page.with(.organisations), title: "Organisatie \(current.name)",
                                               fields: fields, reopen: .organisations(.organisation(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een organisatie met deze naam.")
            }
        }
        return page(OrganisationPages.edit(context: context.page, form: form, kinds: kinds, ikcCount: count, canEdit: true, errors: errors), status: 422)
    }
}
