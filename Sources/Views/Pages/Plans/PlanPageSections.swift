import Domain
import Markup

/// The four PDCA sections of the plan page, each as inputs when the plan can be edited and as
/// text when it cannot.
extension PlanPage {
    // MARK: - Field names (the handler parses the same names)

    public static func activitiesField(_ resultID: Int64) -> String { "activities_\(resultID)" }
    public static func valueField(_ resultID: Int64) -> String { "value_\(resultID)" }
    public static func notMeasuredField(_ resultID: Int64) -> String { "not_measured_\(resultID)" }
    public static func reasonField(_ resultID: Int64) -> String { "reason_\(resultID)" }
    public static func sourceField(_ resultID: Int64) -> String { "source_\(resultID)" }
    public static func measuredOnField(_ resultID: Int64) -> String { "measured_on_\(resultID)" }
    public static func numeratorField(_ resultID: Int64) -> String { "numerator_\(resultID)" }
    public static func denominatorField(_ resultID: Int64) -> String { "denominator_\(resultID)" }
    public static func plannedField(_ sourceID: Int64) -> String { "planned_\(sourceID)" }
    public static func spentField(_ sourceID: Int64) -> String { "spent_\(sourceID)" }
    public static func hoursField(_ code: String) -> String { "hours_\(code)" }

    /// The stored plan as the texts its form fields show.
    static func formValues(_ model: Model) -> [String: String] {
        let content = model.plan.content
        var out: [String: String] = ["intention": content.intention, "act_changes": content.actChanges,
                                     "act_amendment_proposal": content.actAmendmentProposal]
        for (id, text) in content.activities { out[activitiesField(id)] = text }
        for (id, m) in content.measurements {
            switch m.value {
            case .empty: break
            case .value(let v): out[valueField(id)] = PlanBadge.editable(v)
            case .notMeasured(let reason):
                out[notMeasuredField(id)] = "1"
                out[reasonField(id)] = reason
            }
            out[sourceField(id)] = m.dataSource
            if let day = m.measuredOn { out[measuredOnField(id)] = day.iso }
            if let n = m.numerator { out[numeratorField(id)] = PlanBadge.editable(n) }
            if let d = m.denominator { out[denominatorField(id)] = PlanBadge.editable(d) }
        }
        for (id, cents) in content.plannedCents { out[plannedField(id)] = PlanBadge.editable(cents: cents) }
        for (id, cents) in content.spentCents { out[spentField(id)] = PlanBadge.editable(cents: cents) }
        for (code, hours) in content.staffingHours { out[hoursField(code)] = PlanBadge.editable(hours) }
        return out
    }

    static func unitLabel(_ unit: String) -> String {
        switch unit {
        case "percent": "percentage"
        case "number": "aantal"
        case "euro": "euro"
        case "score": "score"
        case "yesno": "ja/nee"
        default: unit
        }
    }

    static func measuredText(_ measurement: Measurement?, unit: String) -> String {
        switch measurement?.value ?? .empty {
        case .empty: return "nog niet ingevuld"
        case .value(let v): return PlanBadge.value(v, unit: unit)
        case .notMeasured(let reason): return reason.isEmpty ? "niet gemeten" : "niet gemeten (\(reason))"
        }
    }

    static func text(_ value: String?) -> HTML {
        guard let value, !value.isEmpty else { return "<p class=\"empty-value\">Niet ingevuld</p>" }
        return "<p class=\"pre\">\(value)</p>"
    }

    static func cents(_ value: Int64?) -> String {
        value.map { DutchFormat.euros(cents: $0) } ?? "–"
    }

    // MARK: - Plan

    static func planSection(_ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        var results: [HTML] = []
        var goal: Int64 = -1
        for result in model.results {
            if result.goalID != goal {
                goal = result.goalID
                results.append("<h3 class=\"plan-goal\">\(result.goalName)</h3>")
            }
            let target = "Doel dit jaar: \(PlanBadge.value(result.yearTarget, unit: result.unit)) · indicator: \(result.indicator)"
            let name = activitiesField(result.id)
            if editable {
                results.append(Components.textArea(name, label: "Geplande activiteiten: \(result.description)", value: values[name] ?? "",
                                                   errors: model.errors, hint: target, rows: 3))
            } else {
                results.append("<div class=\"field\"><h4>\(result.description)</h4><p class=\"hint\">\(target)</p>\(text(values[name]))</div>")
            }
        }
        var spending: [HTML] = []
        var plannedTotal: Int64 = 0, plannedAny = false
        for line in model.funding {
            let name = plannedField(line.sourceID)
            let cell: HTML
            if editable {
                let error = model.errors[name]
                cell = "<label for=\"\(name)\" class=\"visually-hidden\">Gepland uit \(line.name)</label>\(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>") })<input type=\"text\" inputmode=\"decimal\" id=\"\(name)\" name=\"\(name)\" value=\"\(values[name] ?? "")\" class=\"input-money\"\(attr: "aria-invalid", error == nil ? nil : "true")\(attr: "aria-describedby", error == nil ? nil : "\(name)-error")>"
            } else {
                cell = "\(cents(model.plan.content.plannedCents[line.sourceID]))"
            }
            if let planned = model.plan.content.plannedCents[line.sourceID] { plannedTotal += planned; plannedAny = true }
            spending.append("<tr><th scope=\"row\">\(line.name)</th><td class=\"num\">\(cents(line.agreedCents))</td><td class=\"num\">\(cell)</td></tr>")
        }
        let intention: HTML = editable
            ? Components.textArea("intention", label: "Algemene intentie voor dit jaar", value: values["intention"] ?? "", errors: model.errors, rows: 4)
            : "<div class=\"field\"><h3>Algemene intentie voor dit jaar</h3>\(text(values["intention"]))</div>"
        return """
        <section class="plan-section" id="plan" aria-labelledby="plan-title">
        <h2 id="plan-title">Plan</h2>
        \(readOnlyHint(editable, model))
        \(intention)
        <h3>Geplande activiteiten per resultaat</h3>
        \(results)
        <div class="table-scroll"><table class="data plan-money">
        <caption>Geplande besteding per financieringsbron (bedragen in euro's, bijvoorbeeld 12.500 of 12.500,50)</caption>
        <thead><tr><th scope="col">Financieringsbron</th><th scope="col" class="num">Afgesproken</th><th scope="col" class="num">Gepland</th></tr></thead>
        <tbody>\(spending)</tbody>
        <tfoot><tr><th scope="row">Totaal (ingevuld)</th><td></td><td class="num">\(plannedAny ? DutchFormat.euros(cents: plannedTotal) : "–")</td></tr></tfoot>
        </table></div>
        </section>
        """
    }

    // MARK: - Do

    static func doSection(_ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        var notes: [HTML] = []
        for note in model.notes {
            notes.append("<li><p class=\"plan-note__meta\"><strong>\(note.notedOn.dutch)</strong>\(note.authorName.map { " · \($0)" } ?? "")</p><p class=\"pre\">\(note.text)</p></li>")
        }
        let list: HTML = notes.isEmpty ? "<p class=\"empty-value\">Nog geen voortgangsnotities.</p>" : "<ul class=\"plan-notes\">\(notes)</ul>"
        var add: HTML = .empty
        if editable {
            add = """
            <fieldset class="plan-note-new"><legend>Nieuwe voortgangsnotitie</legend>
            \(Components.textField("note_date", label: "Datum", value: values["note_date"] ?? "", errors: model.errors, type: "date", hint: "Leeg laten is vandaag."))
            \(Components.textArea("note_text", label: "Wat is er gedaan of gebeurd?", value: values["note_text"] ?? "", errors: model.errors, rows: 3))
            <button type="submit" name="\(YearPlan.FormAction.field)" value="\(YearPlan.FormAction.save.rawValue)" class="button button--secondary">Notitie toevoegen (en alles opslaan)</button>
            </fieldset>
            """
        }
        return """
        <section class="plan-section" id="do" aria-labelledby="do-title">
        <h2 id="do-title">Do</h2>
        \(readOnlyHint(editable, model))
        \(list)
        \(add)
        </section>
        """
    }

    // MARK: - Check

    static func checkSection(_ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        var rows: [HTML] = []
        for result in model.results {
            rows.append(checkResult(result, model, values, editable))
        }
        return """
        <section class="plan-section" id="check" aria-labelledby="check-title">
        <h2 id="check-title">Check</h2>
        \(readOnlyHint(editable, model, .verantwoording))
        <p class="hint">\(IndicatorClassifier.explanation) ‘Niet gemeten’ is iets anders dan 0: kies het als er geen meting is, met de reden.</p>
        \(rows)
        \(spentTable(model, values, editable))
        \(staffingTable(model, values, editable))
        </section>
        """
    }

    static func checkResult(_ result: PlanResult, _ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        let measurement = model.plan.content.measurements[result.id]
        let status = result.status(measurement)
        let baseline = result.baselineValue.map { PlanBadge.value($0, unit: result.unit) + (result.baselineYear.map { " (\(model.programme?.yearLabel($0) ?? String($0)))" } ?? "") } ?? "–"
        var facts: HTML = """
        <dl class="plan-facts">
        <dt>Nulmeting</dt><dd>\(baseline)</dd>
        <dt>Doel dit jaar</dt><dd>\(PlanBadge.value(result.yearTarget, unit: result.unit))</dd>
        <dt>Einddoel</dt><dd>\(PlanBadge.value(result.finalTarget, unit: result.unit))</dd>
        <dt>Gemeten</dt><dd>\(measuredText(measurement, unit: result.unit))</dd>
        """
        if result.accumulation == .cumulative {
            let total = IndicatorClassifier.comparedValue(accumulation: .cumulative, value: measurement?.value.number, earlierTotal: result.earlierTotal)
            facts += "<dt>Totaal tot nu (cumulatief)</dt><dd>\(PlanBadge.value(total, unit: result.unit))</dd>"
        }
        facts += "<dt>Status</dt><dd>\(PlanBadge.indicator(status))</dd></dl>"
        let heading: HTML = "<h3>\(result.indicator)</h3><p class=\"hint\">\(result.description) · \(unitLabel(result.unit)), \(result.direction.label)\(result.accumulation == .cumulative ? HTML(" · cumulatief") : HTML.empty)</p>"
        guard editable else {
            let source = measurement.map { m in
                HTML("<p class=\"hint\">Bron: \(m.dataSource.isEmpty ? "niet ingevuld" : m.dataSource) · meetdatum: \(m.measuredOn?.dutch ?? "niet ingevuld")</p>")
            }
            return "<div class=\"plan-check\">\(heading)\(facts)\(source)</div>"
        }
        let valueName = valueField(result.id), notName = notMeasuredField(result.id)
        let valueInput: HTML
        if result.unit == "yesno" {
            valueInput = Components.select(valueName, label: "Gemeten waarde", options: [("1", "ja"), ("0", "nee")], selected: values[valueName] ?? "",
                                           errors: model.errors, includeEmpty: "nog niet ingevuld")
        } else {
            valueInput = Components.textField(valueName, label: "Gemeten waarde (\(unitLabel(result.unit)))", value: values[valueName] ?? "",
                                              errors: model.errors, hint: "Bijvoorbeeld 65 of 7,4. Leeg laten als u het nog niet weet.", inputmode: "decimal")
        }
        let notMeasured: HTML = """
        <div class="field"><div class="checkbox"><input type="checkbox" id="\(notName)" name="\(notName)" value="1"\(attr: "checked", if: values[notName] == "1")><label for="\(notName)">Niet gemeten (dit is niet hetzelfde als 0)</label></div></div>
        """
        return """
        <div class="plan-check">
        \(heading)
        <div class="plan-check__grid">
        <div>\(facts)</div>
        <div>
        \(valueInput)
        \(fractionInputs(result, values, model.errors))
        \(notMeasured)
        \(Components.textField(reasonField(result.id), label: "Reden waarom niet gemeten", value: values[reasonField(result.id)] ?? "", errors: model.errors))
        \(Components.textField(sourceField(result.id), label: "Bron van de meting", value: values[sourceField(result.id)] ?? "", errors: model.errors, hint: result.dataSource.isEmpty ? nil : "In de afspraak: \(result.dataSource)"))
        \(Components.textField(measuredOnField(result.id), label: "Meetdatum", value: values[measuredOnField(result.id)] ?? "", errors: model.errors, type: "date"))
        </div>
        </div>
        </div>
        """
    }

    static func spentTable(_ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        var rows: [HTML] = []
        var total: Int64 = 0, any = false, unknown = 0
        for line in model.funding {
            let name = spentField(line.sourceID)
            let stored = model.plan.content.spentCents[line.sourceID]
            if let stored { total += stored; any = true } else if model.plan.content.plannedCents[line.sourceID] != nil { unknown += 1 }
            let cell: HTML
            if editable {
                let error = model.errors[name]
                cell = "<label for=\"\(name)\" class=\"visually-hidden\">Besteed uit \(line.name)</label>\(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>") })<input type=\"text\" inputmode=\"decimal\" id=\"\(name)\" name=\"\(name)\" value=\"\(values[name] ?? "")\" class=\"input-money\"\(attr: "aria-invalid", error == nil ? nil : "true")\(attr: "aria-describedby", error == nil ? nil : "\(name)-error")>"
            } else {
                cell = stored.map { HTML("\(DutchFormat.euros(cents: $0))") } ?? HTML("<span class=\"empty-value\">onbekend</span>")
            }
            rows.append("<tr><th scope=\"row\">\(line.name)</th><td class=\"num\">\(cents(line.agreedCents))</td><td class=\"num\">\(cents(model.plan.content.plannedCents[line.sourceID]))</td><td class=\"num\">\(cell)</td></tr>")
        }
        let note = unknown > 0 ? " (\(unknown) bron(nen) nog onbekend, niet als 0 meegeteld)" : ""
        return """
        <div class="table-scroll"><table class="data plan-money">
        <caption>Werkelijk besteed per financieringsbron</caption>
        <thead><tr><th scope="col">Financieringsbron</th><th scope="col" class="num">Afgesproken</th><th scope="col" class="num">Gepland</th><th scope="col" class="num">Besteed</th></tr></thead>
        <tbody>\(rows)</tbody>
        <tfoot><tr><th scope="row">Totaal besteed (bekend)</th><td></td><td></td><td class="num">\(any ? DutchFormat.euros(cents: total) : "–")\(note)</td></tr></tfoot>
        </table></div>
        """
    }

    static func staffingTable(_ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        var rows: [HTML] = []
        for line in model.staffing {
            let name = hoursField(line.code)
            let cell: HTML
            if editable {
                let error = model.errors[name]
                cell = "<label for=\"\(name)\" class=\"visually-hidden\">Ingezet: \(line.label)</label>\(error.map { HTML("<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>") })<input type=\"text\" inputmode=\"decimal\" id=\"\(name)\" name=\"\(name)\" value=\"\(values[name] ?? "")\" class=\"input-hours\"\(attr: "aria-invalid", error == nil ? nil : "true")\(attr: "aria-describedby", error == nil ? nil : "\(name)-error")>"
            } else {
                cell = "\(model.plan.content.staffingHours[line.code].map { PlanBadge.editable($0) } ?? "–")"
            }
            rows.append("<tr><th scope=\"row\">\(line.label)</th><td class=\"num\">\(line.agreedHours.map { PlanBadge.editable($0) } ?? "–")</td><td class=\"num\">\(cell)</td></tr>")
        }
        return """
        <div class="table-scroll"><table class="data plan-staffing">
        <caption>Formatie: ingezette uren per week</caption>
        <thead><tr><th scope="col">Functie</th><th scope="col" class="num">Afgesproken</th><th scope="col" class="num">Ingezet</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """
    }

    // MARK: - Act

    static func actSection(_ model: Model, _ values: [String: String], _ editable: Bool) -> HTML {
        let body: HTML
        if editable {
            body = Components.textArea("act_changes", label: "Wat verandert er volgend jaar?", value: values["act_changes"] ?? "", errors: model.errors, rows: 4)
                + Components.textArea("act_amendment_proposal", label: "Voorstel om de resultaatafspraak bij te stellen (optioneel)",
                                      value: values["act_amendment_proposal"] ?? "", errors: model.errors,
                                      hint: "De projectleider ziet dit voorstel bij de afspraak.", rows: 3)
        } else {
            body = "<h3>Wat verandert er volgend jaar?</h3>\(text(values["act_changes"]))<h3>Voorstel om de afspraak bij te stellen</h3>\(text(values["act_amendment_proposal"]))"
        }
        return """
        <section class="plan-section" id="act" aria-labelledby="act-title">
        <h2 id="act-title">Act</h2>
        \(readOnlyHint(editable, model, .verantwoording))
        \(body)
        </section>
        """
    }

    // MARK: - The review diff

    static func fieldLabel(_ key: String, _ model: Model) -> String {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        let kind = parts[0]
        let rest = parts.count > 1 ? parts[1] : ""
        let result = Int64(rest).flatMap { id in model.results.first { $0.id == id } }
        let source = Int64(rest).flatMap { id in model.funding.first { $0.sourceID == id } }
        switch kind {
        case "intention": return "Plan: algemene intentie"
        case "act_changes": return "Act: wat verandert er volgend jaar"
        case "act_amendment_proposal": return "Act: voorstel tot bijstelling"
        case "activities": return "Plan: activiteiten bij ‘\(result?.description ?? rest)’"
        case "measurement": return "Check: gemeten ‘\(result?.indicator ?? rest)’"
        case "measurement_source": return "Check: bron van ‘\(result?.indicator ?? rest)’"
        case "measured_on": return "Check: meetdatum van ‘\(result?.indicator ?? rest)’"
        case "planned": return "Plan: gepland uit ‘\(source?.name ?? rest)’"
        case "spent": return "Check: besteed uit ‘\(source?.name ?? rest)’"
        case "staffing": return "Check: ingezette uren ‘\(model.staffing.first { $0.code == rest }?.label ?? rest)’"
        default: return key
        }
    }

    static func displayValue(_ key: String, _ value: String?, _ model: Model) -> String {
        guard let value else { return "(leeg)" }
        if key.hasPrefix("planned.") || key.hasPrefix("spent."), let cents = Int64(value) { return DutchFormat.euros(cents: cents) }
        if key.hasPrefix("measured_on."), let day = Day(iso: value) { return day.dutch }
        if key.hasPrefix("measurement.") || key.hasPrefix("staffing."), let number = Double(value) { return PlanBadge.editable(number) }
        return value
    }
}
