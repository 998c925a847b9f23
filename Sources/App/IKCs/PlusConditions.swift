import Domain
import HTTP
import Store
import Views

extension IKCsHandler {
    /// Saves the checklist: every condition whose state or note changed gets the current user
    /// and time; unchanged ones keep who set them when. A condition left "not assessed" is skipped.
    func saveConditions(id: Int64) throws -> Response {
        let (found, known) = try store.read { c in (try IKCs.find(id: id, c), try IKCs.conditions(ikcID: id, c)) }
        guard let ikc = found else { throw AppError.notFound }
        let v = request.formValues()
        var changes: [IKCs.ConditionChange] = []
        for check in known {
            let stateText = v["state_\(check.conditionID)"] ?? ""
            guard !stateText.isEmpty else { continue }
            guard let state = ConditionState(rawValue: stateText) else { throw AppError.badRequest("Onbekende stand van een voorwaarde.") }
            let note = (v["note_\(check.conditionID)"] ?? "").trimmingWhitespace()
            guard note.count <= 2000 else { throw AppError.badRequest("Een notitie is te lang (hoogstens 2.000 tekens).") }
            changes.append(IKCs.ConditionChange(check: check, state: state, note: note))
        }
        try IKCs.saveConditions(changes, of: ikc, by: principal.userID, in: store)
        return Response.redirect(to: Route.ikcs(.plus(id)).path + "?saved=1")
    }
}
