/// The audit log's stored codes (actions, record types, field keys) in the words the pages use.
/// The stored rows keep their exact values; only what is shown is translated here.
public enum AuditVocabulary {
    /// A record type as stored, its Dutch name, and the word the filter's URL uses (`?soort=jaarplan`).
    public struct Kind: Sendable, Equatable {
        public var code: String
        public var label: String
        public var slug: String
    }

    /// The record kinds as the filter offers them, in the order of the menu.
    public static let recordKinds: [Kind] = [
        Kind(code: "agreement", label: "Resultaatafspraak", slug: "resultaatafspraak"),
        Kind(code: "year_plan", label: "Jaarplan", slug: "jaarplan"),
        Kind(code: "plan_deadline", label: "Inleverdatum jaarplannen", slug: "inleverdatum"),
        Kind(code: "ikc", label: "IKC", slug: "ikc"),
        Kind(code: "plus_predicate", label: "Plus-predicaat", slug: "pluspredicaat"),
        Kind(code: "plus_condition", label: "Plusvoorwaarde", slug: "plusvoorwaarde"),
        Kind(code: "area", label: "Gebied", slug: "gebied"),
        Kind(code: "area_indicator", label: "Gebiedsindicator", slug: "gebiedsindicator"),
        Kind(code: "organisation", label: "Organisatie", slug: "organisatie"),
        Kind(code: "funding_source", label: "Financieringsbron", slug: "financieringsbron"),
        Kind(code: "funding_settings", label: "Instellingen financiering", slug: "instellingen-financiering"),
        Kind(code: "staff_pool", label: "Personeelsinzet", slug: "personeelsinzet"),
        Kind(code: "user", label: "Gebruiker", slug: "gebruiker"),
        Kind(code: "report", label: "Jaarrapportage", slug: "jaarrapportage"),
        Kind(code: "programme", label: "Programma-instellingen", slug: "programma"),
        Kind(code: "indicator", label: "Indicator", slug: "indicator"),
    ]

    /// The Dutch name of a record type; an unknown type is "Overig gegeven", never the code.
    public static func recordKind(_ code: String) -> String {
        recordKinds.first { $0.code == code }?.label ?? "Overig gegeven"
    }

    /// The stored record type a filter word stands for (the Dutch word, or the stored code of
    /// older links); nil when it is neither.
    public static func recordType(filterWord: String) -> String? {
        recordKinds.first { $0.slug == filterWord || $0.code == filterWord }?.code
    }

    static let actions: [String: String] = [
        "create": "Aangemaakt", "update": "Gewijzigd", "delete": "Verwijderd", "login": "Ingelogd", "logout": "Uitgelogd",
        "password": "Wachtwoord ingesteld", "password-link": "Wachtwoordlink aangemaakt", "submit": "Ingediend",
        "approve": "Goedgekeurd", "return": "Teruggestuurd", "note": "Notitie toegevoegd", "import": "Geïmporteerd",
        "status": "Status gewijzigd", "sign": "Ondertekening vastgelegd", "fix": "Vastgesteld", "upload": "Document toegevoegd",
        "amend": "Nieuwe versie gemaakt", "publish": "Gepubliceerd", "withdraw": "Teruggetrokken", "share": "Deellink gemaakt",
        "unshare": "Deellink ingetrokken", "unlock": "Jaar weer geopend", "reopen": "Heropend",
        "correct": "Gecorrigeerd door projectleider",
    ]

    /// The Dutch name of an action; an unknown action is "Overige handeling", never the code.
    public static func action(_ code: String) -> String {
        actions[code] ?? "Overige handeling"
    }

    /// How a stored value is shown.
    public enum ValueKind: Sendable, Equatable {
        case text
        /// Whole cents as text: shown as euros.
        case cents
        /// Euros as the agreement form's input writes them (`36.000`): shown with the euro sign.
        case euroInput
        /// An ISO day: shown `dd-mm-jjjj`.
        case day
        /// A number with a decimal point: shown with a decimal comma.
        case number
        /// `1`/`0`: ja/nee.
        case flag
        case role
        case status(recordType: String)
        case conditionState
        /// A year: shown as the programme's year label.
        case year
        /// Ids of `kind` (comma separated): shown by name.
        case ids(NameKind)
        /// A funding source kind's code: shown by its label.
        case fundingKind
        /// A measurement: a number, or "niet gemeten: <reden>".
        case measurement
    }

    /// Which table of names an id refers to.
    public enum NameKind: Sendable, Equatable {
        case user, ikc, area, organisation, fundingSource, result, condition
    }

    /// A stored field key's label and how its value is shown.
    public struct Field: Sendable, Equatable {
        public var label: String
        public var kind: ValueKind
        public init(_ label: String, _ kind: ValueKind = .text) {
            self.label = label
            self.kind = kind
        }
    }

    static let plainFields: [String: Field] = [
        "name": Field("Naam"), "kind": Field("Soort"), "notes": Field("Toelichting"), "email": Field("E-mailadres"),
        "role": Field("Rol", .role), "active": Field("Actief", .flag), "ikcs": Field("IKC's", .ids(.ikc)),
        "organisation_id": Field("Organisatie", .ids(.organisation)), "koepel": Field("Koepel"), "area": Field("Gebied"),
        "childcare": Field("Kinderopvang"), "director": Field("Directeur"), "children": Field("Aantal kinderen"),
        "profile": Field("Profiel"), "contact_name": Field("Contactpersoon"), "contact_email": Field("E-mailadres contactpersoon"),
        "signatory_name": Field("Ondertekenaar"), "signatory_title": Field("Functie ondertekenaar"),
        "granted_on": Field("Toegekend op", .day), "last_reassessed_on": Field("Laatste herijking", .day),
        "reassessed_on": Field("Laatste herijking", .day), "is_priority": Field("Aandachtsgebied", .flag),
        "ikc": Field("IKC", .ids(.ikc)), "year": Field("Jaar", .year), "first_year": Field("Eerste jaar", .year),
        "last_year": Field("Laatste jaar", .year), "parties": Field("Partijen"), "agreement_version": Field("Versie van de afspraak"),
        "noted_on": Field("Datum notitie", .day), "text": Field("Tekst"), "return_reason": Field("Reden van terugsturen"),
        "due_on": Field("Inleverdatum", .day), "grace_days": Field("Respijtdagen"), "indicator": Field("Indicator"),
        "value": Field("Waarde", .number), "source": Field("Bron"), "rows": Field("Aantal regels"), "replaced": Field("Vervangen"),
        "file": Field("Bestand"), "version": Field("Versie"), "reason": Field("Reden"), "document": Field("Document"),
        "foreword": Field("Voorwoord"), "conclusions": Field("Conclusies"), "condition": Field("Voorwaarde", .ids(.condition)),
        "state": Field("Stand", .conditionState), "note": Field("Notitie"), "analysis": Field("Data-analyse en aanbod"),
        "governance": Field("Aansturing"), "job_structure": Field("Functiehuis"),
        "organisation": Field("Organisatie van onderwijs en opvang"),
        "intention": Field("Plan: algemene intentie"), "act_changes": Field("Act: wat verandert er volgend jaar"),
        "act_amendment_proposal": Field("Act: voorstel tot bijstelling"),
        "decision_body": Field("Besluit door"), "outside_area_reason": Field("Reden buiten aandachtsgebied"),
    ]

    /// The label and value kind of a stored field key of a row about `recordType`. Names come
    /// from `names`; a key this table does not know is shown as "Overig veld", never as the code.
    public static func field(_ key: String, recordType: String, names: AuditNames) -> Field {
        if key == "status" { return Field("Status", .status(recordType: recordType)) }
        // The programme settings store their field keys as Dutch descriptions (ProgrammeSettingsVerbs).
        if recordType == "programme" { return Field(key) }
        if key == "kind", recordType == "funding_source" { return Field("Soort", .fundingKind) }
        if let field = plainFields[key] { return field }
        if let field = planningField(key, recordType: recordType, names: names) { return field }
        if key.hasPrefix("budget_"), let year = Int(key.dropFirst("budget_".count)) {
            return Field("Budget \(names.yearLabel(year))", .cents)
        }
        if let grid = GridField(name: key) { return gridField(grid, names) }
        if let dot = key.firstIndex(of: ".") { return planField(String(key[..<dot]), String(key[key.index(after: dot)...]), names) }
        if key.hasPrefix("partij ") { return Field("Partij " + key.dropFirst("partij ".count)) }
        if key.hasPrefix("result nieuw ") { return Field("Nieuw resultaat " + key.dropFirst("result nieuw ".count)) }
        if key.hasPrefix("result ") { return Field("Resultaat") }
        if names.organisations.values.contains(key) { return Field("Ondertekening \(key)") }
        return Field("Overig veld")
    }

    static func gridField(_ grid: GridField, _ names: AuditNames) -> Field {
        switch grid {
        case .target(let resultID, let year):
            return Field("Streefwaarde ‘\(names.resultName(resultID))’ \(names.yearLabel(year))", .number)
        case .contribution(let organisationID, let sourceID, let year):
            return Field("Bijdrage \(names.name(.organisation, organisationID)) uit ‘\(names.name(.fundingSource, sourceID))’ \(names.yearLabel(year))",
                         .euroInput)
        case .staffing(let role, let year):
            return Field("Formatie ‘\(names.roleLabel(role))’ \(names.yearLabel(year)) (uren per week)", .number)
        case .payer(let role):
            return Field("Betaald door (‘\(names.roleLabel(role))’)", .ids(.organisation))
        }
    }

    static func planField(_ kind: String, _ rest: String, _ names: AuditNames) -> Field {
        let result = Int64(rest).map { names.resultName($0) } ?? rest
        let source = Int64(rest).map { names.name(.fundingSource, $0) } ?? rest
        switch kind {
        case "activities": return Field("Plan: activiteiten bij ‘\(result)’")
        case "measurement": return Field("Check: gemeten ‘\(result)’", .measurement)
        case "measurement_source": return Field("Check: bron van ‘\(result)’")
        case "measured_on": return Field("Check: meetdatum van ‘\(result)’", .day)
        case "planned": return Field("Plan: gepland uit ‘\(source)’", .cents)
        case "spent": return Field("Check: besteed uit ‘\(source)’", .cents)
        case "staffing": return Field("Check: ingezette uren ‘\(names.roleLabel(rest))’", .number)
        default: return Field("Overig veld")
        }
    }

    /// The Dutch word for a stored status of a record of `recordType`.
    public static func status(_ raw: String, recordType: String) -> String {
        switch recordType {
        case "year_plan": return YearPlan.Status(rawValue: raw)?.label ?? raw
        case "agreement": return AgreementStatus(rawValue: raw)?.label ?? raw
        case "report":
            switch raw {
            case "draft": return "Concept"
            case "published": return "Gepubliceerd"
            case "withdrawn": return "Teruggetrokken"
            default: return raw
            }
        default: return raw
        }
    }
}
