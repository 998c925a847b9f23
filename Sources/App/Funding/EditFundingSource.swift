import Domain
import HTTP
import Markup
import Store
import Views

/// The form of a funding source, new (`id` nil) or existing: its fields and its budget per year.
extension FundingHandler {
    func showSourceForm(id: Int64?) throws -> Response {
        let programme = try programme()
        let (sources, source, budgets, statuses) = try store.read { c in
            (try FundingSources.list(c), try id.flatMap { try FundingSources.find(id: $0, c) },
             try id.map { try FundingSources.budgets(sourceID: $0, c) } ?? [:], try id.map { try FundingSources.budgetStatuses(sourceID: $0, c) } ?? [:])
        }
        if id != nil && source == nil { throw AppError.notFound }
        var form = FundingSourceForm()
        if let source {
            form = FundingSourceForm(name: source.name, kind: source.kind, organisation: source.organisationID.map { String($0) } ?? "",
                                     notes: source.notes, budgetTexts: budgets.mapValues(FundingPages.amountText),
                                     statusTexts: statuses.mapValues(\.rawValue), parent: source.parentID.map { String($0) } ?? "",
                                     calendarBudget: source.calendarBudget)
        }
        return page(FundingPages.form(context: user.page, programme: programme, sources: sources, sourceID: id,
                                      lockVersion: source?.lockVersion, form: form, errors: ValidationErrors()))
    }

    func saveSourceForm(id: Int64?) throws -> Response {
        let values = request.formValues()
        let programme = try programme()
        let (sources, current) = try store.read { c in (try FundingSources.list(c), try id.flatMap { try FundingSources.find(id: $0, c) }) }
        if id != nil && current == nil { throw AppError.notFound }
        var expected: Int64?
        if id != nil {
            guard let version = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
            expected = version
        }
        var texts: [Int: String] = [:], statusTexts: [Int: String] = [:]
        for year in programme.years {
            texts[year] = values[FundingSourceForm.budgetField(year)] ?? ""
            statusTexts[year] = values[FundingSourceForm.statusField(year)] ?? ""
        }
        let form = FundingSourceForm(name: values["name"] ?? "", kind: values["kind"] ?? "", organisation: values["organisation"] ?? "",
                                     notes: values["notes"] ?? "", budgetTexts: texts, statusTexts: statusTexts, parent: values["parent"] ?? "",
                                     calendarBudget: values["calendar_budget"] == "1")
        var (errors, checked) = form.validate(years: programme.years, kinds: sources.kindCodes,
                                              organisationIDs: Set(sources.organisationNames.keys), yearLabel: programme.yearLabel,
                                              parse: DutchFormat.parseEuros)
        func rerender(_ errors: ValidationErrors) -> Response {
            page(FundingPages.form(context: user.page, programme: programme, sources: sources, sourceID: id, lockVersion: expected,
                                   form: form, errors: errors), status: 422)
        }
        if let checked, try store.read({ try FundingSources.nameExists(checked.source.name, exceptID: id, $0) }) {
            errors.add("name", "Er is al een financieringsbron met deze naam.")
        }
        guard errors.isEmpty, let checked else { return rerender(errors) }

        let savedID: Int64
        do {
            if let id, let expected {
                try FundingSources.change(id: id, expected: expected, to: checked, years: programme.years, by: principal.userID,
                                          yearLabel: programme.yearLabel, in: store)
                savedID = id
            } else {
                savedID = try FundingSources.create(checked, years: programme.years, by: principal.userID, yearLabel: programme.yearLabel, in: store)
            }
        } catch let refused as EarmarkRefused {
            return rerender(refused.errors)
        } catch StoreError.duplicate {
            errors.add("name", "Er is al een financieringsbron met deze naam.")
            return rerender(errors)
        }
        return Response.redirect(to: Route.funding(.source(savedID)).path + "?saved=1")
    }
}
