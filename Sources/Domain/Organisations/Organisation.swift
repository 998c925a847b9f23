/// An organisation (table `organisations`): the municipality, a koepel, a childcare organisation
/// or another partner, with the person who signs agreements for it.
public struct Organisation: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var contactName: String
    public var contactEmail: String
    public var signatoryName: String
    public var signatoryTitle: String
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", kind: String = Organisation.koepel, contactName: String = "",
                contactEmail: String = "", signatoryName: String = "", signatoryTitle: String = "",
                lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.signatoryName = signatoryName
        self.signatoryTitle = signatoryTitle
        self.lockVersion = lockVersion
    }

    public func validate(kinds: [String]) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(name, "name", "de naam", into: &errors)
        Check.maxLength(name, 200, "name", "de naam", into: &errors)
        if !kinds.contains(kind) { errors.add("kind", "Kies het soort organisatie.") }
        Check.characters(contactName, "contactName", into: &errors)
        Check.characters(signatoryName, "signatoryName", into: &errors)
        Check.characters(signatoryTitle, "signatoryTitle", into: &errors)
        let email = contactEmail.trimmingWhitespace()
        if !email.isEmpty && !Check.isEmail(email) {
            errors.add("contactEmail", "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.")
        }
        return errors
    }
}

extension Organisation {
    /// The kinds the programme's rules name (the others are the programme's own, in
    /// `organisation_kinds`): an IKC's koepel and its childcare organisations are of these.
    public static let koepel = "koepel"
    public static let childcare = "kinderopvang"

    /// The fields for the audit log and the conflict page; the kind by its label.
    public func fields(kinds: [CodeLabel]) -> [RecordField] {
        [RecordField("name", "Naam", name), RecordField("kind", "Soort", kinds.first { $0.code == kind }?.label ?? kind),
         RecordField("contact_name", "Contactpersoon", contactName), RecordField("contact_email", "E-mailadres contactpersoon", contactEmail),
         RecordField("signatory_name", "Ondertekenaar", signatoryName), RecordField("signatory_title", "Functie ondertekenaar", signatoryTitle)]
    }
}
