import Domain
import HTTP
import Markup
import Store
import Views

/// The results of a concept version: goal, library indicator, baseline, source, per row; and a
/// new library indicator added from the same form without losing the rows as typed.
extension AgreementsHandler {
    func showResults(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        let (library, areaNames) = try store.read { c in (try Indicators.all(c).map(\.indicator), try Indicators.areaIndicatorNames(c)) }
        return page(AgreementEditPages.results(context: user.page, data: data, inputs: resultInputs(data), errors: ValidationErrors(),
                                               library: library, areaNames: areaNames))
    }

    func saveResults(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let (library, areaNames) = try store.read { c in (try Indicators.all(c).map(\.indicator), try Indicators.areaIndicatorNames(c)) }
        var inputs = resultInputs(values)
        if values["action"] == "add_indicator" {
            return try addIndicator(data: data, inputs: inputs, values: values, library: library, areaNames: areaNames)
        }
        let chosen = AgreementsHandler.applyLibrary(&inputs, library: library)
        let (results, ruleErrors) = AgreementRules.results(inputs, goals: Set(data.goals.map(\.id)), knownIDs: Set(data.content.results.map(\.id)),
                                                           parseNumber: DutchFormat.parseDecimal)
        var errors = chosen
        for (field, message) in ruleErrors.messages {
            // With the library, a missing indicator is the row's choice, not a text field; unit,
            // direction and accumulation come with the indicator and have no field of their own.
            let row = String(field.prefix { $0 != "_" }) + "_"
            let fromLibrary = values[row + "indicator_id"] != nil
            if fromLibrary && (field.hasSuffix("_unit") || field.hasSuffix("_direction") || field.hasSuffix("_accumulation")) { continue }
            errors.add(field.hasSuffix("_indicator") && fromLibrary ? field + "_id" : field, message)
        }
        guard errors.isEmpty else {
            return page(AgreementEditPages.results(context: user.page, data: data, inputs: inputs, errors: errors, library: library,
                                                   areaNames: areaNames), status: 422)
        }
        func describe(_ r: AgreementResult) -> String {
            "doel \(r.goalID), \(r.position). \(r.description) | \(r.indicator) | \(r.unit.rawValue) | nulmeting \(r.baselineValue.map(AgreementFormat.plain) ?? "-") (\(r.baselineYear.map(String.init) ?? "-")) | \(r.direction.rawValue) | \(r.dataSource) | \(r.accumulation.rawValue)"
        }
        var changes: [(String, String?, String?)] = []
        let old = Dictionary(uniqueKeysWithValues: data.content.results.map { ($0.id, $0) })
        for r in results where r.id != 0 { changes.append(("result \(old[r.id]?.lineage ?? 0)", old[r.id].map(describe), describe(r))) }
        for r in results where r.id == 0 { changes.append(("result nieuw \(r.position)", nil, describe(r))) }
        let kept = Set(results.map(\.id))
        for r in data.content.results where !kept.contains(r.id) { changes.append(("result \(r.lineage)", describe(r), nil)) }
        // Removing a result would remove its targets of closed years too: refused like a changed cell.
        try refusingClosedYears(data) {
            try Agreements.saveResults(results, of: data.agreement, version: data.version, expected: expected, changes: changes,
                                       by: principal.userID, in: store)
        }
        return showSaved(id, saved: "results")
    }

    /// The second submit button: the new indicator goes into the library (its own verb and audit
    /// row), and the form comes back with the rows as typed and the new indicator chosen on the
    /// new row. Nothing of the agreement is saved yet.
    func addIndicator(data: AgreementPageData, inputs: [AgreementRules.ResultInput], values: FormValues, library: [Indicator],
                      areaNames: [String]) throws -> Response {
        var inputs = inputs
        let form = IndicatorsHandler.form(values, prefix: "new_")
        var errors = form.validate(prefix: "new_")
        if errors.isEmpty, let indicator = form.indicator() {
            do {
                let id = try Indicators.add(indicator, areaIndicators: form.areaIndicators, by: principal.userID, in: store)
                if let row = inputs.lastIndex(where: { $0.id == nil && $0.indicatorID.isEmpty }) { inputs[row].indicatorID = String(id) }
                let library = try store.read { try Indicators.all($0).map(\.indicator) }
                return page(AgreementEditPages.results(context: user.page, data: data, inputs: inputs, errors: ValidationErrors(), library: library,
                                                       areaNames: areaNames,
                                                       notice: "Indicator ‘\(indicator.name)’ is toegevoegd aan de bibliotheek. De resultaten zijn nog niet opgeslagen."))
            } catch StoreError.duplicate {
                errors.add("new_name", IndicatorsHandler.nameTaken)
            }
        }
        return page(AgreementEditPages.results(context: user.page, data: data, inputs: inputs, errors: ValidationErrors(), library: library,
                                               newIndicator: form, newErrors: errors, areaNames: areaNames), status: 422)
    }

    /// The rows as posted.
    func resultInputs(_ values: FormValues) -> [AgreementRules.ResultInput] {
        let count = min(Int(values["rows"] ?? "") ?? 0, 500)
        var inputs: [AgreementRules.ResultInput] = []
        for index in 0..<count {
            let p = "r\(index)_"
            var input = AgreementRules.ResultInput(
                index: index, id: values[p + "id"].flatMap { Int64($0) }, goal: values[p + "goal"] ?? "", position: values[p + "position"] ?? "",
                description: values[p + "description"] ?? "", indicator: values[p + "indicator"] ?? "", unit: values[p + "unit"] ?? "",
                baseline: values[p + "baseline"] ?? "", baselineYear: values[p + "baseline_year"] ?? "",
                direction: values[p + "direction"] ?? "", dataSource: values[p + "source"] ?? "",
                accumulation: values[p + "accumulation"] ?? "", remove: values[p + "remove"] == "1")
            input.indicatorID = values[p + "indicator_id"] ?? ""
            inputs.append(input)
        }
        return inputs
    }

    /// A row that chose a library indicator takes its name, unit, direction and accumulation
    /// (and its source when the row has none); an unknown choice is an error at the row.
    static func applyLibrary(_ inputs: inout [AgreementRules.ResultInput], library: [Indicator]) -> ValidationErrors {
        var errors = ValidationErrors()
        let byID = Dictionary(uniqueKeysWithValues: library.map { (String($0.id), $0) })
        for index in inputs.indices where !inputs[index].indicatorID.isEmpty && !inputs[index].remove {
            guard let chosen = byID[inputs[index].indicatorID] else {
                errors.add("r\(inputs[index].index)_indicator_id", "Kies bij resultaat \(inputs[index].index + 1) een indicator uit de bibliotheek.")
                inputs[index].indicatorID = ""
                continue
            }
            inputs[index].indicator = chosen.name
            inputs[index].unit = chosen.unit.rawValue
            inputs[index].direction = chosen.direction.rawValue
            inputs[index].accumulation = chosen.accumulation.rawValue
            if inputs[index].dataSource.trimmingWhitespace().isEmpty { inputs[index].dataSource = chosen.source }
        }
        return errors
    }

    /// The form's rows for the stored results, in goal order, and one empty row to add a result.
    func resultInputs(_ data: AgreementPageData) -> [AgreementRules.ResultInput] {
        var inputs: [AgreementRules.ResultInput] = []
        var ordered: [AgreementResult] = []
        for goal in data.goals { ordered += data.content.results(goal: goal.id) }
        for (index, r) in ordered.enumerated() {
            var input = AgreementRules.ResultInput(
                index: index, id: r.id, goal: String(r.goalID), position: String(index + 1), description: r.description,
                indicator: r.indicator, unit: r.unit.rawValue, baseline: r.baselineValue.map(AgreementFormat.input) ?? "",
                baselineYear: r.baselineYear.map(String.init) ?? "", direction: r.direction.rawValue, dataSource: r.dataSource,
                accumulation: r.accumulation.rawValue)
            input.indicatorID = r.indicatorID.map(String.init) ?? ""
            inputs.append(input)
        }
        inputs.append(AgreementRules.ResultInput(index: ordered.count, position: String(ordered.count + 1)))
        return inputs
    }
}
