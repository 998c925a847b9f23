import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleIKCs(_ route: IKCRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: return try getIKCs(request, context)
        case .ikc(let id): return try getIKC(id: id, request, context)
        case .new: return isPost ? try postIKCNew(request, context) : try getIKCNew(context)
        case .edit(let id): return isPost ? try postIKCEdit(id: id, request, context) : try getIKCEdit(id: id, context)
        case .plus(let id): return isPost ? try postIKCPlus(id: id, request, context) : try getIKCPlus(id: id, request, context)
        case .conditions(let id): return try postIKCConditions(id: id, request, context)
        }
    }

    // MARK: - IKCs

    func getIKCs(_ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let q = request.query
        let form = IKCPages.FilterForm(kind: q["kind"] ?? "", koepel: q["koepel"] ?? "", area: q["area"] ?? "", sort: q["sort"] == "-name" ? "-name" : "name")
        let filter = IKCs.Filter(kind: IKCKind(rawValue: form.kind), koepelID: Int64(form.koepel), areaID: Int64(form.area), descending: form.sort == "-name")
        let programme = try programme(context)
        let today = self.today()
        let data = try database.read { c in
            try caches.ikcList.value(filter, c) { c in
                IKCListData(rows: try IKCs.overview(filter, c), progress: try IKCs.progress(c),
                            koepels: try Organisations.named(kind: "koepel", c), areas: try Areas.names(c))
            }
        }
        let progress = data.progress, koepels = data.koepels, areas = data.areas
        var rows = data.rows
        if principal.role == .directeur {
            rows = rows.filter { Authorization.allows(principal, .read, .ikc, ikcID: $0.id) }
        }
        let viewRows = rows.map {
            IKCPages.Row(id: $0.id, name: $0.name, kind: $0.kind, koepel: $0.koepel, area: $0.area, agreementStatus: $0.agreementStatus,
                         progress: progress[$0.id], predicateDue: Application.predicateDue($0.predicate, programme: programme, today: today))
        }
        return page(IKCPages.list(context: context.page, rows: viewRows, filter: form, koepels: koepels, areas: areas,
                                  canEdit: canWrite(context, .ikc), notice: Application.savedNotice(request)))
    }

    func getIKC(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let programme = try programme(context)
        let today = self.today()
        let detail = try database.read { c -> IKCPages.Detail? in
            guard let ikc = try IKCs.find(id: id, c) else { return nil }
            let names = try Organisations.names(c)
            let area = try ikc.areaID.flatMap { try Areas.find(id: $0, c) }
            let predicate = try IKCs.predicate(ikcID: id, c)
            let agreement = try IKCs.agreementSummary(ikcID: id, c).map {
                IKCPages.AgreementInBrief(firstYear: $0.firstYear, lastYear: $0.lastYear, versionNumber: $0.versionNumber, status: $0.status,
                                          results: $0.results, contributionCents: $0.contributionCents, parties: $0.parties)
            }
            return IKCPages.Detail(
                ikc: ikc, koepel: names[ikc.koepelID] ?? "", area: area,
                areaOverdue: area?.reassessmentOverdue(today: today, years: programme.areaReassessmentYears) ?? false,
                childcare: ikc.childcareIDs.compactMap { names[$0] }, agreement: agreement,
                plans: try IKCs.yearPlans(ikcID: id, c).map { ($0.year, $0.status) }, predicate: predicate,
                nextReassessment: predicate?.nextReassessment(everyYears: programme.plusReassessmentYears),
                termEnds: predicate?.termEnds(termYears: programme.plusTermYears),
                predicateDue: Application.predicateDue(predicate, programme: programme, today: today) != nil,
                conditions: try IKCs.conditions(ikcID: id, c),
                indicators: try area.map { try Areas.indicators(areaID: $0.id, c) } ?? [])
        }
        guard let detail else { throw AppError.notFound }
        // Ownership is checked after loading: a director reads only the own IKC.
        guard Authorization.allows(principal, .read, .ikc, ikcID: detail.ikc.id) else { throw AppError.forbidden }
        return page(IKCPages.detail(context: context.page, detail: detail, canEdit: canWrite(context, .ikc), notice: Application.savedNotice(request)))
    }

    func ikcChoices(_ c: Connection) throws -> IKCPages.Choices {
        IKCPages.Choices(koepels: try Organisations.named(kind: "koepel", c), childcare: try Organisations.named(kind: "kinderopvang", c),
                         areas: try Areas.names(c))
    }

    func getIKCNew(_ context: Context) throws -> Response {
        let choices = try database.read { try ikcChoices($0) }
        return page(IKCPages.new(context: context.page, form: IKCForm(), choices: choices, errors: ValidationErrors()))
    }

    static func ikcForm(_ request: Request) -> IKCForm {
        let v = request.formValues()
        return IKCForm(name: v["name"] ?? "", kind: v["kind"] ?? "", koepelID: v["koepelID"] ?? "", areaID: v["areaID"] ?? "",
                       directorName: v["directorName"] ?? "", childrenCount: v["childrenCount"] ?? "", profile: v["profile"] ?? "",
                       childcareIDs: v.all("childcareIDs"))
    }

    func validateIKC(_ form: IKCForm, id: Int64, _ choices: IKCPages.Choices) throws -> ValidationErrors {
        var errors = form.validate(koepels: Set(choices.koepels.map(\.id)), areas: Set(choices.areas.map(\.id)),
                                   childcare: Set(choices.childcare.map(\.id)))
        let name = form.name.trimmingWhitespace()
        if errors["name"] == nil, try database.read({ try IKCs.nameExists(name, excluding: id, $0) }) {
            errors.add("name", "Er is al een IKC met deze naam.")
        }
        return errors
    }

    /// The fields of an IKC for the audit log and the conflict page: (key, label, text).
    static func ikcFields(_ ikc: IKC, _ choices: IKCPages.Choices) -> [(String, String, String)] {
        let koepel = choices.koepels.first { $0.id == ikc.koepelID }?.name ?? String(ikc.koepelID)
        let area = ikc.areaID.map { id in choices.areas.first { $0.id == id }?.name ?? String(id) } ?? ""
        let childcare = ikc.childcareIDs.map { id in choices.childcare.first { $0.id == id }?.name ?? String(id) }.joined(separator: ", ")
        return [("name", "Naam", ikc.name), ("kind", "Soort", ikc.kind.label), ("koepel", "Koepel", koepel), ("area", "Gebied", area),
                ("childcare", "Kinderopvang", childcare), ("director", "Directeur", ikc.directorName),
                ("children", "Aantal kinderen", ikc.childrenCount.map(String.init) ?? ""), ("profile", "Profiel", ikc.profile)]
    }

    static func auditJSON(_ fields: [(String, String, String)]) -> String {
        AuditLog.json(fields.map { ($0.0, $0.2) })
    }

    static func auditDiff(_ old: [(String, String, String)], _ new: [(String, String, String)]) -> (old: String, new: String)? {
        AuditLog.diff(zip(old, new).map { ($0.0, $0.2, $1.2) })
    }

    static func conflictFields(stored: [(String, String, String)], submitted: [(String, String, String)]) -> [ConflictPanel.Field] {
        zip(stored, submitted).map { ConflictPanel.Field($0.1, stored: $0.2, submitted: $1.2) }
    }

    func postIKCNew(_ request: Request, _ context: Context) throws -> Response {
        let form = Application.ikcForm(request)
        let choices = try database.read { try ikcChoices($0) }
        let errors = try validateIKC(form, id: 0, choices)
        guard errors.isEmpty else {
            return page(IKCPages.new(context: context.page, form: form, choices: choices, errors: errors), status: 422)
        }
        let ikc = form.ikc()
        let actor = context.principal?.userID
        do {
            let id = try database.write { c -> Int64 in
                let id = try IKCs.create(ikc, c)
                try AuditLog.record(userID: actor, action: "create", recordType: "ikc", recordID: id, summary: "IKC \(ikc.name) aangemaakt",
                                    newValues: Application.auditJSON(Application.ikcFields(ikc, choices)), c)
                return id
            }
            return Response.redirect(to: Route.ikcs(.ikc(id)).path + "?saved=new")
        } catch StoreError.duplicate {
            var errors = ValidationErrors()
            errors.add("name", "Er is al een IKC met deze naam.")
            return page(IKCPages.new(context: context.page, form: form, choices: choices, errors: errors), status: 422)
        }
    }

    func getIKCEdit(id: Int64, _ context: Context) throws -> Response {
        let (found, choices) = try database.read { c in (try IKCs.find(id: id, c), try ikcChoices(c)) }
        guard let ikc = found else { throw AppError.notFound }
        return page(IKCPages.edit(context: context.page, id: id, lockVersion: ikc.lockVersion, title: ikc.name, form: IKCForm(ikc),
                                  choices: choices, errors: ValidationErrors()))
    }

    static func lockVersion(_ request: Request) throws -> Int64 {
        guard let version = Int64(request.formValues()["lock_version"] ?? "") else {
            throw AppError.badRequest("Het formulier mist zijn versie.")
        }
        return version
    }

    func postIKCEdit(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let (found, choices) = try database.read { c in (try IKCs.find(id: id, c), try ikcChoices(c)) }
        guard let stored = found else { throw AppError.notFound }
        let expected = try Application.lockVersion(request)
        let form = Application.ikcForm(request)
        let errors = try validateIKC(form, id: id, choices)
        guard errors.isEmpty else {
            return page(IKCPages.edit(context: context.page, id: id, lockVersion: expected, title: stored.name, form: form,
                                      choices: choices, errors: errors), status: 422)
        }
        let ikc = form.ikc(id: id, lockVersion: expected)
        let actor = context.principal?.userID
        do {
            try database.write { c in
                let old = try IKCs.update(ikc, c)
                if let diff = Application.auditDiff(Application.ikcFields(old, choices), Application.ikcFields(ikc, choices)) {
                    try AuditLog.record(userID: actor, action: "update", recordType: "ikc", recordID: id, summary: "IKC \(ikc.name) gewijzigd",
                                        oldValues: diff.old, newValues: diff.new, c)
                }
            }
        } catch StoreError.staleVersion {
            let current = try database.read { try IKCs.find(id: id, $0) } ?? stored
            let fields = Application.conflictFields(stored: Application.ikcFields(current, choices), submitted: Application.ikcFields(ikc, choices))
            return page(ConflictPanel.page(context: context.page.with(.ikcs), title: "IKC \(current.name)", fields: fields,
                                           reopen: .ikcs(.edit(id))), status: 409)
        } catch StoreError.duplicate {
            var errors = ValidationErrors()
            errors.add("name", "Er is al een IKC met deze naam.")
            return page(IKCPages.edit(context: context.page, id: id, lockVersion: expected, title: stored.name, form: form,
                                      choices: choices, errors: errors), status: 422)
        }
        return Response.redirect(to: Route.ikcs(.ikc(id)).path + "?saved=1")
    }

    // MARK: - Plus predicate and conditions

    func plusPage(id: Int64, _ context: Context, form: PlusPredicateForm?, errors: ValidationErrors, notice: String?, status: Int = 200) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let programme = try programme(context)
        let (found, predicate, conditions) = try database.read { c in
            (try IKCs.find(id: id, c), try IKCs.predicate(ikcID: id, c), try IKCs.conditions(ikcID: id, c))
        }
        guard let ikc = found else { throw AppError.notFound }
        guard Authorization.allows(principal, .read, .ikc, ikcID: id) else { throw AppError.forbidden }
        return page(IKCPages.plus(context: context.page, ikc: ikc, predicate: predicate,
                                  form: form ?? predicate.map(PlusPredicateForm.init) ?? PlusPredicateForm(),
                                  nextReassessment: predicate?.nextReassessment(everyYears: programme.plusReassessmentYears),
                                  termEnds: predicate?.termEnds(termYears: programme.plusTermYears), conditions: conditions,
                                  canEdit: canWrite(context, .ikc), errors: errors, notice: notice), status: status)
    }

    func getIKCPlus(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        try plusPage(id: id, context, form: nil, errors: ValidationErrors(), notice: Application.savedNotice(request))
    }

    static func predicateFields(_ p: PlusPredicate?) -> [(String, String, String)] {
        [("granted_on", "Toegekend op", p?.grantedOn.iso ?? ""), ("last_reassessed_on", "Laatste herijking", p?.lastReassessedOn?.iso ?? ""),
         ("notes", "Toelichting", p?.notes ?? "")]
    }

    func postIKCPlus(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let ikc = try database.read({ try IKCs.find(id: id, $0) }) else { throw AppError.notFound }
        let v = request.formValues()
        let expected = (v["lock_version"] ?? "").isEmpty ? nil : Int64(v["lock_version"] ?? "")
        let form = PlusPredicateForm(grantedOn: v["grantedOn"] ?? "", lastReassessedOn: v["lastReassessedOn"] ?? "", notes: v["notes"] ?? "")
        let errors = form.validate()
        guard errors.isEmpty, let predicate = form.predicate(ikcID: id) else {
            return try plusPage(id: id, context, form: form, errors: errors, notice: nil, status: 422)
        }
        let actor = context.principal?.userID
        do {
            try database.write { c in
                let old = try IKCs.setPredicate(predicate, expectedVersion: expected, c)
                let oldFields = Application.predicateFields(old), newFields = Application.predicateFields(predicate)
                if old == nil {
                    try AuditLog.record(userID: actor, action: "create", recordType: "plus_predicate", recordID: id,
                                        summary: "Plus-predicaat van \(ikc.name) vastgelegd", newValues: Application.auditJSON(newFields), c)
                } else if let diff = Application.auditDiff(oldFields, newFields) {
                    try AuditLog.record(userID: actor, action: "update", recordType: "plus_predicate", recordID: id,
                                        summary: "Plus-predicaat van \(ikc.name) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
                }
            }
        } catch StoreError.staleVersion {
            let current = try database.read { try IKCs.predicate(ikcID: id, $0) }
            let fields = Application.conflictFields(stored: Application.predicateFields(current), submitted: Application.predicateFields(predicate))
            return page(ConflictPanel.page(context: context.page.with(.ikcs), title: "Het Plus-predicaat van \(ikc.name)", fields: fields,
                                           reopen: .ikcs(.plus(id))), status: 409)
        }
        return Response.redirect(to: Route.ikcs(.plus(id)).path + "?saved=1")
    }

    /// Saves the checklist: every condition whose state or note changed gets the current user
    /// and time; unchanged ones keep who set them when. A condition left "not assessed" is skipped.
    func postIKCConditions(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let ikc = try database.read({ try IKCs.find(id: id, $0) }) else { throw AppError.notFound }
        let v = request.formValues()
        let known = try database.read { try IKCs.conditions(ikcID: id, $0) }
        var changes: [(ConditionCheck, ConditionState, String)] = []
        for check in known {
            let stateText = v["state_\(check.conditionID)"] ?? ""
            guard !stateText.isEmpty else { continue }
            guard let state = ConditionState(rawValue: stateText) else { throw AppError.badRequest("Onbekende stand van een voorwaarde.") }
            let note = (v["note_\(check.conditionID)"] ?? "").trimmingWhitespace()
            guard note.count <= 2000 else { throw AppError.badRequest("Een notitie is te lang (hoogstens 2.000 tekens).") }
            changes.append((check, state, note))
        }
        let actor = context.principal?.userID
        let now = Timestamp.now()
        try database.write { c in
            for (check, state, note) in changes {
                if try IKCs.setCondition(ikcID: id, conditionID: check.conditionID, state: state, note: note, userID: actor, at: now, c) {
                    try AuditLog.record(userID: actor, action: "update", recordType: "plus_condition", recordID: id,
                                        summary: "Voorwaarde \(check.conditionID) van \(ikc.name): \(state.label)",
                                        oldValues: AuditLog.json([("condition", String(check.conditionID)), ("state", check.state?.rawValue), ("note", check.note)]),
                                        newValues: AuditLog.json([("condition", String(check.conditionID)), ("state", state.rawValue), ("note", note)]), c)
                }
            }
        }
        return Response.redirect(to: Route.ikcs(.plus(id)).path + "?saved=1")
    }
}
