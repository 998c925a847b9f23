/// Who signs for each party of an agreement, and what the pages warn about before signing.
extension AgreementRules {
    public static let maxSignatoryLength = 200

    /// One party's signatory as typed on the signatories form.
    public struct SignatoryInput: Sendable, Equatable {
        public var organisationID: Int64
        public var name: String
        public var title: String

        public init(organisationID: Int64, name: String, title: String) {
            self.organisationID = organisationID
            self.name = name
            self.title = title
        }

        /// The form field names of this party: `p<organisation>_name`, `p<organisation>_title`.
        public var nameField: String { "p\(organisationID)_name" }
        public var titleField: String { "p\(organisationID)_title" }
    }

    /// Every party needs a name of who signs (at most 200 characters); the function is optional
    /// (at most 200). Inputs for organisations that are no party are refused.
    public static func validateSignatories(_ inputs: [SignatoryInput], parties: [AgreementParty]) -> ValidationErrors {
        var errors = ValidationErrors()
        let known = Set(parties.map(\.organisationID))
        for input in inputs {
            let name = parties.first { $0.organisationID == input.organisationID }?.organisationName ?? "organisatie \(input.organisationID)"
            guard known.contains(input.organisationID) else {
                errors.add(input.nameField, "\(name) is geen partij bij deze versie.")
                continue
            }
            Check.required(input.name, input.nameField, "wie tekent namens \(name)", into: &errors)
            Check.maxLength(input.name, maxSignatoryLength, input.nameField, "de naam van wie tekent namens \(name)", into: &errors)
            Check.maxLength(input.title, maxSignatoryLength, input.titleField, "de functie van wie tekent namens \(name)", into: &errors)
        }
        for party in parties where !inputs.contains(where: { $0.organisationID == party.organisationID }) {
            errors.add("p\(party.organisationID)_name", "Vul in wie tekent namens \(party.organisationName).")
        }
        return errors
    }

    /// The parties with the signatories typed, in the parties' order; signatures stay as they are.
    public static func applying(_ inputs: [SignatoryInput], to parties: [AgreementParty]) -> [AgreementParty] {
        parties.map { party in
            guard let input = inputs.first(where: { $0.organisationID == party.organisationID }) else { return party }
            var changed = party
            changed.signatoryName = input.name
            changed.signatoryTitle = input.title
            return changed
        }
    }

    /// The programme goals under which a version has no result: a warning on the page and the
    /// print view ("Geen resultaat onder doel …"), and a problem before signing only when the
    /// programme requires every goal to be covered.
    public static func uncoveredGoals(_ content: AgreementContent, goals: [ProgrammeGoal]) -> [ProgrammeGoal] {
        goals.filter { content.results(goal: $0.id).isEmpty }
    }

    /// The warning line for one uncovered goal.
    public static func uncoveredGoalWarning(_ goal: ProgrammeGoal) -> String {
        "Geen resultaat onder doel ‘\(goal.name)’."
    }
}

extension AgreementPageData {
    /// The programme goals without a result in this version (a warning on the page and print).
    public var uncoveredGoals: [ProgrammeGoal] { AgreementRules.uncoveredGoals(content, goals: goals) }
}
