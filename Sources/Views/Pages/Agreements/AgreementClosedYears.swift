import Domain
import Markup

/// Closed years in the grids (issue 17): a year whose verantwoording is approved is shown
/// read-only with the reason, and a project leader can open it again with a reason.
extension AgreementEditPages {
    /// The reason a year's cells are read-only, nil when the year is open.
    static func closedReason(_ data: AgreementPageData, _ year: Int) -> String? {
        data.closedYears.contains(year) ? ClosedYears.reason(data.programme.yearLabel(year)) : nil
    }

    /// A read-only cell: the value as the form shows it, with the reason for screen readers and
    /// as a tooltip. It sends the stored value along, so saving the grid keeps it.
    static func closedCell(_ name: String, value: String, label: String, reason: String) -> HTML {
        """
        <td class="num cell--closed"><label class="visually-hidden" for="\(name)">\(label) (vast)</label><input class="grid-input" type="text" id="\(name)" name="\(name)" value="\(value)" readonly aria-readonly="true" title="\(reason)" aria-describedby="closed-years-note"></td>
        """
    }

    /// Above a grid: which years are closed and why, each with a form to open it again.
    static func closedYearsNote(context: PageContext, data: AgreementPageData) -> HTML {
        let years = data.closedYears.sorted()
        guard !years.isEmpty else { return .empty }
        var forms: [HTML] = []
        for year in years {
            let label = data.programme.yearLabel(year)
            forms.append("""
            <li>\(ClosedYears.reason(label))
            \(Components.form(action: Route.agreements(.unlockYear(data.agreement.id)).path, csrf: context.csrfToken, """
            <input type="hidden" name="jaar" value="\(year)">
            <label for="unlock-\(year)">Reden om \(label) weer te openen</label>
            <input type="text" id="unlock-\(year)" name="reason" maxlength="500" required>
            <button type="submit" class="button button--secondary">Jaar \(label) weer openen</button>
            """))</li>
            """)
        }
        return """
        <section class="warning closed-years" id="closed-years-note" aria-label="Jaren die vastliggen">
        <p>De jaren met een goedgekeurde verantwoording liggen vast: hun cellen zijn alleen te lezen.</p>
        <ul>\(forms)</ul>
        </section>
        """
    }
}

extension AgreementComparePage {
    /// The years opened again for amendments, with who, when and why.
    public static func unlocks(_ data: AgreementPageData) -> HTML {
        guard !data.yearUnlocks.isEmpty else { return .empty }
        var rows: [HTML] = []
        for u in data.yearUnlocks {
            rows.append("<li>\(data.programme.yearLabel(u.year)) weer geopend op \(AgreementFormat.moment(u.unlockedAt))\(u.unlockedByName.map { " door " + $0 } ?? ""): \(u.reason)</li>")
        }
        return "<section class=\"year-unlocks\"><h2>Weer geopende jaren</h2><ul>\(rows)</ul></section>"
    }
}
