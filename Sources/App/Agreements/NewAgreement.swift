import Domain
import HTTP
import Store
import Views

/// A new agreement: a Plus IKC and a period, created as version 1 in concept with its default parties.
extension AgreementsHandler {
    /// The form for a new agreement. The period comes first (`?first_year=&last_year=`, by default
    /// the programme's): only the Plus IKCs without an agreement covering it are offered.
    func showNew() throws -> Response {
        let programme = try programme()
        let form = AgreementPages.NewForm(firstYear: request.query["first_year"] ?? String(max(programme.firstYear, 2022)),
                                          lastYear: request.query["last_year"] ?? String(programme.lastYear))
        var errors = ValidationErrors()
        for (field, message) in AgreementRules.validatePeriod(first: Int(form.firstYear), last: Int(form.lastYear), programme: programme).messages {
            errors.add(field, message)
        }
        let period = errors.isEmpty ? form.period : nil
        let (ikcs, covered) = try store.read { c in
            (try Agreements.plusIKCs(c), try period.map { try Agreements.ikcIDsWithAgreement(first: $0.first, last: $0.last, c) })
        }
        let choice = newAgreementChoice(ikcs, covered: covered, form: form)
        return page(AgreementPages.new(context: user.page, form: form, choice: choice, programme: programme, errors: errors),
                    status: errors.isEmpty ? 200 : 422)
    }

    func saveNew() throws -> Response {
        let values = request.formValues()
        let form = AgreementPages.NewForm(ikcID: values["ikc"] ?? "", firstYear: values["first_year"] ?? "", lastYear: values["last_year"] ?? "")
        let programme = try programme()
        let first = Int(form.firstYear), last = Int(form.lastYear)
        var errors = ValidationErrors()
        for (field, message) in AgreementRules.validatePeriod(first: first, last: last, programme: programme).messages {
            errors.add(field, message)
        }
        let period = errors["first_year"] == nil && errors["last_year"] == nil ? form.period : nil
        let ikcID = Int64(form.ikcID)
        let (ikcs, covered, overlapping) = try store.read { c in
            (try Agreements.plusIKCs(c), try period.map { try Agreements.ikcIDsWithAgreement(first: $0.first, last: $0.last, c) },
             try period.flatMap { p in try ikcID.flatMap { try Agreements.overlapping(ikcID: $0, first: p.first, last: p.last, c) } })
        }
        let ikc = ikcs.first { $0.id == ikcID }
        if ikc == nil { errors.add("ikc", "Kies een Plus IKC.") }
        if errors.isEmpty, let ikc, overlapping != nil {
            errors.add("ikc", "\(ikc.name) heeft al een resultaatafspraak voor (een deel van) deze periode. Er is één afspraak per IKC en periode; stel die bij in plaats van een tweede te maken.")
        }
        guard errors.isEmpty, let ikc, let first, let last else {
            let choice = newAgreementChoice(ikcs, covered: covered, form: form)
            return page(AgreementPages.new(context: user.page, form: form, choice: choice, programme: programme, errors: errors), status: 422)
        }
        let id = try Agreements.create(ikcID: ikc.id, ikcName: ikc.name, first: first, last: last, by: principal.userID, in: store)
        return showSaved(id, saved: "created")
    }

    /// The IKCs to offer for the form's period (and the ones left out because they already have an
    /// agreement for it: `covered`, nil while the period is invalid); an IKC the user picked stays
    /// selectable so the input is kept.
    func newAgreementChoice(_ ikcs: [(id: Int64, name: String)], covered: Set<Int64>?, form: AgreementPages.NewForm) -> AgreementPages.NewChoice {
        guard let covered else { return AgreementPages.NewChoice(offered: [], leftOut: [], periodValid: false) }
        return AgreementPages.NewChoice(offered: ikcs.filter { !covered.contains($0.id) || String($0.id) == form.ikcID },
                                        leftOut: ikcs.filter { covered.contains($0.id) && String($0.id) != form.ikcID }.map(\.name),
                                        periodValid: true)
    }
}

extension AgreementPages.NewForm {
    /// The period typed, when both years are numbers.
    var period: (first: Int, last: Int)? {
        guard let first = Int(firstYear), let last = Int(lastYear) else { return nil }
        return (first, last)
    }
}
