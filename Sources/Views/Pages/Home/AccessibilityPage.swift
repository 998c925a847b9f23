import Markup

/// The toegankelijkheidsverklaring, linked from every page's footer.
public enum AccessibilityPage {
    public static func render(context: PageContext) -> HTML {
        Layout.page(title: "Toegankelijkheidsverklaring", context: context, """
        <div class="narrow">
        <h1>Toegankelijkheidsverklaring</h1>
        <p>\(context.siteName) wil voor iedereen bruikbaar zijn. De applicatie is gebouwd volgens de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA, de norm voor websites en applicaties van de overheid.</p>
        <h2>Wat is getest en hoe</h2>
        <ul>
        <li>Alle pagina's werken zonder JavaScript en met alleen het toetsenbord; elke pagina heeft een link om direct naar de inhoud te gaan en een zichtbare focus.</li>
        <li>Elk formulierveld heeft een label; foutmeldingen staan bij het veld en worden bovenaan samengevat.</li>
        <li>Tabellen hebben een bijschrift en kopcellen; koppen staan in logische volgorde.</li>
        <li>Kleurcontrast van tekst is minstens 4,5:1.</li>
        <li>De geautomatiseerde tests controleren deze punten bij elke wijziging.</li>
        </ul>
        <h2>Bekende beperkingen</h2>
        <p>Nog niet alle onderdelen zijn in een echte browser en met een schermlezer getest. Loopt u ergens tegenaan, meld het dan bij de projectleider \(context.programme?.name ?? "Kansen voor Kinderen 2").</p>
        </div>
        """)
    }
}
