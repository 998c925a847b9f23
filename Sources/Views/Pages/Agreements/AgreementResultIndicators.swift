import Domain
import Markup

/// The results form's link to the indicator library: each row chooses a library indicator, and
/// a new one can be added from the form without losing what the rows hold.
extension AgreementEditPages {
    static func indicatorChoice(_ p: String, input: AgreementRules.ResultInput, library: [Indicator], errors: ValidationErrors) -> HTML {
        let options = library.filter { !$0.retired || String($0.id) == input.indicatorID }.map { i in
            (String(i.id), "\(i.name) (\(i.unit.label), \(i.direction.label)\(i.cumulative ? ", cumulatief" : "")\(i.retired ? ", vervallen" : ""))")
        }
        return Components.select(p + "indicator_id", label: "Indicator", options: options, selected: input.indicatorID, errors: errors,
                                 includeEmpty: "Kies een indicator uit de bibliotheek")
    }

    static func newIndicatorSection(_ form: IndicatorForm, errors: ValidationErrors, areaNames: [String]) -> HTML {
        """
        <fieldset class="result-edit" id="nieuwe-indicator">
        <legend>Indicator staat er niet bij?</legend>
        <p>Voeg hem hier toe aan de bibliotheek van het programma. Wat u hierboven invulde blijft staan; de nieuwe indicator wordt gekozen bij het nieuwe resultaat. Sla daarna de resultaten op.</p>
        \(Components.errorSummary(errors))
        \(IndicatorPages.fields(prefix: "new_", form: form, errors: errors, areaNames: areaNames))
        <p><button type="submit" name="action" value="add_indicator" class="button button--secondary">Indicator toevoegen aan de bibliotheek</button></p>
        </fieldset>
        """
    }
}
