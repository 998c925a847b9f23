import Domain
import HTTP
import Store
import Views

/// Who signs for each party, while the version is concept or ter ondertekening. A name left
/// empty since the agreement was made is offered from the organisation's register entry.
extension AgreementsHandler {
    func showSignatories(id: Int64) throws -> Response {
        let data = try loadSignatoryEditable(id)
        let register = try store.read { c in try Agreements.organisationChoices(c) }
        var values: [String: String] = [:]
        for party in data.content.parties {
            let input = AgreementRules.SignatoryInput(organisationID: party.organisationID, name: "", title: "")
            let entry = register.first { $0.organisationID == party.organisationID }
            let fromRegister = party.signatoryName.isEmpty
            values[input.nameField] = fromRegister ? entry?.signatoryName ?? "" : party.signatoryName
            values[input.titleField] = fromRegister && party.signatoryTitle.isEmpty ? entry?.signatoryTitle ?? "" : party.signatoryTitle
        }
        return page(AgreementSignatoryPages.form(context: user.page, data: data, values: values, errors: ValidationErrors()))
    }

    func saveSignatories(id: Int64) throws -> Response {
        let data = try loadSignatoryEditable(id)
        let form = request.formValues()
        let expected = try expectedLock(form, data)
        var values: [String: String] = [:]
        var inputs: [AgreementRules.SignatoryInput] = []
        for party in data.content.parties {
            var input = AgreementRules.SignatoryInput(organisationID: party.organisationID, name: "", title: "")
            input.name = (form[input.nameField] ?? "").trimmingWhitespace()
            input.title = (form[input.titleField] ?? "").trimmingWhitespace()
            values[input.nameField] = input.name
            values[input.titleField] = input.title
            inputs.append(input)
        }
        let errors = AgreementRules.validateSignatories(inputs, parties: data.content.parties)
        guard errors.isEmpty else {
            return page(AgreementSignatoryPages.form(context: user.page, data: data, values: values, errors: errors), status: 422)
        }
        let parties = AgreementRules.applying(inputs, to: data.content.parties)
        try Agreements.saveSignatories(parties, data.content, of: data.agreement, expected: expected, by: principal.userID, in: store)
        return showSaved(id, saved: "signatories")
    }

    /// The newest version while it is concept or ter ondertekening (a fixed one is read-only).
    func loadSignatoryEditable(_ id: Int64) throws -> AgreementPageData {
        let data = try loadAgreement(id)
        guard data.version.status != .vastgesteld else {
            throw AppError.notEditable(detail: "Versie \(data.version.number) is vastgesteld en alleen te lezen. Start een bijstelling om iets te wijzigen.")
        }
        return data
    }
}
