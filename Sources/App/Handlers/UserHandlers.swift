import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func getUsers(_ request: Request, _ context: Context) throws -> Response {
        let (users, ikcs) = try database.read { c in (try Users.all(c), try IKCs.names(c)) }
        var names: [Int64: String] = [:]
        for ikc in ikcs { names[ikc.id] = ikc.name }
        let notice = request.query["saved"] == "1" ? "De wijzigingen zijn opgeslagen." : nil
        return page(UserPages.list(context: context.page, users: users, ikcNames: names, notice: notice))
    }

    func getUserNew(_ context: Context) throws -> Response {
        let ikcs = try database.read { try IKCs.names($0) }
        return page(UserPages.new(context: context.page, form: UserForm(), ikcs: ikcs, errors: ValidationErrors()))
    }

    static func ikcIDs(_ values: [String]) -> [Int64] { values.compactMap { Int64($0) } }

    func postUserNew(_ request: Request, _ context: Context) throws -> Response {
        let values = request.formValues()
        let form = UserForm(name: (values["name"] ?? "").trimmingWhitespace(), email: (values["email"] ?? "").trimmingWhitespace(),
                            role: values["role"] ?? "", ikcIDs: Application.ikcIDs(values.all("ikcs")))
        var errors = form.validate()
        let ikcs = try database.read { try IKCs.names($0) }
        let known = Set(ikcs.map(\.id))
        if form.ikcIDs.contains(where: { !known.contains($0) }) { errors.add("ikcs", "Kies een bestaand IKC.") }
        if errors["email"] == nil, try database.read({ try Users.emailExists(form.email, $0) }) {
            errors.add("email", "Er is al een account met dit e-mailadres.")
        }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else {
            return page(UserPages.new(context: context.page, form: form, ikcs: ikcs, errors: errors), status: 422)
        }
        let token = Tokens.newToken()
        let now = Timestamp.unixNow()
        let actor = context.principal?.userID
        let id = try database.write { c -> Int64 in
            let id = try Users.create(name: form.name, email: form.email, role: role, passwordHash: nil, mustChangePassword: false,
                                      ikcIDs: form.ikcIDs, c)
            try PasswordTokens.create(tokenHash: Tokens.hash(token), userID: id, expiresAt: now + 7 * 24 * 3600, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "user", recordID: id,
                                summary: "Gebruiker \(form.name) aangemaakt", newValues: AuditLog.json([
                                    ("name", form.name), ("email", form.email), ("role", role.rawValue),
                                    ("ikcs", form.ikcIDs.map(String.init).joined(separator: ",")),
                                ]), c)
            return id
        }
        guard let user = try database.read({ try Users.find(id: id, $0) }) else { throw AppError.notFound }
        return page(UserPages.created(context: context.page, user: user, link: absoluteURL(Route.setPassword(token: token).path)))
    }

    /// A new one-time link for an existing, active account (a forgotten password). The old
    /// password keeps working until the link is used; earlier unused links stop working.
    func postUserPasswordLink(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let user = try database.read({ try Users.find(id: id, $0) }) else { throw AppError.notFound }
        guard user.active else { throw AppError.notEditable(detail: "Een gedeactiveerd account krijgt geen wachtwoordlink. Activeer het eerst.") }
        let token = Tokens.newToken()
        let now = Timestamp.unixNow()
        try database.write { c in
            try PasswordTokens.revokeUnused(userID: id, now: now, c)
            try PasswordTokens.create(tokenHash: Tokens.hash(token), userID: id, expiresAt: now + 7 * 24 * 3600, c)
            try AuditLog.record(userID: context.principal?.userID, action: "password-link", recordType: "user", recordID: id,
                                summary: "Nieuwe wachtwoordlink voor \(user.name)", c)
        }
        return page(UserPages.passwordLink(context: context.page, user: user, link: absoluteURL(Route.setPassword(token: token).path)))
    }

    func getUser(id: Int64, _ context: Context) throws -> Response {
        let (user, ikcs) = try database.read { c in (try Users.find(id: id, c), try IKCs.names(c)) }
        guard let user else { throw AppError.notFound }
        return page(UserPages.edit(context: context.page, user: user, role: user.role.rawValue, active: user.active,
                                   ikcIDs: user.ikcIDs, ikcs: ikcs, errors: ValidationErrors()))
    }

    func postUser(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let (found, ikcs) = try database.read { c in (try Users.find(id: id, c), try IKCs.names(c)) }
        guard let user = found else { throw AppError.notFound }
        let values = request.formValues()
        let roleText = values["role"] ?? ""
        let active = values["active"] == "1"
        let ikcIDs = Application.ikcIDs(values.all("ikcs"))
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        var errors = ValidationErrors()
        let role = Role(rawValue: roleText)
        if role == nil { errors.add("role", "Kies een rol.") }
        if role == .directeur && ikcIDs.isEmpty { errors.add("ikcs", "Kies het IKC (of de IKC's) van deze directeur.") }
        let known = Set(ikcs.map(\.id))
        if ikcIDs.contains(where: { !known.contains($0) }) { errors.add("ikcs", "Kies een bestaand IKC.") }
        if user.id == context.principal?.userID && (!active || role != .projectleider) {
            errors.add("role", "U kunt uw eigen rol niet wijzigen en uzelf niet deactiveren.")
        }
        guard errors.isEmpty, let role else {
            return page(UserPages.edit(context: context.page, user: user, role: roleText, active: active, ikcIDs: ikcIDs,
                                       ikcs: ikcs, errors: errors), status: 422)
        }
        let actor = context.principal?.userID
        try database.write { c in
            try Users.update(id: id, expectedVersion: expected, role: role, active: active, ikcIDs: ikcIDs, c)
            if let diff = AuditLog.diff([
                ("role", user.role.rawValue, role.rawValue),
                ("active", user.active ? "1" : "0", active ? "1" : "0"),
                ("ikcs", user.ikcIDs.map(String.init).joined(separator: ","), (role == .directeur ? ikcIDs : []).sorted().map(String.init).joined(separator: ",")),
            ]) {
                try AuditLog.record(userID: actor, action: "update", recordType: "user", recordID: id,
                                    summary: "Gebruiker \(user.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
            }
        }
        return Response.redirect(to: Route.users.path + "?saved=1")
    }

    func getAuditLog(_ request: Request, _ context: Context) throws -> Response {
        let recordType = request.query["record"].flatMap { $0.isEmpty ? nil : $0 }
        let recordID = request.query["id"].flatMap { Int64($0) }
        let entries = try database.read { try AuditLog.entries(recordType: recordType, recordID: recordID, $0) }
        let rows = entries.map {
            AuditPage.Entry(at: $0.at, userName: $0.userName, action: $0.action, recordType: $0.recordType, recordID: $0.recordID,
                            summary: $0.summary, oldValues: $0.oldValues, newValues: $0.newValues)
        }
        return page(AuditPage.render(context: context.page, entries: rows, recordType: recordType, recordID: recordID))
    }
}
