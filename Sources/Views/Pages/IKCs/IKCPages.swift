import Domain
import Markup

/// The IKC overview, detail, forms, and the Plus predicate with its conditions.
public enum IKCPages {
    public struct Row: Sendable {
        public var id: Int64
        public var name: String
        public var kind: IKCKind
        public var koepel: String
        public var area: String?
        public var agreementStatus: AgreementStatus?
        /// A newer version than the one in force, shown after its status.
        public var pendingAmendment: PendingAmendment? = nil
        /// (on track, measured); nil when nothing has been measured yet.
        public var progress: (onTrack: Int, measured: Int)?
        /// The next re-assessment or term end when it falls within three months (or has passed).
        public var predicateDue: Day?
        public init(id: Int64, name: String, kind: IKCKind, koepel: String, area: String?, agreementStatus: AgreementStatus?,
                    progress: (onTrack: Int, measured: Int)?, predicateDue: Day?) {
            self.id = id
            self.name = name
            self.kind = kind
            self.koepel = koepel
            self.area = area
            self.agreementStatus = agreementStatus
            self.progress = progress
            self.predicateDue = predicateDue
        }
    }

    /// The filter as chosen (query values), to keep the form as the user left it.
    public struct FilterForm: Sendable {
        public var kind: String
        public var koepel: String
        public var area: String
        public var sort: String
        public init(kind: String = "", koepel: String = "", area: String = "", sort: String = "name") {
            self.kind = kind
            self.koepel = koepel
            self.area = area
            self.sort = sort
        }
    }

    static func filterForm(_ filter: FilterForm, koepels: [(id: Int64, name: String)], areas: [(id: Int64, name: String)],
                           programme: Programme? = nil) -> HTML {
        let none = ValidationErrors()
        let kinds = programme.ikcKindOptions
        return """
        <form method="get" action="\(Route.ikcs(.index).path)" class="filters">
        \(Components.select("kind", label: "Soort", options: kinds, selected: filter.kind, errors: none, includeEmpty: "Alle soorten"))
        \(Components.select("koepel", label: programme.boardLabel, options: koepels.map { (String($0.id), $0.name) }, selected: filter.koepel, errors: none, includeEmpty: "Alle"))
        \(Components.select("area", label: "Gebied", options: areas.map { (String($0.id), $0.name) }, selected: filter.area, errors: none, includeEmpty: "Alle gebieden"))
        \(Components.select("sort", label: "Sorteren", options: [("name", "Naam A-Z"), ("-name", "Naam Z-A")], selected: filter.sort, errors: none))
        <button type="submit" class="button button--secondary">Toon</button>
        </form>
        """
    }

    static func progressText(_ progress: (onTrack: Int, measured: Int)?) -> String {
        guard let progress else { return "–" }
        return "\(progress.onTrack) van \(progress.measured)"
    }

    public static func list(context: PageContext, rows: [Row], filter: FilterForm, koepels: [(id: Int64, name: String)],
                            areas: [(id: Int64, name: String)], canEdit: Bool, notice: String?) -> HTML {
        var body: [HTML] = []
        body.reserveCapacity(rows.count)
        for row in rows {
            let due: HTML = row.predicateDue.map { HTML("<strong class=\"flag\">herijking/einde termijn \($0.dutch)</strong>") } ?? "–"
            body.append("""
            <tr><th scope="row"><a href="\(Route.ikcs(.ikc(row.id)).path)">\(row.name)</a></th><td>\(context.programme.ikcKindLabel(row.kind))</td><td>\(row.koepel)</td><td>\(row.area ?? "–")</td><td>\(Components.agreementStatusBadge(row.agreementStatus))\(Components.pendingAmendment(row.pendingAmendment, paragraph: false))</td><td class="num">\(progressText(row.progress))</td><td>\(due)</td></tr>

            """)
        }
        let table: HTML = rows.isEmpty ? "<p>Geen IKC's met deze keuze.</p>" : """
        <div class="table-scroll"><table class="data">
        <caption>IKC's met hun resultaatafspraak</caption>
        <thead><tr><th scope="col">IKC</th><th scope="col">Soort</th><th scope="col">\(context.boardLabel)</th><th scope="col">Gebied</th><th scope="col">Afspraak</th><th scope="col" class="num">Resultaten op koers</th><th scope="col">Binnen 3 maanden</th></tr></thead>
        <tbody>
        \(body)</tbody>
        </table></div>
        <p class="hint">"Resultaten op koers": van de gemeten resultaten, hoeveel hun jaardoel halen (laatste meting); "–" als er nog niets gemeten is.</p>
        """
        let add: HTML = canEdit ? "<p><a class=\"button button--primary\" href=\"\(Route.ikcs(.new).path)\">IKC toevoegen</a></p>" : .empty
        return Layout.page(title: "IKC's", context: context.with(.ikcs), """
        <h1>IKC's</h1>
        \(Components.notice(notice))
        \(filterForm(filter, koepels: koepels, areas: areas, programme: context.programme))
        <p class="lead">\(DutchFormat.count(rows.count, "IKC", "IKC's"))</p>
        \(add)
        \(table)
        """)
    }

    // MARK: - Detail

    public struct Detail: Sendable {
        public var ikc: IKC
        public var koepel: String
        public var area: Area?
        public var areaOverdue: Bool
        public var childcare: [String]
        public var agreement: AgreementInBrief?
        public var plans: [(year: Int, status: YearPlan.Status)]
        public var predicate: PlusPredicate?
        public var nextReassessment: Day?
        public var termEnds: Day?
        public var predicateDue: Bool
        public var conditions: [ConditionCheck]
        public var indicators: [AreaIndicator]
        /// The Plus rules: outside an aandachtsgebied and why, decisions, a pending herijking.
        public var rules = PlusRules()
        public init(ikc: IKC, koepel: String, area: Area?, areaOverdue: Bool, childcare: [String], agreement: AgreementInBrief?,
                    plans: [(year: Int, status: YearPlan.Status)], predicate: PlusPredicate?, nextReassessment: Day?, termEnds: Day?,
                    predicateDue: Bool, conditions: [ConditionCheck], indicators: [AreaIndicator]) {
            self.ikc = ikc
            self.koepel = koepel
            self.area = area
            self.areaOverdue = areaOverdue
            self.childcare = childcare
            self.agreement = agreement
            self.plans = plans
            self.predicate = predicate
            self.nextReassessment = nextReassessment
            self.termEnds = termEnds
            self.predicateDue = predicateDue
            self.conditions = conditions
            self.indicators = indicators
        }
    }

    static func facts(_ d: Detail, context: PageContext) -> HTML {
        let programme = context.programme
        let ikc = d.ikc
        // The area's class in the programme's words (KvK2 "aandachtsgebied", Amsterdam "focusbuurt").
        let areaClass = { (area: Area) in programme.map { $0.areaClassLabel(area.level).lowercased() } ?? "aandachtsgebied" }
        let areaLink: HTML = d.area.map { HTML("\(Components.link(.areas(.area($0.id)), "\($0.name)", context: context))\($0.isPriority ? " (\(areaClass($0)))" : "")") } ?? "–"
        return """
        <dl class="facts">
        <dt>Soort</dt><dd>\(programme.ikcKindLabel(ikc.kind))</dd>
        <dt>\(programme.boardLabel)</dt><dd>\(d.koepel)</dd>
        <dt>Kinderopvang</dt><dd>\(d.childcare.isEmpty ? "–" : d.childcare.joined(separator: ", "))</dd>
        <dt>Gebied</dt><dd>\(areaLink)</dd>
        <dt>Directeur</dt><dd>\(ikc.directorName.isEmpty ? "–" : ikc.directorName)</dd>
        <dt>Aantal kinderen</dt><dd>\(ikc.childrenCount.map { DutchFormat.integer($0) } ?? "–")</dd>
        <dt>Profiel</dt><dd>\(ikc.profile.isEmpty ? "–" : ikc.profile)</dd>
        </dl>
        """
    }

    static func agreementSection(_ d: Detail, programme: Programme?) -> HTML {
        guard let a = d.agreement else {
            return "<h2>Resultaatafspraak</h2><p>Er is nog geen resultaatafspraak voor dit IKC.</p>"
        }
        let years = (programme?.yearLabel(a.firstYear) ?? String(a.firstYear)) + " t/m " + (programme?.yearLabel(a.lastYear) ?? String(a.lastYear))
        var parties: [HTML] = []
        for p in a.parties { parties.append("<li>\(p)</li>") }
        return """
        <h2>Resultaatafspraak</h2>
        <dl class="facts">
        <dt>Status</dt><dd>\(Components.agreementStatusBadge(a.status)) (versie \(a.versionNumber))</dd>
        <dt>Looptijd</dt><dd>\(years)</dd>
        <dt>Resultaten</dt><dd>\(a.results)</dd>
        <dt>Bijdragen totaal</dt><dd>\(DutchFormat.euros(cents: a.contributionCents))</dd>
        <dt>Partijen</dt><dd><ul class="plain">\(parties)</ul></dd>
        </dl>
        \(Components.pendingAmendment(a.pending, paragraph: true))
        <p><a href="\(Route.agreements(.index).path)">Naar de resultaatafspraken</a></p>
        """
    }

    static func plansSection(_ d: Detail, programme: Programme?) -> HTML {
        var items: [HTML] = []
        for p in d.plans { items.append("<li>\(programme?.yearLabel(p.year) ?? String(p.year)): \(p.status.label)</li>") }
        return """
        <h2>Jaarplannen</h2>
        \(items.isEmpty ? HTML("<p>Nog geen jaarplannen.</p>") : HTML("<ul>\(items)</ul>"))
        <p><a href="\(Route.plans(.index).path)">Naar de jaarplannen</a></p>
        """
    }

    static func predicateSection(_ d: Detail, canEdit: Bool, programme: Programme? = nil) -> HTML {
        // The kind that carries the programme's predicate (none: no section unless one was recorded).
        let carries = programme.map { $0.predicateKind?.code == d.ikc.kind.rawValue } ?? (d.ikc.kind == .plus)
        guard carries || d.predicate != nil else { return .empty }
        let name = programme.predicateName ?? "Predicaat"
        let link: HTML = "<p><a href=\"\(Route.ikcs(.plus(d.ikc.id)).path)\">\(canEdit ? "Predicaat en voorwaarden bijwerken" : "Voorwaarden bekijken")</a></p>"
        guard let p = d.predicate else {
            return "<h2>\(name)</h2><p>Nog geen toekenning vastgelegd.</p>\(PlusRulesSection.render(d.rules, hasPredicate: false, programme: programme))\(link)"
        }
        let met = d.conditions.filter { $0.state == .met }.count
        let warn: HTML = d.predicateDue ? "<p class=\"warning\"><strong>Herijking of einde termijn valt binnen drie maanden of is verstreken.</strong></p>" : .empty
        return """
        <h2>\(name)</h2>
        \(warn)
        <dl class="facts">
        <dt>Toegekend op</dt><dd>\(p.grantedOn.dutch)</dd>
        <dt>Laatste herijking</dt><dd>\(p.lastReassessedOn?.dutch ?? "nog niet")</dd>
        <dt>Volgende herijking</dt><dd>\(d.nextReassessment?.dutch ?? "–")</dd>
        <dt>Einde termijn</dt><dd>\(d.termEnds?.dutch ?? "–")</dd>
        <dt>Voorwaarden voldaan</dt><dd>\(met) van \(d.conditions.count)</dd>
        </dl>
        \(PlusRulesSection.render(d.rules, hasPredicate: true, programme: programme))
        \(link)
        """
    }

    public static func detail(context: PageContext, detail: Detail, canEdit: Bool, notice: String?) -> HTML {
        let ikc = detail.ikc
        let edit: HTML = canEdit ? "<p><a class=\"button button--secondary\" href=\"\(Route.ikcs(.edit(ikc.id)).path)\">Gegevens wijzigen</a></p>" : .empty
        let areaPart: HTML = detail.area.map { area in
            let overdue: HTML = detail.areaOverdue ? "<p class=\"warning\"><strong>De herijking van de indeling van dit gebied is te laat.</strong></p>" : .empty
            return "<h2>Gebied: \(area.name)</h2>\(overdue)\(AreaPages.indicatorTable(detail.indicators, programme: context.programme, caption: "Indicatoren van \(area.name)"))"
        } ?? .empty
        return Layout.page(title: ikc.name, context: context.with(.ikcs), """
        <h1>\(ikc.name)</h1>
        \(Components.notice(notice))
        \(facts(detail, context: context))
        \(edit)
        \(agreementSection(detail, programme: context.programme))
        \(plansSection(detail, programme: context.programme))
        \(predicateSection(detail, canEdit: canEdit, programme: context.programme))
        \(areaPart)
        """)
    }

    // MARK: - Forms

    static func fields(_ form: IKCForm, choices: IKCChoices, errors: ValidationErrors, programme: Programme? = nil) -> HTML {
        let kinds = programme.ikcKindOptions
        let first: HTML = """
        \(Components.textField("name", label: "Naam", value: form.name, errors: errors, required: true, autocomplete: "off"))
        \(Components.select("kind", label: "Soort IKC", options: kinds, selected: form.kind, errors: errors))
        \(Components.select("koepelID", label: programme.boardLabel, options: choices.koepels.map { (String($0.id), $0.name) }, selected: form.koepelID, errors: errors, includeEmpty: "Kies"))
        \(Components.checkboxes("childcareIDs", legend: "Kinderopvangorganisatie(s)", options: choices.childcare.map { (String($0.id), $0.name) }, checked: Set(form.childcareIDs), errors: errors))
        """
        let second: HTML = """
        \(Components.select("areaID", label: "Gebied", options: choices.areas.map { (String($0.id), $0.name) }, selected: form.areaID, errors: errors, includeEmpty: "Geen gebied"))
        \(Components.textField("directorName", label: "Directeur", value: form.directorName, errors: errors, autocomplete: "off"))
        \(Components.textField("childrenCount", label: "Aantal kinderen (leerlingen en opvang)", value: form.childrenCount, errors: errors, hint: "Tussen 1 en 2.000.", inputmode: "numeric"))
        \(Components.textArea("profile", label: "Profiel of thema", value: form.profile, errors: errors, rows: 3))
        """
        return "\(first)\(second)"
    }

    public static func new(context: PageContext, form: IKCForm, choices: IKCChoices, errors: ValidationErrors) -> HTML {
        Layout.page(title: "IKC toevoegen", context: context.with(.ikcs), """
        <div class="narrow">
        <h1>IKC toevoegen</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.ikcs(.new).path, csrf: context.csrfToken, """
        \(fields(form, choices: choices, errors: errors, programme: context.programme))
        <button type="submit" class="button button--primary">IKC opslaan</button>
        <a class="button button--secondary" href="\(Route.ikcs(.index).path)">Annuleren</a>
        """))
        </div>
        """)
    }

    public static func edit(context: PageContext, id: Int64, lockVersion: Int64, title: String, form: IKCForm, choices: IKCChoices, errors: ValidationErrors) -> HTML {
        Layout.page(title: title, context: context.with(.ikcs), """
        <div class="narrow">
        <h1>\(title) wijzigen</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.ikcs(.edit(id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(lockVersion)">
        \(fields(form, choices: choices, errors: errors, programme: context.programme))
        <button type="submit" class="button button--primary">Wijzigingen opslaan</button>
        <a class="button button--secondary" href="\(Route.ikcs(.ikc(id)).path)">Annuleren</a>
        """))
        </div>
        """)
    }

    // MARK: - Plus predicate and conditions

    public static func plus(context: PageContext, ikc: IKC, predicate: PlusPredicate?, rules: PlusRules = PlusRules(), form: PlusPredicateForm,
                            nextReassessment: Day?, termEnds: Day?, conditions: [ConditionCheck], canEdit: Bool,
                            errors: ValidationErrors, notice: String?) -> HTML {
        let dates: HTML = predicate == nil ? "<p>Nog geen toekenning vastgelegd.</p>" : """
        <dl class="facts">
        <dt>Volgende herijking</dt><dd>\(nextReassessment?.dutch ?? "–")</dd>
        <dt>Einde termijn</dt><dd>\(termEnds?.dutch ?? "–")</dd>
        </dl>
        \(PlusRulesSection.render(rules, hasPredicate: true, programme: context.programme))
        """
        let name = context.predicateName ?? "Predicaat"
        let predicateForm: HTML = canEdit ? """
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.ikcs(.plus(ikc.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(predicate.map { String($0.lockVersion) } ?? "")">
        \(Components.textField("grantedOn", label: "Toegekend op", value: form.grantedOn, errors: errors, type: "date", hint: context.programme.predicateTermSentence, required: true))
        \(Components.textField("lastReassessedOn", label: "Laatste herijking", value: form.lastReassessedOn, errors: errors, type: "date"))
        \(Components.textArea("notes", label: "Toelichting", value: form.notes, errors: errors, rows: 3))
        \(PlusRulesSection.formFields(form, rules: rules, errors: errors, programme: context.programme))
        <button type="submit" class="button button--primary">Predicaat opslaan</button>
        """))
        """ : .empty
        return Layout.page(title: "\(name) \(ikc.name)", context: context.with(.ikcs), """
        <p><a href="\(Route.ikcs(.ikc(ikc.id)).path)">← \(ikc.name)</a></p>
        <h1>\(name) van \(ikc.name)</h1>
        \(Components.notice(notice))
        \(dates)
        <div class="narrow">\(predicateForm)</div>
        <h2>Voorwaarden</h2>
        \(conditionsTable(ikc: ikc, conditions: conditions, canEdit: canEdit, csrf: context.csrfToken, programme: context.programme))
        """)
    }

    static func conditionsTable(ikc: IKC, conditions: [ConditionCheck], canEdit: Bool, csrf: String, programme: Programme? = nil) -> HTML {
        var rows: [HTML] = []
        for (index, check) in conditions.enumerated() {
            let who: String = [check.setBy, check.setAt.map { String($0.prefix(10)).isoAsDutchDate() }].compactMap { $0 }.joined(separator: ", ")
            let stateCell: HTML
            let noteCell: HTML
            if canEdit {
                var options: [HTML] = []
                options.append("<option value=\"\"\(attr: "selected", if: check.state == nil)>Nog niet beoordeeld</option>")
                for state in ConditionState.allCases {
                    options.append("<option value=\"\(state.rawValue)\"\(attr: "selected", if: check.state == state)>\(state.label)</option>")
                }
                stateCell = """
                <input type="hidden" name="condition" value="\(check.conditionID)"><label class="visually-hidden" for="state-\(index)">Stand voorwaarde \(index + 1)</label><select id="state-\(index)" name="state_\(check.conditionID)">\(options)</select>
                """
                noteCell = "<label class=\"visually-hidden\" for=\"note-\(index)\">Notitie voorwaarde \(index + 1)</label><input type=\"text\" id=\"note-\(index)\" name=\"note_\(check.conditionID)\" value=\"\(check.note)\">"
            } else {
                stateCell = "\(check.state?.label ?? "Nog niet beoordeeld")"
                noteCell = check.note.isEmpty ? "–" : "\(check.note)"
            }
            rows.append("""
            <tr><th scope="row">\(index + 1). \(check.text)</th><td>\(stateCell)</td><td>\(noteCell)</td><td>\(who.isEmpty ? "–" : who)</td></tr>
            """)
        }
        let table: HTML = """
        <table class="data conditions">
        <caption>De voorwaarden van het programma voor een \(programme?.predicateKind?.label ?? programme.programmeIKC)</caption>
        <thead><tr><th scope="col">Voorwaarde</th><th scope="col">Stand</th><th scope="col">Notitie</th><th scope="col">Gezet door, op</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
        guard canEdit else { return table }
        return Components.form(action: Route.ikcs(.conditions(ikc.id)).path, csrf: csrf, """
        \(table)
        <button type="submit" class="button button--primary">Voorwaarden opslaan</button>
        """)
    }
}

extension String {
    /// '2026-11-23' as '23-11-2026'.
    func isoAsDutchDate() -> String {
        Day(iso: self)?.dutch ?? self
    }
}
