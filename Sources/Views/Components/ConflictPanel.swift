import Domain
import Markup

/// The 409 page of an optimistic-concurrency conflict: somebody saved the record after this
/// form was loaded. It shows the stored values next to the submitted ones (differences marked)
/// and overwrites nothing; the user reopens the record and enters again what should stay.
///
/// Use from any handler: catch `StoreError.staleVersion`, read the record as stored now, and
/// answer `page(ConflictPanel.page(context:title:fields:reopen:), status: 409)` with one
/// `ConflictPanel.Field` per form field (label, stored text, submitted text).
public enum ConflictPanel {
    public struct Field: Sendable, Equatable {
        public var label: String
        public var stored: String
        public var submitted: String

        public init(_ label: String, stored: String, submitted: String) {
            self.label = label
            self.stored = stored
            self.submitted = submitted
        }

        public var differs: Bool { stored.trimmingWhitespace() != submitted.trimmingWhitespace() }
    }

    /// The table of both versions, for embedding in a page of one's own.
    public static func table(_ fields: [Field]) -> HTML {
        var rows: [HTML] = []
        for field in fields {
            let mark: HTML = field.differs ? "<span class=\"conflict-mark\">anders</span>" : .empty
            rows.append("""
            <tr\(attr: "class", field.differs ? "conflict-row--differs" : nil)><th scope="row">\(field.label) \(mark)</th><td>\(show(field.stored))</td><td>\(show(field.submitted))</td></tr>
            """)
        }
        return """
        <table class="data conflict">
        <caption>Opgeslagen versie en uw invoer naast elkaar</caption>
        <thead><tr><th scope="col">Veld</th><th scope="col">Nu opgeslagen (door een ander)</th><th scope="col">Uw invoer (niet opgeslagen)</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
    }

    /// A whole 409 page: explanation, both versions, a link to reopen the record.
    public static func page(context: PageContext, title: String, fields: [Field], reopen: Route) -> HTML {
        Layout.page(title: "Iemand anders was u voor", context: context, """
        <h1>Iemand anders was u voor</h1>
        <div class="error-summary" role="alert">
        <p>\(title) is gewijzigd nadat u het formulier opende. <strong>Uw wijziging is niet opgeslagen</strong>; er is niets overschreven.</p>
        </div>
        <p>Hieronder ziet u wat nu is opgeslagen en wat u hebt ingevuld. Open het gegeven opnieuw en vul in wat moet blijven.</p>
        \(table(fields))
        <p><a class="button button--primary" href="\(reopen.path)">Opnieuw openen (nieuwste versie)</a></p>
        """)
    }

    static func show(_ text: String) -> HTML {
        text.trimmingWhitespace().isEmpty ? "<span class=\"muted\">(leeg)</span>" : "\(text)"
    }
}
