import Domain
import Markup

/// The Dutch pages for errors: 403, 404, 405, 409, 500.
public enum ErrorPages {
    public static func page(status: Int, context: PageContext, detail: String? = nil, title customTitle: String? = nil, text customText: String? = nil) -> HTML {
        var (title, text): (String, String)
        switch status {
        case 400: (title, text) = ("Ongeldig verzoek", "Het verzoek kon niet worden verwerkt.")
        case 403: (title, text) = ("Geen toegang", "U hebt geen toestemming voor deze pagina of actie. Er is niets gewijzigd.")
        case 404: (title, text) = ("Pagina niet gevonden", "De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga naar de startpagina.")
        case 405: (title, text) = ("Methode niet toegestaan", "Deze pagina kan niet op deze manier worden opgevraagd.")
        case 409: (title, text) = ("Iemand anders was u voor", "Dit gegeven is gewijzigd nadat u het formulier opende. Uw wijziging is niet opgeslagen.")
        case 413: (title, text) = ("Bestand te groot", "Het verstuurde bestand of formulier is te groot.")
        default: (title, text) = ("Er ging iets mis", "Er is een onverwachte fout opgetreden. Probeer het later opnieuw; de fout is vastgelegd.")
        }
        if let customTitle { title = customTitle }
        if let customText { text = customText }
        return Layout.page(title: title, context: context, """
        <div class="narrow">
        <h1>\(title)</h1>
        <p>\(text)</p>
        \(detail.map { HTML("<p>\($0)</p>") })
        <p><a href="\(Route.home.path)">Naar de startpagina</a></p>
        </div>
        """)
    }
}
