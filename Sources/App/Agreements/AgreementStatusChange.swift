import Domain
import HTTP
import Store
import Views

/// Concept → ter ondertekening (once nothing keeps it from signing), and back to concept.
extension AgreementsHandler {
    func saveStatus(id: Int64) throws -> Response {
        let values = request.formValues()
        switch AgreementStatus(rawValue: values["to"] ?? "") {
        case .terOndertekening?:
            let data = try loadEditable(id, status: .concept)
            let expected = try expectedLock(values, data)
            guard data.signingProblems.isEmpty else {
                return page(AgreementPages.show(context: user.page, data: data, canWrite: true,
                                                notice: "De afspraak kan nog niet ter ondertekening. Los eerst de punten hieronder op."), status: 422)
            }
            try Agreements.offerForSigning(of: data.agreement, version: data.version, expected: expected,
                                           mailLink: app.absoluteURL(Route.agreements(.show(data.agreement.id)).path),
                                           by: principal.userID, in: store)
            app.mailSignal.signal()
            return showSaved(id, saved: "signing")
        case .concept?:
            let data = try loadEditable(id, status: .terOndertekening)
            let expected = try expectedLock(values, data)
            try Agreements.returnToConcept(data.content, of: data.agreement, expected: expected, by: principal.userID, in: store)
            return showSaved(id, saved: "concept")
        case .vastgesteld?, nil:
            throw AppError.badRequest("Onbekende status.")
        }
    }
}
