/// A form as typed in: strings as they came from the browser, validated into Dutch messages
/// per field, then turned into a record. Kept as typed so a failed form shows the user's own
/// input again.
public struct PlusPredicateForm: Sendable, Equatable {
    public var grantedOn: String
    public var lastReassessedOn: String
    public var notes: String
    /// The body that took the decision this save records (a grant or a herijking).
    public var decisionBody: String
    /// Why an IKC outside an aandachtsgebied holds the predicate (required there).
    public var outsideAreaReason: String

    public init(grantedOn: String = "", lastReassessedOn: String = "", notes: String = "", decisionBody: String = "",
                outsideAreaReason: String = "") {
        self.grantedOn = grantedOn
        self.lastReassessedOn = lastReassessedOn
        self.notes = notes
        self.decisionBody = decisionBody
        self.outsideAreaReason = outsideAreaReason
    }

    public init(_ predicate: PlusPredicate) {
        self.init(grantedOn: predicate.grantedOn.iso, lastReassessedOn: predicate.lastReassessedOn?.iso ?? "", notes: predicate.notes)
    }

    public func validate() -> ValidationErrors {
        var errors = ValidationErrors()
        let granted = Day(typed: grantedOn)
        if grantedOn.trimmingWhitespace().isEmpty {
            errors.add("grantedOn", "Vul de datum in waarop het predicaat is toegekend.")
        } else if granted == nil {
            errors.add("grantedOn", "Vul een geldige datum in, bijvoorbeeld 01-01-2022.")
        }
        if !lastReassessedOn.trimmingWhitespace().isEmpty {
            if let last = Day(typed: lastReassessedOn) {
                if let granted, last < granted { errors.add("lastReassessedOn", "De herijking ligt vóór de toekenning.") }
            } else {
                errors.add("lastReassessedOn", "Vul een geldige datum in, bijvoorbeeld 15-01-2024.")
            }
        }
        Check.maxLength(notes, 4000, "notes", "de toelichting", multiLine: true, into: &errors)
        Check.maxLength(decisionBody, 200, "decisionBody", "het orgaan", into: &errors)
        Check.maxLength(outsideAreaReason, 4000, "outsideAreaReason", "de reden", multiLine: true, into: &errors)
        return errors
    }

    /// The checks above, and for an IKC outside an aandachtsgebied (`outsideArea`) an explicit
    /// reason: seed 002 gives the predicate to the IKCs in aandachtsgebieden.
    /// `predicateName` is the programme's (KvK2: "Plus-predicaat").
    public func validate(outsideArea: Bool, predicateName: String = "Plus-predicaat") -> ValidationErrors {
        var errors = validate()
        if outsideArea && outsideAreaReason.trimmingWhitespace().isEmpty {
            errors.add("outsideAreaReason", "Dit IKC ligt niet in een aandachtsgebied. Vul in waarom het toch het \(predicateName) krijgt.")
        }
        return errors
    }

    public func predicate(ikcID: Int64, lockVersion: Int64 = 1) -> PlusPredicate? {
        guard let granted = Day(typed: grantedOn) else { return nil }
        return PlusPredicate(ikcID: ikcID, grantedOn: granted, lastReassessedOn: Day(typed: lastReassessedOn),
                             notes: notes.trimmingWhitespace(), lockVersion: lockVersion)
    }
}
