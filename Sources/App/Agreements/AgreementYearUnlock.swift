import Domain
import HTTP
import Store
import Views

/// Closed years (issue 17): a change to a closed year's cell is refused with the reason, and a
/// project leader opens one year of one agreement again with a required reason.
extension AgreementsHandler {
    /// Runs a save; a change the Store refused because it touched a closed year becomes a 409
    /// with the reason (the transaction rolled back: nothing is saved).
    func refusingClosedYears<T>(_ data: AgreementPageData, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as ClosedYearRefusal {
            throw AppError.conflict(detail: ClosedYears.reason(data.programme.yearLabel(refusal.year)) + " Er is niets opgeslagen.")
        }
    }

    /// Opens the year in the form (`jaar`) of agreement `id` again; the reason is required.
    func saveUnlock(id: Int64) throws -> Response {
        let data = try loadAgreement(id)
        let values = request.formValues()
        guard let year = Int(values["jaar"] ?? ""), data.years.contains(year) else { throw AppError.badRequest("Kies een jaar van de afspraak.") }
        let reason = (values["reason"] ?? "").trimmingWhitespace()
        if let problem = ClosedYears.validReason(reason) {
            // Nothing saved: the agreement page says why.
            return page(AgreementPages.show(context: user.page, data: data, canWrite: true, notice: problem, signAs: nil), status: 422)
        }
        try Agreements.unlockYear(year, of: data.agreement, reason: reason, yearLabel: data.programme.yearLabel(year),
                                  by: principal.userID, in: store)
        return Response.redirect(to: Route.agreements(.show(id)).path + "?saved=unlocked")
    }
}
