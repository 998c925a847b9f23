import Domain
import Foundation
import HTTP
import Markup
import Store
import Views

/// The plan form parsed into a `YearPlanContent`: Dutch numbers via DutchFormat.parseDecimal,
/// amounts via DutchFormat.parseEuros; an empty field stays absent (NULL), never 0. Nothing is
/// required to save; only what cannot be read is an error.
struct PlanForm {
    var content = YearPlanContent()
    var noteDay: Day?
    var noteText = ""
    /// What the user typed, per field name, to show again when the save is refused.
    var raw: [String: String] = [:]
    var errors = ValidationErrors()
    private var values: FormValues

    mutating func field(_ name: String) -> String {
        let value = values[name] ?? ""
        raw[name] = value
        return value.trimmingWhitespace()
    }

    mutating func longText(_ name: String, _ label: String) -> String {
        let text = field(name)
        Check.maxLength(text, YearPlanRules.maxTextLength, name, label, multiLine: true, into: &errors)
        return text
    }

    static func day(_ text: String) -> Day? {
        Day(typed: text)
    }

    init(_ values: FormValues, results: [PlanResult], funding: [PlanFundingLine], staffing: [PlanStaffingLine], today: Day) {
        self.values = values
        content.intention = longText("intention", "de intentie")
        content.actChanges = longText("act_changes", "de tekst bij Act")
        content.actAmendmentProposal = longText("act_amendment_proposal", "het voorstel")
        for result in results {
            let activities = longText(PlanPage.activitiesField(result.id), "de activiteiten")
            if !activities.isEmpty { content.activities[result.id] = activities }
            parseMeasurement(result)
        }
        for line in funding {
            let planned = PlanPage.plannedField(line.sourceID), spent = PlanPage.spentField(line.sourceID)
            if let cents = money(field(planned), planned, line.name) { content.plannedCents[line.sourceID] = cents }
            if let cents = money(field(spent), spent, line.name) { content.spentCents[line.sourceID] = cents }
        }
        for line in staffing {
            let name = PlanPage.hoursField(line.code)
            let text = field(name)
            guard !text.isEmpty else { continue }
            if let hours = DutchFormat.parseDecimal(text), hours >= 0, hours <= 80 {
                content.staffingHours[line.code] = hours
            } else {
                errors.add(name, "Vul bij ‘\(line.label)’ een aantal uren per week tussen 0 en 80 in, zoals 22 of 15,5.")
            }
        }
        noteText = field("note_text")
        let noteDate = field("note_date")
        if !noteText.isEmpty {
            Check.maxLength(noteText, YearPlanRules.maxTextLength, "note_text", "de notitie", multiLine: true, into: &errors)
            if noteDate.isEmpty {
                noteDay = today
            } else if let day = PlanForm.day(noteDate) {
                noteDay = day
            } else {
                errors.add("note_date", "Vul de datum van de notitie in als dd-mm-jjjj.")
            }
        }
    }

    mutating func money(_ text: String, _ name: String, _ label: String) -> Int64? {
        guard !text.isEmpty else { return nil }
        guard let cents = DutchFormat.parseEuros(text) else {
            errors.add(name, "Vul bij ‘\(label)’ een bedrag in euro's in, zoals 12.500 of 12.500,50.")
            return nil
        }
        guard cents >= 0 else {
            errors.add(name, "Het bedrag bij ‘\(label)’ kan niet negatief zijn.")
            return nil
        }
        return cents
    }

    mutating func parseMeasurement(_ result: PlanResult) {
        let valueName = PlanPage.valueField(result.id)
        let valueText = field(valueName)
        let notMeasured = field(PlanPage.notMeasuredField(result.id)) == "1"
        let reason = field(PlanPage.reasonField(result.id))
        let source = field(PlanPage.sourceField(result.id))
        let dateName = PlanPage.measuredOnField(result.id)
        let dateText = field(dateName)
        var measurement = Measurement(dataSource: source)
        if !dateText.isEmpty {
            if let day = PlanForm.day(dateText) {
                measurement.measuredOn = day
            } else {
                errors.add(dateName, "Vul de meetdatum van ‘\(result.indicator)’ in als dd-mm-jjjj.")
            }
        }
        if !valueText.isEmpty {
            if notMeasured || !reason.isEmpty {
                errors.add(valueName, "Vul bij ‘\(result.indicator)’ een gemeten waarde in óf kies ‘niet gemeten’ met een reden, niet allebei.")
            } else if let value = DutchFormat.parseDecimal(valueText) {
                if let problem = YearPlanRules.valueProblem(unit: result.unit, value: value) {
                    errors.add(valueName, "‘\(result.indicator)’: \(problem)")
                } else {
                    measurement.value = .value(value)
                }
            } else {
                errors.add(valueName, "Vul bij ‘\(result.indicator)’ een getal in, zoals 65 of 7,4.")
            }
        } else if notMeasured || !reason.isEmpty {
            // A reason without the box ticked still means "niet gemeten": the typed reason is kept.
            measurement.value = .notMeasured(reason: reason)
        }
        parseFraction(result, valueGiven: !valueText.isEmpty, into: &measurement)
        if !measurement.isEmpty { content.measurements[result.id] = measurement }
    }

    /// Numerator and denominator (both or neither, numerator at most the denominator, the error
    /// at the cell); without a typed value the value is their percentage.
    mutating func parseFraction(_ result: PlanResult, valueGiven: Bool, into measurement: inout Domain.Measurement) {
        guard !result.numeratorLabel.isEmpty else { return }
        let nName = PlanPage.numeratorField(result.id), dName = PlanPage.denominatorField(result.id)
        let nText = field(nName), dText = field(dName)
        guard !nText.isEmpty || !dText.isEmpty else { return }
        let numerator = DutchFormat.parseDecimal(nText), denominator = DutchFormat.parseDecimal(dText)
        guard let numerator, numerator >= 0 else {
            errors.add(nName, "Vul bij ‘\(result.indicator)’ als teller een aantal in, zoals 42.")
            return
        }
        guard let denominator, denominator > 0 else {
            errors.add(dName, "Vul bij ‘\(result.indicator)’ als noemer een aantal groter dan 0 in, zoals 60.")
            return
        }
        guard numerator <= denominator else {
            errors.add(nName, "De teller van ‘\(result.indicator)’ (\(nText)) is groter dan de noemer (\(dText)); een percentage kan niet boven 100% komen.")
            return
        }
        if case .notMeasured = measurement.value {
            errors.add(nName, "Vul bij ‘\(result.indicator)’ teller en noemer in óf kies ‘niet gemeten’, niet allebei.")
            return
        }
        measurement.numerator = numerator
        measurement.denominator = denominator
        if !valueGiven { measurement.value = .value((numerator / denominator * 1000).rounded() / 10) }
    }
}
