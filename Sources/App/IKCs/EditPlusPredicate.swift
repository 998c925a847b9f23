import Domain
import HTTP
import Store
import Views

/// The Plus predicate of an IKC: the page with the predicate's form and the conditions, and
/// saving the predicate (or the conflict page when someone saved first).
extension IKCsHandler {
    func showPlus(id: Int64) throws -> Response {
        try plusPage(id: id, form: nil, errors: ValidationErrors(), notice: RecordForms.savedNotice(request))
    }

    func savePlus(id: Int64) throws -> Response {
        guard let ikc = try store.read({ try IKCs.find(id: id, $0) }) else { throw AppError.notFound }
        // A programme without a predicate (Amsterdam West) has no predicate to record.
        guard try programme().predicateName != nil else { throw AppError.notFound }
        let v = request.formValues()
        let expected = (v["lock_version"] ?? "").isEmpty ? nil : Int64(v["lock_version"] ?? "")
        let form = PlusPredicateForm(grantedOn: v["grantedOn"] ?? "", lastReassessedOn: v["lastReassessedOn"] ?? "", notes: v["notes"] ?? "",
                                     decisionBody: v["decisionBody"] ?? "", outsideAreaReason: v["outsideAreaReason"] ?? "")
        let outside = try store.read { c in try ikc.areaID.flatMap { try Areas.find(id: $0, c) }?.isPriority != true }
        let errors = form.validate(outsideArea: outside, predicateName: try programme().predicateName ?? "predicaat")
        guard errors.isEmpty, let predicate = form.predicate(ikcID: id) else {
            return try plusPage(id: id, form: form, errors: errors, notice: nil, status: 422)
        }
        do {
            try IKCs.savePredicate(predicate, of: ikc, expected: expected, decisionBody: form.decisionBody,
                                   outsideAreaReason: outside ? form.outsideAreaReason : nil, by: principal.userID, in: store)
        } catch StoreError.staleVersion {
            let current = try store.read { try IKCs.predicate(ikcID: id, $0) }
            let fields = RecordForms.conflictFields(stored: PlusPredicate.fields(current), submitted: PlusPredicate.fields(predicate))
            return page(ConflictPanel.page(context: user.page.with(.ikcs), title: "Het \(try programme().predicateName ?? "predicaat") van \(ikc.name)", fields: fields,
                                           reopen: .ikcs(.plus(id))), status: 409)
        }
        return Response.redirect(to: Route.ikcs(.plus(id)).path + "?saved=1")
    }

    /// The predicate page: as stored, or with the form as typed and its messages.
    func plusPage(id: Int64, form: PlusPredicateForm?, errors: ValidationErrors, notice: String?, status: Int = 200) throws -> Response {
        let programme = try programme()
        let (found, predicate, conditions, rules) = try store.read { c in
            (try IKCs.find(id: id, c), try IKCs.predicate(ikcID: id, c), try IKCs.conditions(ikcID: id, c), try IKCs.plusRules(ikcID: id, c))
        }
        guard let ikc = found else { throw AppError.notFound }
        guard allows(.read, .ikc, ikcID: id) else { throw AppError.forbidden }
        guard programme.predicateName != nil else { throw AppError.notFound }
        var stored = predicate.map(PlusPredicateForm.init) ?? PlusPredicateForm()
        stored.outsideAreaReason = rules.outsideAreaReason ?? ""
        return page(IKCPages.plus(context: user.page, ikc: ikc, predicate: predicate, rules: rules, form: form ?? stored,
                                  nextReassessment: predicate?.nextReassessment(everyYears: programme.plusReassessmentYears),
                                  termEnds: predicate?.termEnds(termYears: programme.plusTermYears), conditions: conditions,
                                  canEdit: allows(.write, .ikc), errors: errors, notice: notice), status: status)
    }
}
