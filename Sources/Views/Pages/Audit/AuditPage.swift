import Domain
import Markup

/// The audit log, newest first, optionally filtered by record.
public enum AuditPage {
    public static func render(context: PageContext, entries: [AuditEntry], recordType: String?, recordID: Int64?) -> HTML {
        var rows: [HTML] = []
        for entry in entries {
            rows.append("""
            <tr><td>\(entry.at)</td><td>\(entry.userName ?? "systeem")</td><td>\(entry.action)</td><td>\(entry.recordType)\(entry.recordID.map { " #\($0)" } ?? "")</td><td>\(entry.summary)</td><td><code>\(entry.oldValues ?? "")</code></td><td><code>\(entry.newValues ?? "")</code></td></tr>
            """)
        }
        return Layout.page(title: "Logboek", context: context.with(.audit), """
        <h1>Logboek</h1>
        <form method="get" action="\(Route.audit(.index).path)" class="filters">
        <div class="field"><label for="record">Soort gegeven</label><input id="record" name="record" value="\(recordType ?? "")"></div>
        <div class="field"><label for="id">Nummer</label><input id="id" name="id" inputmode="numeric" value="\(recordID.map { String($0) } ?? "")"></div>
        <button type="submit" class="button button--secondary">Filteren</button>
        </form>
        \(entries.isEmpty ? HTML("<p>Geen regels gevonden.</p>") : HTML("""
        <div class="table-scroll"><table class="data">
        <caption>Wijzigingen, nieuwste eerst</caption>
        <thead><tr><th scope="col">Wanneer (UTC)</th><th scope="col">Wie</th><th scope="col">Actie</th><th scope="col">Gegeven</th><th scope="col">Omschrijving</th><th scope="col">Oud</th><th scope="col">Nieuw</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table></div>
        """))
        """)
    }
}
