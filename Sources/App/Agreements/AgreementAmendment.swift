import Domain
import HTTP
import Store
import Views

/// An amendment of a fixed version: version n+1 in concept as its copy, with a reason typed in
/// the form or taken from a yearly plan's Act proposal.
extension AgreementsHandler {
    func showAmendment(id: Int64) throws -> Response {
        let data = try loadEditable(id, status: .vastgesteld)
        return page(AgreementEditPages.amend(context: user.page, data: data, reason: "", errors: ValidationErrors()))
    }

    func saveAmendment(id: Int64) throws -> Response {
        let data = try loadEditable(id, status: .vastgesteld)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let reason = (values["reason"] ?? "").trimmingWhitespace()
        let errors = AgreementRules.validateAmendment(reason: reason)
        guard errors.isEmpty else {
            return page(AgreementEditPages.amend(context: user.page, data: data, reason: reason, errors: errors), status: 422)
        }
        try Agreements.startAmendment(data.content, of: data.agreement, expected: expected, reason: reason, by: principal.userID, in: store)
        return showSaved(id, saved: "amended")
    }

    /// One click from a yearly plan's Act proposal to a draft amendment with the proposal as its
    /// reason. Only while the newest version is fixed; otherwise the proposal belongs in the
    /// version already under way (409, nothing written).
    func saveProposalAmendment(id: Int64, planID: Int64) throws -> Response {
        let data = try loadEditable(id, status: .vastgesteld, withProposals: true)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        guard let proposal = data.proposals.first(where: { $0.planID == planID }) else { throw AppError.notFound }
        let reason = proposal.reason(yearLabel: data.programme.yearLabel)
        try Agreements.startAmendment(data.content, of: data.agreement, expected: expected, reason: reason, extra: [("plan", String(planID))],
                                      summary: "Bijstelling gestart uit het jaarplan \(data.programme.yearLabel(proposal.year))",
                                      by: principal.userID, in: store)
        return showSaved(id, saved: "amended")
    }
}
