import Domain
import Markup

/// The indicator library: the list with each indicator's use, and the form to add or edit one
/// (also embedded in an agreement's results form, with the prefix `new_`).
public enum IndicatorPages {
    public static func list(context: PageContext, uses: [IndicatorUse], canEdit: Bool, notice: String?) -> HTML {
        var rows: [HTML] = []
        for use in uses {
            let i = use.indicator
            let edit: HTML = canEdit ? "<td><a href=\"\(Route.indicators(.edit(i.id)).path)\">Bewerken<span class=\"visually-hidden\"> \(i.name)</span></a></td>" : .empty
            rows.append("""
            <tr><th scope="row"><a href="\(Route.indicators(.show(i.id)).path)">\(i.name)</a></th><td>\(i.unit.label)</td><td>\(i.direction.label)</td>\
            <td class="num">\(use.ikcs)</td><td>\(i.retired ? "vervallen" : "actief")</td>\(edit)</tr>
            """)
        }
        let actions: HTML = canEdit ? "<p><a class=\"button button--primary\" href=\"\(Route.indicators(.new).path)\">Indicator toevoegen</a></p>" : .empty
        return Layout.page(title: "Indicatoren", context: context.with(.indicators), """
        <h1>Indicatoren</h1>
        \(Components.notice(notice))
        <p>De indicatoren van het programma, één keer gedefinieerd en gekozen door de resultaten van elke afspraak. Open een indicator voor de cijfers van alle \(context.programmeIKCs) per jaar.</p>
        \(actions)
        <div class="table-scroll"><table class="data">
        <caption>Bibliotheek van indicatoren</caption>
        <thead><tr><th scope="col">Indicator</th><th scope="col">Eenheid</th><th scope="col">Richting</th><th scope="col" class="num">IKC's</th><th scope="col">Status</th>\(canEdit ? HTML("<th scope=\"col\"><span class=\"visually-hidden\">Acties</span></th>") : HTML.empty)</tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """)
    }

    /// The fields of the indicator form; `prefix` names them inside another form.
    public static func fields(prefix: String = "", form: IndicatorForm, errors: ValidationErrors, areaNames: [String], storedUnit: ResultUnit? = nil) -> HTML {
        var units = Indicator.units
        if let storedUnit, !units.contains(storedUnit) { units.append(storedUnit) }
        let directions = IndicatorDirection.allCases.map { ($0.rawValue, $0.label) }
        let cumulative: HTML = """
        <div class="field"><div class="checkbox"><input type="checkbox" id="\(prefix)cumulative" name="\(prefix)cumulative" value="1"\(attr: "checked", if: form.cumulative)><label for="\(prefix)cumulative">Cumulatief: de streefwaarden zijn een lopend totaal</label></div></div>
        """
        let areas: HTML = areaNames.isEmpty ? .empty
            : Components.checkboxes(prefix + "area", legend: "Gebiedsindicatoren ernaast tonen", options: areaNames.map { ($0, $0) },
                                    checked: Set(form.areaIndicators), errors: errors)
        return """
        \(Components.textField(prefix + "name", label: "Naam", value: form.name, errors: errors, required: true))
        \(Components.textArea(prefix + "definition", label: "Definitie", value: form.definition, errors: errors, hint: "Wat precies geteld of gemeten wordt, zodat elk IKC hetzelfde meet.", rows: 3))
        \(Components.select(prefix + "unit", label: "Eenheid (verplicht)", options: units.map { ($0.rawValue, $0.label) }, selected: form.unit, errors: errors, includeEmpty: "Kies een eenheid"))
        \(Components.select(prefix + "direction", label: "Welke richting is beter", options: directions, selected: form.direction, errors: errors))
        \(cumulative)
        \(Components.textField(prefix + "source", label: "Bron of meetinstrument", value: form.source, errors: errors))
        \(Components.textField(prefix + "decimals", label: "Aantal decimalen", value: form.decimals, errors: errors, hint: "0 tot en met 3; zo toont de pagina, de CSV en de rapportage het cijfer.", inputmode: "numeric"))
        \(Components.textField(prefix + "numerator_label", label: "Teller (alleen bij een percentage)", value: form.numeratorLabel, errors: errors, hint: "Bijvoorbeeld: peuters met VVE-indicatie die VVE bezoeken. Met teller en noemer wordt het programmacijfer gewogen."))
        \(Components.textField(prefix + "denominator_label", label: "Noemer (alleen bij een percentage)", value: form.denominatorLabel, errors: errors, hint: "Bijvoorbeeld: peuters met VVE-indicatie."))
        \(areas)
        """
    }

    public static func new(context: PageContext, form: IndicatorForm, errors: ValidationErrors, areaNames: [String]) -> HTML {
        Layout.page(title: "Indicator toevoegen", context: context.with(.indicators), """
        <p><a href="\(Route.indicators(.index).path)">← Terug naar de indicatoren</a></p>
        <h1>Indicator toevoegen</h1>
        \(Components.errorSummary(errors))
        \(Components.form(action: Route.indicators(.new).path, csrf: context.csrfToken, """
        \(fields(form: form, errors: errors, areaNames: areaNames))
        <p><button type="submit" class="button button--primary">Indicator opslaan</button></p>
        """))
        """)
    }

    /// The edit form with the retire (or take back) button; `refusal` is why retiring was refused.
    public static func edit(context: PageContext, use: IndicatorUse, form: IndicatorForm, lockVersion: Int64, errors: ValidationErrors,
                            areaNames: [String], refusal: String?, notice: String?) -> HTML {
        let i = use.indicator
        let usedBy = use.results == 0 ? "Nog geen resultaat gebruikt deze indicator."
            : "Gebruikt door \(use.results) \(use.results == 1 ? "resultaat" : "resultaten") in de afspraken van \(use.ikcs) \(use.ikcs == 1 ? "IKC" : "IKC's")."
        let refused: HTML = refusal.map { HTML("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>Niet vervallen</h2><p>\($0)</p></div>") } ?? .empty
        let retire = Components.postButton(to: .indicators(.retire(i.id)), label: i.retired ? "Weer in gebruik nemen" : "Indicator laten vervallen",
                                           csrf: context.csrfToken, hidden: [("retired", i.retired ? "0" : "1"), ("lock_version", String(lockVersion))])
        return Layout.page(title: "Indicator \(i.name) bewerken", context: context.with(.indicators), """
        <p><a href="\(Route.indicators(.show(i.id)).path)">← Terug naar de indicator</a></p>
        <h1>Indicator bewerken</h1>
        \(Components.notice(notice))
        \(refused)
        \(Components.errorSummary(errors))
        <p>\(usedBy)\(i.retired ? " Deze indicator is vervallen: hij wordt niet meer aangeboden voor nieuwe resultaten." : "")</p>
        \(Components.form(action: Route.indicators(.edit(i.id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(lockVersion)">
        \(fields(form: form, errors: errors, areaNames: areaNames, storedUnit: i.unit))
        <p><button type="submit" class="button button--primary">Wijzigingen opslaan</button></p>
        """))
        <h2>Vervallen</h2>
        <p>Een vervallen indicator blijft bestaan voor de resultaten die hem gebruiken, maar wordt niet meer aangeboden. Een indicator die in gebruik is, vervalt niet en wordt nooit verwijderd.</p>
        \(retire)
        """)
    }
}
