import Domain
import HTTP
import Markup
import Store
import Views

/// The results of a concept version: goal, indicator, unit, baseline, direction, per row.
extension AgreementsHandler {
    func showResults(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        return page(AgreementEditPages.results(context: user.page, data: data, inputs: resultInputs(data), errors: ValidationErrors()))
    }

    func saveResults(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        let values = request.formValues()
        let expected = try expectedLock(values, data)
        let count = min(Int(values["rows"] ?? "") ?? 0, 500)
        var inputs: [AgreementRules.ResultInput] = []
        for index in 0..<count {
            let p = "r\(index)_"
            inputs.append(AgreementRules.ResultInput(
                index: index, id: values[p + "id"].flatMap { Int64($0) }, goal: values[p + "goal"] ?? "", position: values[p + "position"] ?? "",
                description: values[p + "description"] ?? "", indicator: values[p + "indicator"] ?? "", unit: values[p + "unit"] ?? "",
                baseline: values[p + "baseline"] ?? "", baselineYear: values[p + "baseline_year"] ?? "",
                direction: values[p + "direction"] ?? "", dataSource: values[p + "source"] ?? "",
                accumulation: values[p + "accumulation"] ?? "", remove: values[p + "remove"] == "1"))
        }
        let (results, errors) = AgreementRules.results(inputs, goals: Set(data.goals.map(\.id)), knownIDs: Set(data.content.results.map(\.id)),
                                                       parseNumber: DutchFormat.parseDecimal)
        guard errors.isEmpty else {
            return page(AgreementEditPages.results(context: user.page, data: data, inputs: inputs, errors: errors), status: 422)
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

    /// The form's rows for the stored results, in goal order, and one empty row to add a result.
    func resultInputs(_ data: AgreementPageData) -> [AgreementRules.ResultInput] {
        var inputs: [AgreementRules.ResultInput] = []
        var ordered: [AgreementResult] = []
        for goal in data.goals { ordered += data.content.results(goal: goal.id) }
        for (index, r) in ordered.enumerated() {
            inputs.append(AgreementRules.ResultInput(
                index: index, id: r.id, goal: String(r.goalID), position: String(index + 1), description: r.description,
                indicator: r.indicator, unit: r.unit.rawValue, baseline: r.baselineValue.map(AgreementFormat.input) ?? "",
                baselineYear: r.baselineYear.map(String.init) ?? "", direction: r.direction.rawValue, dataSource: r.dataSource,
                accumulation: r.accumulation.rawValue))
        }
        inputs.append(AgreementRules.ResultInput(index: ordered.count, position: String(ordered.count + 1)))
        return inputs
    }
}
