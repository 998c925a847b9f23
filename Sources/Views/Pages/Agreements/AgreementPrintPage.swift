import Domain
import Markup

/// The print view of a version: the document the parties sign (A4, a page break between
/// sections, a signature block). Its own frame without the site's menu.
public enum AgreementPrintPage {
    public static func render(data: AgreementPageData) -> HTML {
        let version = data.version
        var signatures: [HTML] = []
        for party in data.content.parties {
            signatures.append("""
            <div class="signature">
            <p><strong>\(party.organisationName)</strong><br>\(data.programme.partyRoleLabel(party.role))</p>
            <p>Naam: \(party.signatoryName.isEmpty ? "……………………………………" : party.signatoryName)\(party.signatoryTitle.isEmpty ? "" : ", " + party.signatoryTitle)</p>
            <p>Datum: \(party.signedOn?.dutch ?? "……………………")</p>
            <p class="signature-line">Handtekening:</p>
            </div>
            """)
        }
        let reason: HTML = version.reason.isEmpty ? .empty : "<p>Reden van deze bijstelling: \(version.reason)</p>"
        let head: HTML = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <title>Resultaatafspraak \(data.agreement.ikcName), versie \(version.number)</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="/static/css/site.css">
        <link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">
        </head>
        <body class="print-document">
        <a class="skip-link no-print" href="#inhoud">Naar de inhoud</a>
        <main id="inhoud" tabindex="-1">
        <p class="no-print"><a href="\(AgreementRoute.show(data.agreement.id).path(version: version.number))">← Terug naar de afspraak</a> · Druk deze pagina af met de afdrukfunctie van uw browser (A4).</p>
        <header class="print-cover">
        <p>\(data.programme.name) · \(data.programme.municipality)</p>
        <h1>Resultaatafspraak \(data.agreement.ikcName)</h1>
        <p>Versie \(version.number) · \(version.status.label)\(version.fixedAt == nil ? "" : " op " + AgreementFormat.moment(version.fixedAt)) · looptijd \(data.periodLabel)</p>
        <p class="hint">\(data.programme.yearKindExplanation)</p>
        \(reason)
        \(AgreementGoalCoverage.warning(data))
        </header>
        """
        let sections: HTML = """
        <section class="print-section"><h2>1. Partijen</h2>\(AgreementTables.parties(data))</section>
        <section class="print-section print-section--wide"><h2>2. Resultaten en streefwaarden</h2>\(AgreementTables.results(data))</section>
        <section class="print-section print-section--wide"><h2>3. Financiële bijdragen</h2>\(AgreementTables.contributions(data))</section>
        <section class="print-section print-section--wide"><h2>4. Formatie</h2>\(AgreementTables.staffing(data))</section>
        <section class="print-section"><h2>5. Toelichting</h2>\(AgreementTables.texts(data))</section>
        <section class="print-section signatures"><h2>6. Ondertekening</h2>
        <p>Aldus overeengekomen en \(data.programme.signingKinds.isEmpty ? "in drievoud" : data.programme.copiesPhrase) ondertekend.</p>
        <div class="signature-block">\(signatures)</div>
        </section>
        </main>
        </body>
        </html>
        """
        return ScrollRegions.label(head + sections)
    }
}

/// The CSV import page: paste or upload a file, see every change and error by line, then save.
public enum AgreementImportPage {
    public static func render(context: PageContext, data: AgreementPageData, kind: String, csv: String,
                              preview: AgreementImport?, errors: ValidationErrors) -> HTML {
        let id = data.agreement.id
        var previewHTML: HTML = .empty
        if let preview {
            previewHTML = previewTable(data: data, preview: preview, csv: csv, context: context)
        }
        let content: HTML = """
        <p>Importeer de streefwaarden of de bijdragen uit een CSV-bestand zoals de export het maakt (puntkomma's, decimale komma, UTF-8). U ziet eerst elke wijziging en elke fout per regel; er wordt pas iets opgeslagen als u bevestigt. Een bestand met een fout slaat niets op.</p>
        <p>Voorbeelden: <a href="\(Route.agreements(.exportTargets(id)).path)">streefwaarden (CSV)</a>, <a href="\(Route.agreements(.exportContributions(id)).path)">bijdragen (CSV)</a>.</p>
        \(Components.form(action: Route.agreements(.importCSV(id)).path, csrf: context.csrfToken, """
        <input type="hidden" name="lock_version" value="\(data.version.lockVersion)">
        <input type="hidden" name="step" value="preview">
        \(Components.select("kind", label: "Soort bestand", options: [("targets", "Streefwaarden"), ("contributions", "Bijdragen")], selected: kind, errors: errors))
        \(Components.textArea("csv", label: "Inhoud van het CSV-bestand", value: csv, errors: errors, hint: "Open het bestand in een teksteditor en plak de inhoud hier.", rows: 10))
        <button type="submit" class="button button--secondary">Wijzigingen bekijken</button>
        """))
        \(previewHTML)
        """
        return AgreementEditPages.frame("CSV importeren", context: context, data: data, errors: errors, content)
    }

    static func previewTable(data: AgreementPageData, preview: AgreementImport, csv: String, context: PageContext) -> HTML {
        let label = data.programme.yearLabel
        var errorRows: [HTML] = []
        for error in preview.errors { errorRows.append("<tr><th scope=\"row\" class=\"num\">\(error.line)</th><td>\(error.message)</td></tr>") }
        var changeRows: [HTML] = []
        for change in preview.targetChanges {
            let unit = data.content.results.first { $0.id == change.resultID }?.unit ?? .number
            changeRows.append("<tr><th scope=\"row\" class=\"num\">\(change.line)</th><td>\(change.indicator)</td><td>\(label(change.year))</td><td class=\"num\">\(AgreementFormat.value(change.old, unit: unit))</td><td class=\"num\">\(AgreementFormat.value(change.new, unit: unit))</td></tr>")
        }
        for change in preview.amountChanges {
            changeRows.append("<tr><th scope=\"row\" class=\"num\">\(change.line)</th><td>\(data.organisationName(change.organisationID)) · \(data.sourceName(change.fundingSourceID))</td><td>\(label(change.year))</td><td class=\"num\">\(AgreementFormat.euros(change.old))</td><td class=\"num\">\(AgreementFormat.euros(change.new))</td></tr>")
        }
        let errorTable: HTML = preview.errors.isEmpty ? .empty : """
        <div class="error-summary" role="alert"><h2>\(DutchFormat.count(preview.errors.count, "fout", "fouten")): er wordt niets opgeslagen</h2></div>
        <table class="data"><caption>Fouten per regel</caption>
        <thead><tr><th scope="col" class="num">Regel</th><th scope="col">Fout</th></tr></thead>
        <tbody>\(errorRows)</tbody></table>
        """
        let changeTable: HTML = changeRows.isEmpty ? "<p>Het bestand wijzigt niets.</p>" : """
        <table class="data"><caption>\(DutchFormat.count(changeRows.count, "wijziging", "wijzigingen"))</caption>
        <thead><tr><th scope="col" class="num">Regel</th><th scope="col">Onderdeel</th><th scope="col">Jaar</th><th scope="col" class="num">Nu</th><th scope="col" class="num">Wordt</th></tr></thead>
        <tbody>\(changeRows)</tbody></table>
        """
        var save: HTML = .empty
        if !preview.hasErrors && preview.changeCount > 0 {
            save = Components.form(action: Route.agreements(.importCSV(data.agreement.id)).path, csrf: context.csrfToken, """
            <input type="hidden" name="lock_version" value="\(data.version.lockVersion)">
            <input type="hidden" name="step" value="save">
            <input type="hidden" name="kind" value="\(preview.kind.rawValue)">
            <input type="hidden" name="csv" value="\(csv)">
            <button type="submit" class="button button--primary">\(preview.changeCount == 1 ? "Deze wijziging" : "Deze \(preview.changeCount) wijzigingen") opslaan</button>
            """)
        }
        return """
        <section id="voorbeeld"><h2>Voorbeeld van de import</h2>
        \(errorTable)
        \(changeTable)
        \(save)
        </section>
        """
    }
}
