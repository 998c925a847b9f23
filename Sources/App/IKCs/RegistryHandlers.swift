import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleRegistry(_ route: RegistryRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .ikcs: return try getIKCs(request, context)
        case .ikc(let id): return try getIKC(id: id, request, context)
        case .ikcNew: return isPost ? try postIKCNew(request, context) : try getIKCNew(context)
        case .ikcEdit(let id): return isPost ? try postIKCEdit(id: id, request, context) : try getIKCEdit(id: id, context)
        case .ikcPlus(let id): return isPost ? try postIKCPlus(id: id, request, context) : try getIKCPlus(id: id, request, context)
        case .ikcConditions(let id): return try postIKCConditions(id: id, request, context)
        case .organisations: return try getOrganisations(request, context)
        case .organisationNew: return isPost ? try postOrganisationNew(request, context) : try getOrganisationNew(context)
        case .organisation(let id): return isPost ? try postOrganisation(id: id, request, context) : try getOrganisation(id: id, context)
        case .areas: return try getAreas(request, context)
        case .areaNew: return isPost ? try postAreaNew(request, context) : page(AreaPages.new(context: context.page, form: AreaForm(), errors: ValidationErrors()))
        case .area(let id): return isPost ? try postArea(id: id, request, context) : try getArea(id: id, request, context)
        case .areaIndicators(let id): return try postAreaIndicator(id: id, request, context)
        case .areaImport: return isPost ? try postAreaImport(request, context) : page(AreaPages.importPage(context: context.page, problems: [], filename: nil, notice: nil))
        }
    }

    /// Today's date, for due and overdue checks (`AppConfiguration.today`).
    func today() -> Day { configuration.today() }

    func programme(_ context: Context) throws -> Programme {
        if let programme = context.page.programme { return programme }
        return try database.read { try ProgrammeSettings.programme($0) }
    }

    func canWrite(_ context: Context, _ record: RecordKind) -> Bool {
        context.principal.map { Authorization.allows($0, .write, record) } ?? false
    }

    static func savedNotice(_ request: Request) -> String? {
        switch request.query["saved"] {
        case "1": "De wijzigingen zijn opgeslagen."
        case "new": "Het gegeven is toegevoegd."
        case "import": "\(request.query["rows"] ?? "De") indicatoren zijn geïmporteerd."
        default: nil
        }
    }

    // MARK: - Home

    func getHome(_ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let programme = try programme(context)
        let today = self.today()
        let year = programme.year(containing: today)
        var summary = try database.read { c -> HomePage.Summary in
            var summary = HomePage.Summary(ikcCount: try IKCs.count(c), plusCount: try IKCs.countPlus(c), currentYear: year)
            let rows = try IKCs.overview(IKCs.Filter(), c)
            switch principal.role {
            case .projectleider:
                summary.agreementsInConcept = rows.compactMap { row in
                    guard let status = row.agreementStatus, status == "concept" || status == "ter_ondertekening" else { return nil }
                    return (row.id, row.name, status)
                }
                summary.predicatesDue = rows.compactMap { row in
                    guard let due = Application.predicateDue(row.predicate, programme: programme, today: today) else { return nil }
                    return (row.id, row.name, due < today ? "\(due.dutch) (verstreken)" : due.dutch)
                }
                summary.submittedPlans = try IKCs.submittedPlans(c).map { ($0.planID, $0.name, $0.year) }
                summary.areasOverdue = try Areas.all(c).filter { $0.reassessmentOverdue(today: today, years: programme.areaReassessmentYears) }
                    .map { ($0.id, $0.name) }
                summary.overCommitted = try FundingSources.overCommitted(c).flatMap { source in
                    source.years.map { (source.sourceID, source.name, $0.year, $0.cents) }
                }
            case .directeur:
                let own = Set(principal.ikcIDs)
                summary.ownIKCs = try rows.filter { own.contains($0.id) }.map { ($0.id, $0.name, try IKCs.planStatus(ikcID: $0.id, year: year, c)) }
                for ikc in summary.ownIKCs {
                    summary.earlierPlans += try IKCs.openPlans(ikcID: ikc.id, before: year, c).map { (ikc.id, $0.planID, $0.year, $0.status) }
                }
            case .ontwikkelgroep:
                summary.reports = try Reports.all(c).filter { $0.status == "published" }
                    .map { ($0.id, programme.yearLabel($0.year), $0.edition) }
            }
            return summary
        }
        summary.planReminders = try planReminderItems(principal, today: today)  // year plan deadlines (issue 9)
        return page(HomePage.render(context: context.page, summary: summary))
    }

    /// The date that makes a predicate due (next re-assessment or term end, whichever comes
    /// first) when it falls within three months of today or has passed; nil otherwise.
    static func predicateDue(_ predicate: PlusPredicate?, programme: Programme, today: Day) -> Day? {
        guard let predicate, predicate.isDue(today: today, termYears: programme.plusTermYears, everyYears: programme.plusReassessmentYears) else { return nil }
        return min(predicate.nextReassessment(everyYears: programme.plusReassessmentYears), predicate.termEnds(termYears: programme.plusTermYears))
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
            return Response.redirect(to: Route.registry(.ikc(id)).path + "?saved=new")
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
                                           reopen: .registry(.ikcEdit(id))), status: 409)
        } catch StoreError.duplicate {
            var errors = ValidationErrors()
            errors.add("name", "Er is al een IKC met deze naam.")
            return page(IKCPages.edit(context: context.page, id: id, lockVersion: expected, title: stored.name, form: form,
                                      choices: choices, errors: errors), status: 422)
        }
        return Response.redirect(to: Route.registry(.ikc(id)).path + "?saved=1")
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
                                           reopen: .registry(.ikcPlus(id))), status: 409)
        }
        return Response.redirect(to: Route.registry(.ikcPlus(id)).path + "?saved=1")
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
        return Response.redirect(to: Route.registry(.ikcPlus(id)).path + "?saved=1")
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
                return Response.redirect(to: Route.registry(.organisations).path + "?saved=new")
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
                return Response.redirect(to: Route.registry(.organisations).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try database.read({ try Organisations.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = Application.conflictFields(stored: Application.organisationFields(current, kinds: kinds),
                                                        submitted: Application.organisationFields(form, kinds: kinds))
                return page(ConflictPanel.page(context: context.page.with(.organisations), title: "Organisatie \(current.name)",
                                               fields: fields, reopen: .registry(.organisation(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een organisatie met deze naam.")
            }
        }
        return page(OrganisationPages.edit(context: context.page, form: form, kinds: kinds, ikcCount: count, canEdit: true, errors: errors), status: 422)
    }

    // MARK: - Areas

    func areaRow(_ area: Area, _ programme: Programme, today: Day) -> AreaPages.Row {
        AreaPages.Row(area: area, overdue: area.reassessmentOverdue(today: today, years: programme.areaReassessmentYears),
                      nextReassessment: area.reassessedOn?.addingYears(programme.areaReassessmentYears))
    }

    func getAreas(_ request: Request, _ context: Context) throws -> Response {
        let programme = try programme(context)
        let today = self.today()
        let areas = try database.read { try Areas.all($0) }
        return page(AreaPages.list(context: context.page, rows: areas.map { areaRow($0, programme, today: today) },
                                   years: programme.areaReassessmentYears, canEdit: canWrite(context, .area),
                                   notice: Application.savedNotice(request)))
    }

    static func areaForm(_ request: Request) -> AreaForm {
        let v = request.formValues()
        return AreaForm(name: v["name"] ?? "", isPriority: v["isPriority"] == "1", reassessedOn: v["reassessedOn"] ?? "", notes: v["notes"] ?? "")
    }

    static func areaFields(_ a: Area) -> [(String, String, String)] {
        [("name", "Naam", a.name), ("is_priority", "Aandachtsgebied", a.isPriority ? "ja" : "nee"),
         ("reassessed_on", "Laatste herijking", a.reassessedOn?.iso ?? ""), ("notes", "Toelichting", a.notes)]
    }

    func validateArea(_ form: AreaForm, id: Int64) throws -> ValidationErrors {
        var errors = form.validate(today: self.today())
        if errors["name"] == nil, try database.read({ try Areas.nameExists(form.name.trimmingWhitespace(), excluding: id, $0) }) {
            errors.add("name", "Er is al een gebied met deze naam.")
        }
        return errors
    }

    func postAreaNew(_ request: Request, _ context: Context) throws -> Response {
        let form = Application.areaForm(request)
        var errors = try validateArea(form, id: 0)
        if errors.isEmpty {
            let area = form.area()
            let actor = context.principal?.userID
            do {
                let id = try database.write { c -> Int64 in
                    let id = try Areas.create(area, c)
                    try AuditLog.record(userID: actor, action: "create", recordType: "area", recordID: id, summary: "Gebied \(area.name) aangemaakt",
                                        newValues: Application.auditJSON(Application.areaFields(area)), c)
                    return id
                }
                return Response.redirect(to: Route.registry(.area(id)).path + "?saved=new")
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een gebied met deze naam.")
            }
        }
        return page(AreaPages.new(context: context.page, form: form, errors: errors), status: 422)
    }

    func areaPage(id: Int64, _ context: Context, form: AreaForm?, lockVersion: Int64?, errors: ValidationErrors,
                  indicatorForm: AreaPages.IndicatorForm, indicatorErrors: ValidationErrors, notice: String?, status: Int = 200) throws -> Response {
        let programme = try programme(context)
        let (found, indicators, ikcs) = try database.read { c in
            (try Areas.find(id: id, c), try Areas.indicators(areaID: id, c),
             try IKCs.overview(IKCs.Filter(areaID: id), c).map { ($0.id, $0.name) })
        }
        guard let area = found else { throw AppError.notFound }
        let detail = AreaPages.Detail(row: areaRow(area, programme, today: self.today()), lockVersion: lockVersion ?? area.lockVersion,
                                      form: form ?? AreaForm(area), indicators: indicators, ikcs: ikcs)
        return page(AreaPages.detail(context: context.page, detail: detail, canEdit: canWrite(context, .area), errors: errors,
                                     indicatorForm: indicatorForm, indicatorErrors: indicatorErrors, notice: notice), status: status)
    }

    func getArea(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        try areaPage(id: id, context, form: nil, lockVersion: nil, errors: ValidationErrors(), indicatorForm: AreaPages.IndicatorForm(),
                     indicatorErrors: ValidationErrors(), notice: Application.savedNotice(request))
    }

    func postArea(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard try database.read({ try Areas.find(id: id, $0) }) != nil else { throw AppError.notFound }
        let expected = try Application.lockVersion(request)
        let form = Application.areaForm(request)
        var errors = try validateArea(form, id: id)
        if errors.isEmpty {
            let area = form.area(id: id, lockVersion: expected)
            let actor = context.principal?.userID
            do {
                try database.write { c in
                    let old = try Areas.update(area, c)
                    if let diff = Application.auditDiff(Application.areaFields(old), Application.areaFields(area)) {
                        try AuditLog.record(userID: actor, action: "update", recordType: "area", recordID: id, summary: "Gebied \(area.name) gewijzigd",
                                            oldValues: diff.old, newValues: diff.new, c)
                    }
                }
                return Response.redirect(to: Route.registry(.area(id)).path + "?saved=1")
            } catch StoreError.staleVersion {
                guard let current = try database.read({ try Areas.find(id: id, $0) }) else { throw AppError.notFound }
                let fields = Application.conflictFields(stored: Application.areaFields(current), submitted: Application.areaFields(area))
                return page(ConflictPanel.page(context: context.page.with(.areas), title: "Gebied \(current.name)", fields: fields,
                                               reopen: .registry(.area(id))), status: 409)
            } catch StoreError.duplicate {
                errors.add("name", "Er is al een gebied met deze naam.")
            }
        }
        return try areaPage(id: id, context, form: form, lockVersion: expected, errors: errors, indicatorForm: AreaPages.IndicatorForm(),
                            indicatorErrors: ValidationErrors(), notice: nil, status: 422)
    }

    func postAreaIndicator(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let area = try database.read({ try Areas.find(id: id, $0) }) else { throw AppError.notFound }
        let programme = try programme(context)
        let v = request.formValues()
        let form = AreaPages.IndicatorForm(year: v["year"] ?? "", indicator: v["indicator"] ?? "", value: v["value"] ?? "", source: v["source"] ?? "")
        let errors = AreaIndicatorEntry.validate(year: form.year, indicator: form.indicator, value: form.value, source: form.source, years: programme.years)
        guard errors.isEmpty, let indicator = AreaIndicatorEntry.indicator(areaID: id, year: form.year, indicator: form.indicator,
                                                                          value: form.value, source: form.source) else {
            return try areaPage(id: id, context, form: nil, lockVersion: nil, errors: ValidationErrors(), indicatorForm: form,
                                indicatorErrors: errors, notice: nil, status: 422)
        }
        let actor = context.principal?.userID
        try database.write { c in
            let old = try Areas.setIndicator(indicator, c)
            try AuditLog.record(userID: actor, action: old == nil ? "create" : "update", recordType: "area_indicator", recordID: id,
                                summary: "Indicator '\(indicator.indicator)' \(indicator.year) van \(area.name)",
                                oldValues: old.map { AuditLog.json([("indicator", indicator.indicator), ("year", String(indicator.year)), ("value", String($0))]) },
                                newValues: AuditLog.json([("indicator", indicator.indicator), ("year", String(indicator.year)), ("value", String(indicator.value)), ("source", indicator.source)]), c)
        }
        return Response.redirect(to: Route.registry(.area(id)).path + "?saved=1")
    }

    func postAreaImport(_ request: Request, _ context: Context) throws -> Response {
        guard let parts = request.multipartParts(), let file = parts.first(where: { $0.name == "file" }) else {
            return page(AreaPages.importPage(context: context.page, problems: [ImportProblem(line: 0, message: "Kies een CSV-bestand.")],
                                             filename: nil, notice: nil), status: 422)
        }
        let programme = try programme(context)
        let areas = try database.read { try Areas.names($0) }
        // Excel writes UTF-8 only when asked ("CSV UTF-8"); anything else is refused, not guessed.
        guard let text = String(validating: file.data, as: UTF8.self) else {
            return page(AreaPages.importPage(context: context.page, problems: [ImportProblem(line: 0, message: "Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8'.")],
                                             filename: file.filename, notice: nil), status: 422)
        }
        switch AreaIndicatorImport.parse(text, areas: areas, years: programme.years) {
        case .failure(let problems):
            return page(AreaPages.importPage(context: context.page, problems: problems.items, filename: file.filename, notice: nil), status: 422)
        case .success(let indicators):
            let actor = context.principal?.userID
            try database.write { c in
                var replaced = 0
                for indicator in indicators where try Areas.setIndicator(indicator, c) != nil { replaced += 1 }
                try AuditLog.record(userID: actor, action: "import", recordType: "area_indicator", recordID: nil,
                                    summary: "\(indicators.count) gebiedsindicatoren geïmporteerd uit \(file.filename ?? "CSV") (\(replaced) vervangen)",
                                    newValues: AuditLog.json([("rows", String(indicators.count)), ("replaced", String(replaced)), ("file", file.filename)]), c)
            }
            return Response.redirect(to: Route.registry(.areas).path + "?saved=import&rows=\(indicators.count)")
        }
    }
}
