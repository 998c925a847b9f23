import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleAgreements(_ route: AgreementRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: return try getAgreements(request, context)
        case .new: return isPost ? try postAgreementNew(request, context) : try getAgreementNew(request, context)
        case .show(let id): return try getAgreement(id: id, request, context)
        case .results(let id): return isPost ? try postAgreementResults(id: id, request, context) : try getAgreementResults(id: id, context)
        case .targets(let id): return try agreementGrid(.targets, id: id, request, context, isPost: isPost)
        case .contributions(let id): return try agreementGrid(.contributions, id: id, request, context, isPost: isPost)
        case .staffing(let id): return try agreementGrid(.staffing, id: id, request, context, isPost: isPost)
        case .texts(let id): return isPost ? try postAgreementTexts(id: id, request, context) : try getAgreementTexts(id: id, context)
        case .status(let id): return try postAgreementStatus(id: id, request, context)
        case .sign(let id): return isPost ? try postAgreementSign(id: id, request, context) : try getAgreementSign(id: id, context)
        case .upload(let id): return try postAgreementUpload(id: id, request, context)
        case .document(let id, let document): return try getAgreementDocument(id: id, documentID: document, context)
        case .amend(let id): return isPost ? try postAgreementAmend(id: id, request, context) : try getAgreementAmend(id: id, context)
        case .compare(let id): return try getAgreementCompare(id: id, request, context)
        case .print(let id): return try getAgreementPrint(id: id, request, context)
        case .exportTargets(let id): return try getAgreementCSV(.targets, id: id, request, context)
        case .exportContributions(let id): return try getAgreementCSV(.contributions, id: id, request, context)
        case .importCSV(let id): return isPost ? try postAgreementImport(id: id, request, context) : try getAgreementImport(id: id, context)
        case .proposal(let id, let plan): return try postAgreementProposal(id: id, planID: plan, request, context)
        case .parties(let id): return isPost ? try postAgreementParties(id: id, request, context) : try getAgreementParties(id: id, context)
        case .removeParty(let id, let org):
            return isPost ? try postAgreementRemoveParty(id: id, organisationID: org, request, context)
                          : try getAgreementRemoveParty(id: id, organisationID: org, context)
        }
    }

    // MARK: - Loading

    /// One agreement version with everything its pages show, after checking the principal may
    /// read this IKC's agreement. `number` nil is the newest version.
    func loadAgreement(_ id: Int64, version number: Int? = nil, withProposals: Bool = false, _ context: Context) throws -> AgreementPageData {
        guard let principal = context.principal else { throw AppError.forbidden }
        let data = try database.read { c -> AgreementPageData? in
            guard let agreement = try Agreements.find(id: id, c) else { return nil }
            guard Authorization.allows(principal, .read, .agreement, ikcID: agreement.ikcID) else { throw AppError.forbidden }
            let versions = try Agreements.versions(agreementID: id, c)
            let chosen = number.map { n in versions.first { $0.number == n } } ?? versions.last
            guard let version = chosen else { return nil }
            let content = try Agreements.content(of: version, c)
            return AgreementPageData(agreement: agreement, content: content, versions: versions, goals: try ProgrammeSettings.goals(c),
                                     sources: try Agreements.fundingSources(c), roles: try ProgrammeSettings.staffingRoles(c),
                                     programme: try ProgrammeSettings.programme(c), documents: try Agreements.documents(agreementID: id, c),
                                     organisationNames: try Organisations.names(c),
                                     proposals: withProposals ? try Application.proposals(agreementID: id, c) : [])
        }
        guard var data else { throw AppError.notFound }
        if data.version.status == .concept {
            data.signingProblems = AgreementRules.problemsBeforeSigning(data.content, goals: data.goals, years: data.years,
                                                                         yearLabel: data.programme.yearLabel)
        }
        return data
    }

    /// The newest version, which must have `status` for a form on it (a fixed one is read-only).
    func loadEditable(_ id: Int64, _ context: Context, status: AgreementStatus = .concept) throws -> AgreementPageData {
        let data = try loadAgreement(id, context)
        guard data.version.status == status else {
            switch data.version.status {
            case .vastgesteld:
                throw AppError.notEditable(detail: "Versie \(data.version.number) is vastgesteld en alleen te lezen. Start een bijstelling om iets te wijzigen.")
            case .terOndertekening:
                throw AppError.notEditable(detail: "Versie \(data.version.number) ligt ter ondertekening. Zet haar eerst terug naar concept om iets te wijzigen.")
            case .concept:
                throw AppError.notEditable(detail: "Versie \(data.version.number) is nog een concept en ligt niet ter ondertekening.")
            }
        }
        return data
    }

    /// The lock_version the form was loaded with; a form without one is not ours.
    func expectedLock(_ values: FormValues, _ data: AgreementPageData) throws -> Int64 {
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        if expected != data.version.lockVersion {
            throw StoreError.staleVersion(record: "agreement_version", id: data.version.id, expected: expected, actual: data.version.lockVersion)
        }
        return expected
    }

    func versionNumber(_ request: Request) -> Int? {
        request.query["version"].flatMap { Int($0) }
    }

    func showAgreement(_ id: Int64, saved: String) -> Response {
        Response.redirect(to: Route.agreements(.show(id)).path + "?saved=" + saved)
    }

    func audit(_ data: AgreementPageData, _ context: Context, action: String, summary: String,
               changes: [(String, String?, String?)], _ c: Connection) throws {
        let diff = AuditLog.diff(changes)
        try AuditLog.record(userID: context.principal?.userID, action: action, recordType: "agreement", recordID: data.agreement.id,
                            summary: "\(summary) (\(data.agreement.ikcName), versie \(data.version.number))",
                            oldValues: diff?.old, newValues: diff?.new, c)
    }

    // MARK: - Overview and page

    func getAgreements(_ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let (rows, goals, programme) = try database.read { c in
            (try Agreements.overview(c), try ProgrammeSettings.goals(c), try ProgrammeSettings.programme(c))
        }
        let visible = rows.filter { Authorization.allows(principal, .read, .agreement, ikcID: $0.ikcID) }.map {
            AgreementOverviewRow(id: $0.id, ikcName: $0.ikcName, firstYear: $0.firstYear, lastYear: $0.lastYear,
                                   versionNumber: $0.versionNumber, status: $0.status,
                                   partyTotals: $0.partyTotals.map { ($0.name, $0.cents) }, resultsPerGoal: $0.resultsPerGoal)
        }
        return page(AgreementPages.overview(context: context.page, rows: visible, goals: goals, programme: programme,
                                            canCreate: Authorization.allows(principal, .write, .agreement), notice: nil))
    }

    static let savedNotices: [String: String] = [
        "created": "De resultaatafspraak is aangemaakt als concept.",
        "results": "De resultaten zijn opgeslagen.",
        "targets": "De streefwaarden zijn opgeslagen.",
        "contributions": "De bijdragen zijn opgeslagen.",
        "staffing": "De formatie is opgeslagen.",
        "texts": "De teksten zijn opgeslagen.",
        "signing": "De afspraak ligt ter ondertekening.",
        "concept": "De afspraak is terug in concept.",
        "signatures": "De ondertekening is opgeslagen.",
        "fixed": "Alle partijen hebben getekend: deze versie is vastgesteld.",
        "document": "Het ondertekende document is toegevoegd.",
        "amended": "De bijstelling is gestart als nieuwe versie in concept.",
        "imported": "De gegevens uit het CSV-bestand zijn opgeslagen.",
        "partner": "De partner is toegevoegd. Bij ondertekening moet ook deze partij tekenen.",
        "partner-removed": "De partner is verwijderd, met zijn bijdragen in deze versie.",
    ]

    func getAgreement(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let canWrite = context.principal.map { Authorization.allows($0, .write, .agreement) } ?? false
        let data = try loadAgreement(id, version: versionNumber(request), withProposals: canWrite, context)
        let notice = request.query["saved"].flatMap { Application.savedNotices[$0] }
        return page(AgreementPages.show(context: context.page, data: data, canWrite: canWrite, notice: notice))
    }

    // MARK: - New agreement

    /// The form for a new agreement. The period comes first (`?first_year=&last_year=`, by default
    /// the programme's): only the Plus IKCs without an agreement covering it are offered.
    func getAgreementNew(_ request: Request, _ context: Context) throws -> Response {
        let (ikcs, programme) = try database.read { c in (try Agreements.plusIKCs(c), try ProgrammeSettings.programme(c)) }
        let form = AgreementPages.NewForm(firstYear: request.query["first_year"] ?? String(max(programme.firstYear, 2022)),
                                          lastYear: request.query["last_year"] ?? String(programme.lastYear))
        var errors = ValidationErrors()
        for (field, message) in AgreementRules.validatePeriod(first: Int(form.firstYear), last: Int(form.lastYear), programme: programme).messages {
            errors.add(field, message)
        }
        let choice = try newAgreementChoice(ikcs, form: form, periodValid: errors.isEmpty)
        return page(AgreementPages.new(context: context.page, form: form, choice: choice, programme: programme, errors: errors),
                    status: errors.isEmpty ? 200 : 422)
    }

    /// The IKCs to offer for the form's period (and the ones left out because they already have an
    /// agreement for it); an IKC the user picked stays selectable so the input is kept.
    func newAgreementChoice(_ ikcs: [(id: Int64, name: String)], form: AgreementPages.NewForm, periodValid: Bool) throws -> AgreementPages.NewChoice {
        guard periodValid, let first = Int(form.firstYear), let last = Int(form.lastYear) else {
            return AgreementPages.NewChoice(offered: [], leftOut: [], periodValid: false)
        }
        let covered = try database.read { try Agreements.ikcIDsWithAgreement(first: first, last: last, $0) }
        return AgreementPages.NewChoice(offered: ikcs.filter { !covered.contains($0.id) || String($0.id) == form.ikcID },
                                        leftOut: ikcs.filter { covered.contains($0.id) && String($0.id) != form.ikcID }.map(\.name),
                                        periodValid: true)
    }

    func postAgreementNew(_ request: Request, _ context: Context) throws -> Response {
        let values = request.formValues()
        let form = AgreementPages.NewForm(ikcID: values["ikc"] ?? "", firstYear: values["first_year"] ?? "", lastYear: values["last_year"] ?? "")
        let (ikcs, programme) = try database.read { c in (try Agreements.plusIKCs(c), try ProgrammeSettings.programme(c)) }
        let first = Int(form.firstYear), last = Int(form.lastYear)
        var errors = ValidationErrors()
        let ikcID = Int64(form.ikcID)
        let ikc = ikcs.first { $0.id == ikcID }
        if ikc == nil { errors.add("ikc", "Kies een Plus IKC.") }
        for (field, message) in AgreementRules.validatePeriod(first: first, last: last, programme: programme).messages {
            errors.add(field, message)
        }
        if errors.isEmpty, let ikc, let first, let last,
           try database.read({ try Agreements.overlapping(ikcID: ikc.id, first: first, last: last, $0) }) != nil {
            errors.add("ikc", "\(ikc.name) heeft al een resultaatafspraak voor (een deel van) deze periode. Er is één afspraak per IKC en periode; stel die bij in plaats van een tweede te maken.")
        }
        guard errors.isEmpty, let ikc, let first, let last else {
            let periodValid = errors["first_year"] == nil && errors["last_year"] == nil
            let choice = try newAgreementChoice(ikcs, form: form, periodValid: periodValid)
            return page(AgreementPages.new(context: context.page, form: form, choice: choice, programme: programme, errors: errors), status: 422)
        }
        let actor = context.principal?.userID
        let id = try database.write { c -> Int64 in
            let parties = try Agreements.defaultParties(ikcID: ikc.id, c)
            let id = try Agreements.create(ikcID: ikc.id, first: first, last: last, parties: parties, userID: actor, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "agreement", recordID: id,
                                summary: "Resultaatafspraak \(ikc.name) aangemaakt", newValues: AuditLog.json([
                                    ("ikc", String(ikc.id)), ("first_year", String(first)), ("last_year", String(last)),
                                    ("parties", parties.map { "\($0.role):\($0.organisationName)" }.joined(separator: ", ")),
                                ]), c)
            return id
        }
        return showAgreement(id, saved: "created")
    }

    // MARK: - Results

    func resultInputs(_ data: AgreementPageData) -> [AgreementRules.ResultInput] {
        var inputs: [AgreementRules.ResultInput] = []
        var ordered: [AgreementResult] = []
        for goal in data.goals { ordered += data.content.results(goal: goal.id) }
        for (index, r) in ordered.enumerated() {
            inputs.append(AgreementRules.ResultInput(
                index: index, id: r.id, goal: String(r.goalID), position: String(index + 1), description: r.description,
                indicator: r.indicator, unit: r.unit.rawValue, baseline: r.baselineValue.map(AgreementFormat.input) ?? "",
                baselineYear: r.baselineYear.map(String.init) ?? "", direction: r.direction.rawValue, dataSource: r.dataSource,
                accumulation: r.accumulation.rawValue))
        }
        inputs.append(AgreementRules.ResultInput(index: ordered.count, position: String(ordered.count + 1)))
        return inputs
    }

    func getAgreementResults(id: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        return page(AgreementEditPages.results(context: context.page, data: data, inputs: resultInputs(data), errors: ValidationErrors()))
    }

    func postAgreementResults(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let count = min(Int(values["rows"] ?? "") ?? 0, 500)
        var inputs: [AgreementRules.ResultInput] = []
        for index in 0..<count {
            let p = "r\(index)_"
            inputs.append(AgreementRules.ResultInput(
                index: index, id: values[p + "id"].flatMap { Int64($0) }, goal: values[p + "goal"] ?? "", position: values[p + "position"] ?? "",
                description: values[p + "description"] ?? "", indicator: values[p + "indicator"] ?? "", unit: values[p + "unit"] ?? "",
                baseline: values[p + "baseline"] ?? "", baselineYear: values[p + "baseline_year"] ?? "",
                direction: values[p + "direction"] ?? "", dataSource: values[p + "source"] ?? "",
                accumulation: values[p + "accumulation"] ?? "", remove: values[p + "remove"] == "1"))
        }
        let (results, errors) = AgreementRules.results(inputs, goals: Set(data.goals.map(\.id)), knownIDs: Set(data.content.results.map(\.id)),
                                                       parseNumber: DutchFormat.parseDecimal)
        guard errors.isEmpty else {
            return page(AgreementEditPages.results(context: context.page, data: data, inputs: inputs, errors: errors), status: 422)
        }
        func describe(_ r: AgreementResult) -> String {
            "doel \(r.goalID), \(r.position). \(r.description) | \(r.indicator) | \(r.unit.rawValue) | nulmeting \(r.baselineValue.map(AgreementFormat.plain) ?? "-") (\(r.baselineYear.map(String.init) ?? "-")) | \(r.direction.rawValue) | \(r.dataSource) | \(r.accumulation.rawValue)"
        }
        var changes: [(String, String?, String?)] = []
        let old = Dictionary(uniqueKeysWithValues: data.content.results.map { ($0.id, $0) })
        for r in results where r.id != 0 { changes.append(("result \(old[r.id]?.lineage ?? 0)", old[r.id].map(describe), describe(r))) }
        for r in results where r.id == 0 { changes.append(("result nieuw \(r.position)", nil, describe(r))) }
        let kept = Set(results.map(\.id))
        for r in data.content.results where !kept.contains(r.id) { changes.append(("result \(r.lineage)", describe(r), nil)) }
        try database.write { c in
            try Agreements.claim(version: data.version, expected: expected, c)
            try Agreements.saveResults(results, version: data.version, c)
            try audit(data, context, action: "update", summary: "Resultaten gewijzigd", changes: changes, c)
        }
        return showAgreement(id, saved: "results")
    }

    // MARK: - The three grids

    enum Grid { case targets, contributions, staffing }

    func gridValues(_ grid: Grid, _ data: AgreementPageData) -> [String: String] {
        var values: [String: String] = [:]
        switch grid {
        case .targets:
            for r in data.content.results {
                for (year, value) in r.targets { values["t_\(r.id)_\(year)"] = AgreementFormat.input(value) }
            }
        case .contributions:
            for x in data.content.contributions {
                values["c_\(x.organisationID)_\(x.fundingSourceID)_\(x.year)"] = AgreementFormat.eurosInput(x.cents)
            }
        case .staffing:
            for s in data.content.staffing {
                values["s_\(s.roleCode)_\(s.year)"] = AgreementFormat.input(s.hours)
                if let payer = s.paidBy { values["paid_\(s.roleCode)"] = String(payer) }
            }
        }
        return values
    }

    func renderGrid(_ grid: Grid, _ context: Context, _ data: AgreementPageData, _ values: [String: String], _ errors: ValidationErrors) -> HTML {
        switch grid {
        case .targets: AgreementEditPages.targets(context: context.page, data: data, values: values, errors: errors)
        case .contributions: AgreementEditPages.contributions(context: context.page, data: data, values: values, errors: errors)
        case .staffing: AgreementEditPages.staffing(context: context.page, data: data, values: values, errors: errors)
        }
    }

    func agreementGrid(_ grid: Grid, id: Int64, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        let data = try loadEditable(id, context)
        guard isPost else { return page(renderGrid(grid, context, data, gridValues(grid, data), ValidationErrors())) }
        let form = request.formValues()
        let fields = form.pairs.map { (name: $0.name, value: $0.value) }
        var typed: [String: String] = [:]
        for (name, value) in fields { typed[name] = value }
        do {
            return try saveGrid(grid, id: id, data, form, fields, typed, context)
        } catch StoreError.staleVersion {
            let what: String, reopen: AgreementRoute
            switch grid {
            case .targets: (what, reopen) = ("De streefwaarden", .targets(id))
            case .contributions: (what, reopen) = ("De bijdragen", .contributions(id))
            case .staffing: (what, reopen) = ("De formatie", .staffing(id))
            }
            return try agreementConflict(id, context, what: what, reopen: reopen) { current in
                gridConflictFields(grid, stored: current, submitted: typed)
            }
        } catch let error as SQLiteError where error.isStorageFailure {
            return storageFailureResponse(error, context) { self.renderGrid(grid, context, data, typed, $0) }
        }
    }

    func saveGrid(_ grid: Grid, id: Int64, _ data: AgreementPageData, _ form: FormValues, _ fields: [(name: String, value: String)],
                  _ typed: [String: String], _ context: Context) throws -> Response {
        let expected = try expectedLock(form, data)
        let label = data.programme.yearLabel
        let before = gridValues(grid, data)
        let errors: ValidationErrors
        let apply: (Connection) throws -> Void
        let summary: String
        var after: [String: String] = [:]
        switch grid {
        case .targets:
            let parsed = AgreementRules.targets(fields: fields, results: data.content.results, years: data.years, yearLabel: label,
                                                parseNumber: DutchFormat.parseDecimal)
            errors = parsed.errors
            for (rid, years) in parsed.values { for (year, v) in years { after["t_\(rid)_\(year)"] = AgreementFormat.input(v) } }
            apply = { c in try Agreements.replaceTargets(parsed.values, version: data.version, c) }
            summary = "Streefwaarden gewijzigd"
        case .contributions:
            let parsed = AgreementRules.contributions(fields: fields, parties: Set(data.content.parties.map(\.organisationID)),
                                                      sources: Set(data.sources.map(\.id)), years: data.years, yearLabel: label,
                                                      parseEuros: DutchFormat.parseEuros)
            errors = parsed.errors
            for x in parsed.contributions { after["c_\(x.organisationID)_\(x.fundingSourceID)_\(x.year)"] = AgreementFormat.eurosInput(x.cents) }
            apply = { c in try Agreements.replaceContributions(parsed.contributions, version: data.version, c) }
            summary = "Bijdragen gewijzigd"
        case .staffing:
            let parsed = AgreementRules.staffing(fields: fields, roles: Set(data.roles.map(\.code)),
                                                 parties: Set(data.content.parties.map(\.organisationID)), years: data.years,
                                                 yearLabel: label, parseNumber: DutchFormat.parseDecimal)
            errors = parsed.errors
            for s in parsed.staffing {
                after["s_\(s.roleCode)_\(s.year)"] = AgreementFormat.input(s.hours)
                if let payer = s.paidBy { after["paid_\(s.roleCode)"] = String(payer) }
            }
            apply = { c in try Agreements.replaceStaffing(parsed.staffing, version: data.version, c) }
            summary = "Formatie gewijzigd"
        }
        guard errors.isEmpty else { return page(renderGrid(grid, context, data, typed, errors), status: 422) }
        let keys = Set(before.keys).union(after.keys).sorted()
        let changes = keys.map { ($0, before[$0], after[$0]) }
        try database.write { c in
            try Agreements.claim(version: data.version, expected: expected, c)
            try apply(c)
            try audit(data, context, action: "update", summary: summary, changes: changes, c)
        }
        let saved: String
        switch grid {
        case .targets: saved = "targets"
        case .contributions: saved = "contributions"
        case .staffing: saved = "staffing"
        }
        return showAgreement(id, saved: saved)
    }

    // MARK: - Texts

    func getAgreementTexts(id: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        return page(AgreementEditPages.texts(context: context.page, data: data, texts: data.version.texts, errors: ValidationErrors()))
    }

    func postAgreementTexts(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        let values = request.formValues()
        let texts = AgreementTexts(analysis: values["analysis"] ?? "", governance: values["governance"] ?? "",
                                   jobStructure: values["job_structure"] ?? "", organisation: values["organisation"] ?? "")
        do {
            return try saveTexts(texts, id: id, data, values, context)
        } catch StoreError.staleVersion {
            return try agreementConflict(id, context, what: "De teksten", reopen: .texts(id)) { current in
                Application.textConflictFields(stored: current.version.texts, submitted: texts)
            }
        } catch let error as SQLiteError where error.isStorageFailure {
            return storageFailureResponse(error, context) { AgreementEditPages.texts(context: context.page, data: data, texts: texts, errors: $0) }
        }
    }

    func saveTexts(_ texts: AgreementTexts, id: Int64, _ data: AgreementPageData, _ values: FormValues, _ context: Context) throws -> Response {
        let expected = try expectedLock(values, data)
        var errors = ValidationErrors()
        for section in texts.sections { Check.maxLength(section.text, 20_000, section.field, section.title.lowercased(), multiLine: true, into: &errors) }
        guard errors.isEmpty else {
            return page(AgreementEditPages.texts(context: context.page, data: data, texts: texts, errors: errors), status: 422)
        }
        let old = data.version.texts.sections
        let changes = zip(old, texts.sections).map { ($0.field, Optional($0.text), Optional($1.text)) }
        try database.write { c in
            try Agreements.claim(version: data.version, expected: expected, c)
            try Agreements.updateTexts(texts, version: data.version, c)
            try audit(data, context, action: "update", summary: "Teksten gewijzigd", changes: changes, c)
        }
        return showAgreement(id, saved: "texts")
    }

    // MARK: - Status, signing, documents, amendments

    func postAgreementStatus(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let values = request.formValues()
        let target = AgreementStatus(rawValue: values["to"] ?? "")
        switch target {
        case .terOndertekening?:
            let data = try loadEditable(id, context, status: .concept)
            let expected = try expectedLock(values, data)
            guard data.signingProblems.isEmpty else {
                let canWrite = true
                return page(AgreementPages.show(context: context.page, data: data, canWrite: canWrite,
                                                notice: "De afspraak kan nog niet ter ondertekening. Los eerst de punten hieronder op."), status: 422)
            }
            try database.write { c in
                try Agreements.claim(version: data.version, expected: expected, c)
                try Agreements.setStatus(.terOndertekening, version: data.version, c)
                try audit(data, context, action: "status", summary: "Ter ondertekening aangeboden",
                          changes: [("status", data.version.status.rawValue, AgreementStatus.terOndertekening.rawValue)], c)
            }
            return showAgreement(id, saved: "signing")
        case .concept?:
            let data = try loadEditable(id, context, status: .terOndertekening)
            let expected = try expectedLock(values, data)
            var unsigned = data.content.parties
            for index in unsigned.indices { unsigned[index].signedOn = nil }
            try database.write { c in
                try Agreements.claim(version: data.version, expected: expected, status: .terOndertekening, c)
                try Agreements.setStatus(.concept, version: data.version, c)
                try Agreements.recordSignatures(unsigned, version: data.version, userID: context.principal?.userID, c)
                try audit(data, context, action: "status", summary: "Terug naar concept",
                          changes: [("status", data.version.status.rawValue, AgreementStatus.concept.rawValue)], c)
            }
            return showAgreement(id, saved: "concept")
        default:
            throw AppError.badRequest("Onbekende status.")
        }
    }

    func signValues(_ data: AgreementPageData) -> [String: String] {
        var values: [String: String] = [:]
        for party in data.content.parties {
            let p = "p\(party.organisationID)_"
            values[p + "name"] = party.signatoryName
            values[p + "title"] = party.signatoryTitle
            values[p + "signed_on"] = party.signedOn?.dutch ?? ""
        }
        return values
    }

    func getAgreementSign(id: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context, status: .terOndertekening)
        return page(AgreementEditPages.sign(context: context.page, data: data, values: signValues(data), errors: ValidationErrors()))
    }

    func postAgreementSign(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context, status: .terOndertekening)
        let form = request.formValues()
        let expected = try expectedLock(form, data)
        var values: [String: String] = [:]
        var errors = ValidationErrors()
        var parties = data.content.parties
        let today: Day? = self.today()
        for index in parties.indices {
            let party = parties[index]
            let p = "p\(party.organisationID)_"
            let name = (form[p + "name"] ?? "").trimmingWhitespace()
            let title = (form[p + "title"] ?? "").trimmingWhitespace()
            let dateText = (form[p + "signed_on"] ?? "").trimmingWhitespace()
            values[p + "name"] = name
            values[p + "title"] = title
            values[p + "signed_on"] = dateText
            Check.maxLength(name, 200, p + "name", "de naam", into: &errors)
            Check.maxLength(title, 200, p + "title", "de functie", into: &errors)
            var signedOn: Day?
            if !dateText.isEmpty {
                if let date = DutchFormat.parseDate(dateText), let day = Day(year: date.year, month: date.month, day: date.day) {
                    signedOn = day
                    if let today, day > today { errors.add(p + "signed_on", "De datum van ondertekening door \(party.organisationName) ligt in de toekomst.") }
                } else {
                    errors.add(p + "signed_on", "Vul de datum van ondertekening door \(party.organisationName) in als dd-mm-jjjj.")
                }
                if name.isEmpty { errors.add(p + "name", "Vul in wie namens \(party.organisationName) heeft getekend.") }
            }
            parties[index].signatoryName = name
            parties[index].signatoryTitle = title
            parties[index].signedOn = signedOn
        }
        guard errors.isEmpty else {
            return page(AgreementEditPages.sign(context: context.page, data: data, values: values, errors: errors), status: 422)
        }
        let allSigned = parties.allSatisfy { $0.signedOn != nil }
        var changes: [(String, String?, String?)] = []
        for (old, new) in zip(data.content.parties, parties) {
            changes.append(("\(old.organisationName)", "\(old.signatoryName) \(old.signedOn?.iso ?? "-")", "\(new.signatoryName) \(new.signedOn?.iso ?? "-")"))
        }
        if allSigned { changes.append(("status", data.version.status.rawValue, AgreementStatus.vastgesteld.rawValue)) }
        try database.write { c in
            try Agreements.claim(version: data.version, expected: expected, status: .terOndertekening, c)
            try Agreements.recordSignatures(parties, version: data.version, userID: context.principal?.userID, c)
            if allSigned { try Agreements.setStatus(.vastgesteld, version: data.version, c) }
            try audit(data, context, action: allSigned ? "fix" : "sign", summary: allSigned ? "Vastgesteld na ondertekening" : "Ondertekening vastgelegd",
                      changes: changes, c)
        }
        return showAgreement(id, saved: allSigned ? "fixed" : "signatures")
    }

    static let maxDocumentBytes = 10 * 1024 * 1024

    func postAgreementUpload(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadAgreement(id, context)
        guard data.version.status != .concept else {
            throw AppError.notEditable(detail: "Een ondertekend document hoort bij een versie die ter ondertekening ligt of is vastgesteld.")
        }
        guard let parts = request.multipartParts(), let file = parts.first(where: { $0.name == "document" }) else {
            throw AppError.badRequest("Kies een PDF-bestand om toe te voegen.")
        }
        guard !file.data.isEmpty else { throw AppError.badRequest("Het gekozen bestand is leeg.") }
        guard file.data.count <= Application.maxDocumentBytes else {
            throw AppError.badRequest("Het bestand is groter dan 10 MB.")
        }
        guard file.data.starts(with: Array("%PDF-".utf8)) else { throw AppError.badRequest("Het bestand is geen PDF.") }
        let filename = Application.safeFilename(file.filename ?? "", fallback: "afspraak-versie-\(data.version.number).pdf")
        try database.write { c in
            let documentID = try Agreements.addDocument(versionID: data.version.id, filename: filename, contentType: "application/pdf",
                                                        data: file.data, userID: context.principal?.userID, c)
            try audit(data, context, action: "upload", summary: "Ondertekend document toegevoegd",
                      changes: [("document", nil, "\(documentID): \(filename) (\(file.data.count) bytes)")], c)
        }
        return showAgreement(id, saved: "document")
    }

    /// The last path component, printable ASCII without quotes, at most 120 characters; it goes
    /// into a Content-Disposition header.
    static func safeFilename(_ name: String, fallback: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != ";" }.map(Character.init))
            .trimmingWhitespace()
        guard !cleaned.isEmpty else { return fallback }
        let short = String(cleaned.suffix(120))
        return short.lowercased().hasSuffix(".pdf") ? short : short + ".pdf"
    }

    func getAgreementDocument(id: Int64, documentID: Int64, _ context: Context) throws -> Response {
        _ = try loadAgreement(id, context)
        guard let document = try database.read({ try Agreements.documentData(id: documentID, agreementID: id, $0) }) else {
            throw AppError.notFound
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/pdf")
        headers.set("Content-Disposition", "attachment; filename=\"\(Application.safeFilename(document.filename, fallback: "afspraak.pdf"))\"")
        return Response(status: 200, headers: headers, body: document.data)
    }

    func getAgreementAmend(id: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context, status: .vastgesteld)
        return page(AgreementEditPages.amend(context: context.page, data: data, reason: "", errors: ValidationErrors()))
    }

    func postAgreementAmend(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context, status: .vastgesteld)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let reason = (values["reason"] ?? "").trimmingWhitespace()
        let errors = AgreementRules.validateAmendment(reason: reason)
        guard errors.isEmpty else {
            return page(AgreementEditPages.amend(context: context.page, data: data, reason: reason, errors: errors), status: 422)
        }
        try startAmendment(data, expected: expected, reason: reason, context)
        return showAgreement(id, saved: "amended")
    }

    /// Version n+1 in concept as a copy of the fixed version n, with its reason, and the audit entry.
    func startAmendment(_ data: AgreementPageData, expected: Int64, reason: String, extra: [(String, String?)] = [],
                        summary: String = "Bijstelling gestart", _ context: Context) throws {
        try database.write { c in
            // Claiming the fixed version (its lock moves on) makes two amendments started at once impossible.
            try Agreements.claim(version: data.version, expected: expected, status: .vastgesteld, c)
            let version = try Agreements.amend(data.content, reason: reason, userID: context.principal?.userID, c)
            try AuditLog.record(userID: context.principal?.userID, action: "amend", recordType: "agreement", recordID: data.agreement.id,
                                summary: "\(summary): versie \(version.number) (\(data.agreement.ikcName))",
                                newValues: AuditLog.json([("version", String(version.number)), ("reason", Optional(reason))] + extra), c)
        }
    }

    static func proposals(agreementID: Int64, _ c: Connection) throws -> [AmendmentProposal] {
        try YearPlans.amendmentProposals(agreementID: agreementID, c).map {
            AmendmentProposal(planID: $0.planID, year: $0.year, planStatus: $0.status, text: $0.text)
        }
    }

    /// One click from a yearly plan's Act proposal to a draft amendment with the proposal as its
    /// reason. Only while the newest version is fixed; otherwise the proposal belongs in the
    /// version already under way (409, nothing written).
    func postAgreementProposal(id: Int64, planID: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context, status: .vastgesteld)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let found = try database.read { try Application.proposals(agreementID: id, $0) }
        guard let proposal = found.first(where: { $0.planID == planID }) else { throw AppError.notFound }
        let reason = proposal.reason(yearLabel: data.programme.yearLabel)
        try startAmendment(data, expected: expected, reason: reason, extra: [("plan", String(planID))],
                           summary: "Bijstelling gestart uit het jaarplan \(data.programme.yearLabel(proposal.year))", context)
        return showAgreement(id, saved: "amended")
    }
}
