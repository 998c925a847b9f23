import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

/// More parties than the three core ones: while a version is in concept a project leader adds an
/// organisation as partner (e.g. the GGD) with who signs for it, or removes a partner after a
/// confirmation step. Signing to vastgesteld then needs every party's signature.
extension Application {
    func partnerCandidates(_ data: AgreementPageData) throws -> [AgreementParty] {
        let parties = Set(data.content.parties.map(\.organisationID))
        return try database.read { try Agreements.organisationChoices($0) }.filter { !parties.contains($0.organisationID) }
    }

    func getAgreementParties(id: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        return page(AgreementPartyPages.parties(context: context.page, data: data, candidates: try partnerCandidates(data),
                                                form: AgreementPartyPages.PartnerForm(), errors: ValidationErrors()))
    }

    func postAgreementParties(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        let values = request.formValues()
        let form = AgreementPartyPages.PartnerForm(organisation: values["organisation"] ?? "",
                                                   signatoryName: (values["signatory_name"] ?? "").trimmingWhitespace(),
                                                   signatoryTitle: (values["signatory_title"] ?? "").trimmingWhitespace())
        let candidates = try partnerCandidates(data)
        do {
            let expected = try expectedLock(values, data)
            let organisationID = Int64(form.organisation)
            let errors = AgreementRules.validatePartner(organisation: organisationID, candidates: Set(candidates.map(\.organisationID)),
                                                        signatoryName: form.signatoryName, signatoryTitle: form.signatoryTitle)
            guard errors.isEmpty, let chosen = candidates.first(where: { $0.organisationID == organisationID }) else {
                return page(AgreementPartyPages.parties(context: context.page, data: data, candidates: candidates, form: form, errors: errors),
                            status: 422)
            }
            // Left empty, who signs is the organisation's usual signatory (from the registry).
            let partner = AgreementParty(organisationID: chosen.organisationID, organisationName: chosen.organisationName, role: "partner",
                                         signatoryName: form.signatoryName.isEmpty ? chosen.signatoryName : form.signatoryName,
                                         signatoryTitle: form.signatoryName.isEmpty && form.signatoryTitle.isEmpty ? chosen.signatoryTitle : form.signatoryTitle)
            try database.write { c in
                try Agreements.claim(version: data.version, expected: expected, c)
                try Agreements.addPartner(partner, version: data.version, c)
                try audit(data, context, action: "update", summary: "Partner \(partner.organisationName) toegevoegd",
                          changes: [("partij \(partner.organisationName)", nil, "partner; tekent: \(partner.signatoryName) \(partner.signatoryTitle)")], c)
            }
            return showAgreement(id, saved: "partner")
        } catch StoreError.staleVersion {
            return try agreementConflict(id, context, what: "De partijen", reopen: .parties(id)) { current in
                let submitted = candidates.first { String($0.organisationID) == form.organisation }?.organisationName ?? form.organisation
                let stored = current.content.parties.map(\.organisationName).joined(separator: ", ")
                let wanted = (data.content.parties.map(\.organisationName) + [submitted]).joined(separator: ", ")
                return [ConflictPanel.Field("Partijen", stored: stored, submitted: wanted)]
            }
        }
    }

    /// The partner to remove; a core party or an organisation that is no party is refused.
    func partnerToRemove(_ data: AgreementPageData, _ organisationID: Int64) throws -> AgreementParty {
        guard let party = data.content.parties.first(where: { $0.organisationID == organisationID }) else { throw AppError.notFound }
        guard party.isPartner else {
            throw AppError.conflict(detail: "\(party.organisationName) is een van de kernpartijen (gemeente, koepel, kinderopvang) en kan niet worden verwijderd; alleen toegevoegde partners kunnen weer weg.")
        }
        return party
    }

    func getAgreementRemoveParty(id: Int64, organisationID: Int64, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        let party = try partnerToRemove(data, organisationID)
        return page(AgreementPartyPages.confirmRemoval(context: context.page, data: data, party: party))
    }

    func postAgreementRemoveParty(id: Int64, organisationID: Int64, _ request: Request, _ context: Context) throws -> Response {
        let data = try loadEditable(id, context)
        let party = try partnerToRemove(data, organisationID)
        let expected = try expectedLock(request.formValues(), data)
        let cents = data.content.totalCents(organisation: organisationID)
        let old = "partner; tekent: \(party.signatoryName) \(party.signatoryTitle); bijdragen \(DutchFormat.euros(cents: cents))"
        try database.write { c in
            try Agreements.claim(version: data.version, expected: expected, c)
            try Agreements.removePartner(organisationID: organisationID, version: data.version, c)
            try audit(data, context, action: "update", summary: "Partner \(party.organisationName) verwijderd",
                      changes: [("partij \(party.organisationName)", old, nil)], c)
        }
        return showAgreement(id, saved: "partner-removed")
    }
}
