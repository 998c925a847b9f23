import Domain
import HTTP
import Store
import Views

/// More parties than the three core ones: while a version is in concept a project leader adds an
/// organisation as partner (e.g. the GGD) with who signs for it. Signing to vastgesteld then
/// needs every party's signature.
extension AgreementsHandler {
    func showParties(id: Int64) throws -> Response {
        let data = try loadEditable(id, withPartnerCandidates: true)
        return page(AgreementPartyPages.parties(context: user.page, data: data, candidates: data.partnerCandidates,
                                                form: AgreementPartyPages.PartnerForm(), errors: ValidationErrors()))
    }

    func saveParties(id: Int64) throws -> Response {
        let data = try loadEditable(id, withPartnerCandidates: true)
        let values = request.formValues()
        let form = AgreementPartyPages.PartnerForm(organisation: values["organisation"] ?? "",
                                                   signatoryName: (values["signatory_name"] ?? "").trimmingWhitespace(),
                                                   signatoryTitle: (values["signatory_title"] ?? "").trimmingWhitespace())
        let candidates = data.partnerCandidates
        do {
            let expected = try expectedLock(values, data)
            let organisationID = Int64(form.organisation)
            let errors = AgreementRules.validatePartner(organisation: organisationID, candidates: Set(candidates.map(\.organisationID)),
                                                        signatoryName: form.signatoryName, signatoryTitle: form.signatoryTitle)
            guard errors.isEmpty, let chosen = candidates.first(where: { $0.organisationID == organisationID }) else {
                return page(AgreementPartyPages.parties(context: user.page, data: data, candidates: candidates, form: form, errors: errors),
                            status: 422)
            }
            // Left empty, who signs is the organisation's usual signatory (from the registry).
            let partner = AgreementParty(organisationID: chosen.organisationID, organisationName: chosen.organisationName, role: "partner",
                                         signatoryName: form.signatoryName.isEmpty ? chosen.signatoryName : form.signatoryName,
                                         signatoryTitle: form.signatoryName.isEmpty && form.signatoryTitle.isEmpty ? chosen.signatoryTitle : form.signatoryTitle)
            try Agreements.addPartner(partner, of: data.agreement, version: data.version, expected: expected, by: principal.userID, in: store)
            return showSaved(id, saved: "partner")
        } catch StoreError.staleVersion {
            return try agreementConflict(id, what: "De partijen", reopen: .parties(id)) { current in
                let submitted = candidates.first { String($0.organisationID) == form.organisation }?.organisationName ?? form.organisation
                let stored = current.content.parties.map(\.organisationName).joined(separator: ", ")
                let wanted = (data.content.parties.map(\.organisationName) + [submitted]).joined(separator: ", ")
                return [ConflictPanel.Field("Partijen", stored: stored, submitted: wanted)]
            }
        }
    }
}
