import Domain
import Markup

/// The overview of all agreements, the page of one agreement version, and the new-agreement form.
public enum AgreementPages {
    static func yearKind(_ programme: Programme) -> HTML {
        "<p class=\"hint year-kind\">\(programme.yearKindExplanation)</p>"
    }

    public static func overview(context: PageContext, rows: [AgreementOverviewRow], goals: [ProgrammeGoal], programme: Programme,
                                canCreate: Bool, notice: String?) -> HTML {
        var body: [HTML] = []
        for row in rows {
            var parties: [HTML] = []
            for party in row.partyTotals {
                parties.append("<li>\(party.name): \(DutchFormat.euros(cents: party.cents))</li>")
            }
            var goalCells: [HTML] = []
            for goal in goals { goalCells.append("<td class=\"num\">\(row.resultsPerGoal[goal.id] ?? 0)</td>") }
            body.append("""
            <tr><th scope="row"><a href="\(Route.agreements(.show(row.id)).path)">\(row.ikcName)</a></th><td>\(Components.agreementStatusBadge(row.status))\(Components.pendingAmendment(row.pendingAmendment, paragraph: false))</td><td class="num">\(row.versionNumber)</td><td>\(programme.yearLabel(row.firstYear)) t/m \(programme.yearLabel(row.lastYear))</td><td><ul class="compact">\(parties)</ul></td>\(goalCells)</tr>
            """)
        }
        var goalHeaders: [HTML] = []
        for goal in goals { goalHeaders.append("<th scope=\"col\" class=\"num\"><abbr title=\"\(goal.name)\">Doel \(goal.position)</abbr></th>") }
        let create: HTML = canCreate ? "<p><a class=\"button button--primary\" href=\"\(Route.agreements(.new).path)\">Nieuwe resultaatafspraak</a></p>" : .empty
        let empty: HTML = rows.isEmpty ? "<p>Er zijn (voor u) nog geen resultaatafspraken.</p>" : .empty
        return Layout.page(title: "Resultaatafspraken", context: context.with(.agreements), """
        <h1>Resultaatafspraken</h1>
        \(Components.notice(notice))
        \(yearKind(programme))
        \(create)
        \(empty)
        <div class="table-scroll">
        <table class="data">
        <caption>Alle resultaatafspraken (de versie die geldt; een wijziging in concept staat eronder)</caption>
        <thead><tr><th scope="col">IKC</th><th scope="col">Status</th><th scope="col" class="num">Versie</th><th scope="col">Looptijd</th><th scope="col">Totale bijdrage per partij</th>\(goalHeaders)</tr></thead>
        <tbody>\(body)</tbody>
        </table>
        </div>
        <p class="hint">\(programme.goalRangePhrase(goalCount: goals.count)): het aantal resultaten per programmadoel (\(goals.map(\.name).joined(separator: "; "))).</p>
        """)
    }

    /// The agreement page: one version (the newest unless another was asked for).
    /// `signAs`: the party the principal can sign for in the application (a partner's own, the
    /// municipality for a project leader), nil otherwise.
    public static func show(context: PageContext, data: AgreementPageData, canWrite: Bool, notice: String?,
                            signAs: AgreementParty? = nil, promises: [PromisesKept.Line] = []) -> HTML {
        let agreement = data.agreement
        let version = data.version
        let id = agreement.id
        let older: HTML = data.isLatest ? .empty : """
        <div class="warning" role="status">U bekijkt versie \(version.number). De nieuwste versie is versie \(data.latestNumber): <a href="\(Route.agreements(.show(id)).path)">naar de nieuwste versie</a>.</div>
        """
        let reason: HTML = version.reason.isEmpty ? .empty : "<p><strong>Reden van deze bijstelling:</strong> \(version.reason)</p>"
        let head: HTML = """
        <h1>Resultaatafspraak \(agreement.ikcName)</h1>
        \(Components.notice(notice))
        \(older)
        <dl class="facts">
        <dt>Status</dt><dd>\(Components.agreementStatusBadge(version.status))</dd>
        <dt>Versie</dt><dd>\(version.number) van \(data.latestNumber)</dd>
        <dt>Looptijd</dt><dd>\(data.periodLabel)</dd>
        <dt>Vastgesteld op</dt><dd>\(AgreementFormat.moment(version.fixedAt))</dd>
        </dl>
        \(yearKind(data.programme))
        \(reason)
        \(AgreementGoalCoverage.warning(data))
        """
        let actions = AgreementPages.actions(context: context, data: data, canWrite: canWrite)
        let problems: HTML
        if version.status == .concept && data.isLatest && !data.signingProblems.isEmpty {
            let items = data.signingProblems.messages.map { HTML("<li>\($0.message)</li>") }
            problems = "<div class=\"warning\"><p>Voordat deze afspraak ter ondertekening kan:</p><ul>\(items)</ul></div>"
        } else {
            problems = .empty
        }
        let proposals = canWrite && data.isLatest ? AgreementProposals.section(context: context, data: data) : .empty
        let body: HTML = """
        <section id="partijen"><h2>Partijen</h2>\(AgreementTables.parties(data))</section>
        <section id="resultaten"><h2>Resultaten en streefwaarden</h2>\(AgreementTables.results(data))</section>
        <section id="bijdragen"><h2>Financiële bijdragen</h2>\(AgreementTables.contributions(data))</section>
        \(AgreementPages.promisesSection(data, promises))
        <section id="formatie"><h2>Formatie</h2>\(AgreementTables.staffing(data))</section>
        <section id="teksten"><h2>Toelichting</h2>\(AgreementTables.texts(data))</section>
        """
        return Layout.page(title: "Resultaatafspraak \(agreement.ikcName)", context: context.with(.agreements),
                           head + problems + AgreementSignaturePage.offer(data, party: signAs) + actions + proposals + body + history(data) + documents(context: context, data: data, canWrite: canWrite))
    }

    static func actions(context: PageContext, data: AgreementPageData, canWrite: Bool) -> HTML {
        let id = data.agreement.id
        let number = data.version.number
        var links: [HTML] = [
            "<a class=\"button button--secondary\" href=\"\(AgreementRoute.print(id).path(version: number))\">Afdrukversie</a>",
            "<a class=\"button button--secondary\" href=\"\(AgreementRoute.exportTargets(id).path(version: number))\">Streefwaarden (CSV)</a>",
            "<a class=\"button button--secondary\" href=\"\(AgreementRoute.exportContributions(id).path(version: number))\">Bijdragen (CSV)</a>",
        ]
        if number > 1 {
            links.append("<a class=\"button button--secondary\" href=\"\(Route.agreements(.compare(id)).path)?from=\(number - 1)&amp;to=\(number)\">Vergelijk met versie \(number - 1)</a>")
        }
        var edit: HTML = .empty
        if canWrite && data.isLatest {
            let lock = [("lock_version", String(data.version.lockVersion))]
            switch data.version.status {
            case .concept:
                edit = """
                <nav class="agreement-edit" aria-label="Afspraak bewerken"><ul>
                <li><a href="\(Route.agreements(.parties(id)).path)">Partijen bewerken</a></li>
                <li><a href="\(Route.agreements(.signatories(id)).path)">Ondertekenaars bewerken</a></li>
                <li><a href="\(Route.agreements(.results(id)).path)">Resultaten bewerken</a></li>
                <li><a href="\(Route.agreements(.targets(id)).path)">Streefwaarden bewerken</a></li>
                <li><a href="\(Route.agreements(.contributions(id)).path)">Bijdragen bewerken</a></li>
                <li><a href="\(Route.agreements(.staffing(id)).path)">Formatie bewerken</a></li>
                <li><a href="\(Route.agreements(.texts(id)).path)">Teksten bewerken</a></li>
                <li><a href="\(Route.agreements(.importCSV(id)).path)">CSV importeren</a></li>
                </ul></nav>
                \(Components.postButton(to: .agreements(.status(id)), label: "Ter ondertekening aanbieden", csrf: context.csrfToken, style: "primary", hidden: lock + [("to", AgreementStatus.terOndertekening.rawValue)]))
                """
            case .terOndertekening:
                edit = """
                <p><a class="button button--primary" href="\(Route.agreements(.sign(id)).path)">Ondertekening vastleggen</a>
                <a class="button button--secondary" href="\(Route.agreements(.signatories(id)).path)">Ondertekenaars bewerken</a></p>
                \(Components.postButton(to: .agreements(.status(id)), label: "Terug naar concept", csrf: context.csrfToken, hidden: lock + [("to", AgreementStatus.concept.rawValue)]))
                """
            case .vastgesteld:
                edit = "<p><a class=\"button button--primary\" href=\"\(Route.agreements(.amend(id)).path)\">Bijstellen</a> <span class=\"hint\">Een vastgestelde afspraak is alleen te lezen; een bijstelling wordt versie \(data.latestNumber + 1).</span></p>"
            }
        }
        return """
        <div class="agreement-actions">
        \(edit)
        <p>\(HTML.joined(links, separator: " "))</p>
        </div>
        """
    }

    static func history(_ data: AgreementPageData) -> HTML {
        var rows: [HTML] = []
        let id = data.agreement.id
        for version in data.versions.reversed() {
            let current: HTML = version.id == data.version.id ? " (deze)" : .empty
            let compare: HTML = version.number > 1
                ? "<a href=\"\(Route.agreements(.compare(id)).path)?from=\(version.number - 1)&amp;to=\(version.number)\">vergelijk met \(version.number - 1)</a>" : .empty
            rows.append("""
            <tr><th scope="row"><a href="\(AgreementRoute.show(id).path(version: version.number))">Versie \(version.number)</a>\(current)</th><td>\(Components.agreementStatusBadge(version.status))</td><td>\(version.reason.isEmpty ? "–" : version.reason)</td><td>\(AgreementFormat.moment(version.createdAt))\(version.createdByName.map { " door " + $0 } ?? "")</td><td>\(AgreementFormat.moment(version.fixedAt))</td><td>\(compare)</td></tr>
            """)
        }
        return """
        <section id="versies"><h2>Versies en status</h2>
        <div class="table-scroll"><table class="data">
        <caption>Alle versies van deze afspraak; elke versie blijft leesbaar</caption>
        <thead><tr><th scope="col">Versie</th><th scope="col">Status</th><th scope="col">Reden</th><th scope="col">Gemaakt</th><th scope="col">Vastgesteld</th><th scope="col">Vergelijken</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        </section>
        """
    }

    static func documents(context: PageContext, data: AgreementPageData, canWrite: Bool) -> HTML {
        let id = data.agreement.id
        var items: [HTML] = []
        for document in data.documents {
            let number = data.versions.first { $0.id == document.versionID }?.number ?? 0
            items.append("<li><a href=\"\(Route.agreements(.document(id, document.id)).path)\">\(document.filename)</a> (versie \(number), \(document.sizeBytes / 1024) kB, \(AgreementFormat.moment(document.uploadedAt)))</li>")
        }
        let list: HTML = items.isEmpty ? "<p>Er is nog geen ondertekend document toegevoegd.</p>" : "<ul>\(items)</ul>"
        var upload: HTML = .empty
        if canWrite && data.isLatest && data.version.status != .concept {
            upload = Components.form(action: Route.agreements(.upload(id)).path, csrf: context.csrfToken, enctype: "multipart/form-data", """
            <div class="field">
            <label for="document">Ondertekend document (PDF, hoogstens 10 MB)</label>
            <input type="file" id="document" name="document" accept="application/pdf,.pdf">
            </div>
            <button type="submit" class="button button--secondary">Document toevoegen aan versie \(data.version.number)</button>
            """)
        }
        return "<section id=\"documenten\"><h2>Ondertekende documenten</h2>\(list)\(upload)</section>"
    }

    // MARK: - New agreement

    public struct NewForm: Sendable {
        public var ikcID: String
        public var firstYear: String
        public var lastYear: String
        public init(ikcID: String = "", firstYear: String = "", lastYear: String = "") {
            self.ikcID = ikcID
            self.firstYear = firstYear
            self.lastYear = lastYear
        }
    }

    /// The Plus IKCs the new-agreement form offers for its period, and the names of those left out
    /// because they already have an agreement covering (part of) it.
    public struct NewChoice: Sendable {
        public var offered: [(id: Int64, name: String)]
        public var leftOut: [String]
        public var periodValid: Bool
        public init(offered: [(id: Int64, name: String)], leftOut: [String], periodValid: Bool) {
            self.offered = offered
            self.leftOut = leftOut
            self.periodValid = periodValid
        }
    }

    public static func new(context: PageContext, form: NewForm, choice: NewChoice, programme: Programme,
                           errors: ValidationErrors) -> HTML {
        let years = programme.years.map { (String($0), programme.yearLabel($0)) }
        let period: HTML = """
        <form method="get" action="\(Route.agreements(.new).path)" class="filters">
        \(Components.select("first_year", label: "Eerste jaar", options: years, selected: form.firstYear, errors: errors, includeEmpty: "Kies een jaar"))
        \(Components.select("last_year", label: "Laatste jaar", options: years, selected: form.lastYear, errors: errors, includeEmpty: "Kies een jaar"))
        <button type="submit" class="button button--secondary">IKC's voor deze periode tonen</button>
        </form>
        """
        let leftOut: HTML = choice.leftOut.isEmpty ? .empty
            : "<p class=\"hint\">Niet getoond, want zij hebben al een afspraak voor (een deel van) deze periode: \(choice.leftOut.joined(separator: ", ")).</p>"
        let pick: HTML
        if !choice.periodValid {
            pick = "<p>Kies eerst een geldige periode.</p>"
        } else if choice.offered.isEmpty {
            pick = """
            <p>Alle \(context.programmeIKCs) hebben al een afspraak voor (een deel van) deze periode. Kies een andere periode, of stel een bestaande afspraak bij.</p>
            \(leftOut)
            """
        } else {
            pick = Components.form(action: Route.agreements(.new).path, csrf: context.csrfToken, """
            <input type="hidden" name="first_year"\(attr: "value", form.firstYear)>
            <input type="hidden" name="last_year"\(attr: "value", form.lastYear)>
            \(Components.select("ikc", label: context.programmeIKC, options: choice.offered.map { (String($0.id), $0.name) }, selected: form.ikcID, errors: errors, includeEmpty: "Kies een IKC"))
            \(leftOut)
            <button type="submit" class="button button--primary">Afspraak aanmaken</button>
            <a class="button button--secondary" href="\(Route.agreements(.index).path)">Annuleren</a>
            """)
        }
        return Layout.page(title: "Nieuwe resultaatafspraak", context: context.with(.agreements), """
        <div class="narrow">
        <h1>Nieuwe resultaatafspraak</h1>
        <p>Eén afspraak per \(context.programmeIKC) en periode. Kies eerst de periode; daarna ziet u de \(context.programmeIKCs) die voor die periode nog geen afspraak hebben. De ondertekenende partijen van het IKC (\(programme.signingKinds.map { $0.label.lowercased() }.joined(separator: ", "))) worden vooraf ingevuld.</p>
        \(yearKind(programme))
        \(Components.errorSummary(errors))
        <h2>Periode</h2>
        \(period)
        <h2>\(context.programmeIKC)</h2>
        \(pick)
        </div>
        """)
    }
}
