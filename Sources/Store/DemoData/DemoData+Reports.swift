import Domain
import SQLite

/// Demo report editions: every completed year (all verantwoordingen approved) has a published
/// first edition with a foreword and conclusions, so the Ontwikkelgroep's start page lists them.
extension DemoData {
    /// Makes a published edition's HTML from its draft and figures in a programme's words (nil:
    /// KvK2's); App passes Views' renderer.
    public typealias ReportRenderer = (ReportEdition, ReportFigures, Programme?) -> String

    /// `ownWords`: the editions speak the stored programme's words (a second programme's demo);
    /// KvK2's demo keeps the default words.
    static func seedReports(from first: Int = firstPlanYear, through last: Int, today: Day, render: ReportRenderer,
                            ownWords: Bool = false, _ c: Connection) throws {
        guard last >= first else { return }
        let publisher = try c.row("SELECT id FROM users WHERE role = 'projectleider' ORDER BY id LIMIT 1")?.int64(0)
        let programme = try ProgrammeSettings.programme(c)
        for year in first...last {
            let label = programme.yearLabel(year)
            let id = try Reports.insertDraft(year: year, foreword: """
                Voor u ligt de jaarrapportage \(label) van \(programme.name). De IKC's hebben hun jaarplan op tijd \
                ingediend en na afloop verantwoord; de projectleider heeft alle verantwoordingen goedgekeurd.
                """, conclusions: """
                De taalresultaten liggen bij de meeste IKC's op koers. Ouderbetrokkenheid blijft achter bij wat we \
                hoopten: volgend jaar zetten we in op eerdere contacten bij de overgang van opvang naar groep 1.
                """, c)
            guard let draft = try Reports.find(id: id, c) else { continue }
            let figures = try Reports.figures(year: year, today: today, c)
            let json = Reports.encode(figures)
            let published = moment(Day(year: year + 1, month: 11, day: 15), "09:00:00", today: today)
            try c.execute("""
                UPDATE reports SET status = 'published', snapshot_html = \(render(draft, figures, ownWords ? programme : nil)), snapshot_json = \(json),
                       data_fingerprint = \(Reports.fingerprint(figures)), published_at = \(published), published_by = \(publisher)
                WHERE id = \(id)
                """)
            try AuditLog.record(userID: publisher, action: "publish", recordType: "report", recordID: id,
                                summary: "Jaarrapportage \(year) editie \(draft.edition) gepubliceerd", c)
        }
    }
}
