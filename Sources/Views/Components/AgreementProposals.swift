import Domain
import Markup

/// The Act proposals of the IKC's yearly plans on the agreement page (project leaders only):
/// which plan, its status, the text, a link to the plan, and a one-click start of an amendment
/// while the newest version is fixed; otherwise a link to the version already under way.
public enum AgreementProposals {
    public static func section(context: PageContext, data: AgreementPageData) -> HTML {
        guard !data.proposals.isEmpty else { return .empty }
        var items: [HTML] = []
        for proposal in data.proposals {
            let reason = proposal.reason(yearLabel: data.programme.yearLabel)
            let started = data.versions.filter { $0.reason == reason }.map { "versie \($0.number)" }
            let used: HTML = started.isEmpty ? .empty : "<p class=\"hint\">Eerder gebruikt als reden van \(started.joined(separator: ", ")).</p>"
            items.append("""
            <li class="proposal">
            <h3>Jaarplan \(data.programme.yearLabel(proposal.year)) · \(data.agreement.ikcName)</h3>
            <p>Status van het jaarplan: \(proposal.planStatus.label). <a href="\(Route.plans(.plan(proposal.planID)).path)">Naar het jaarplan</a></p>
            <blockquote class="proposal-text">\(PlainText.render(proposal.text))</blockquote>
            \(used)
            \(action(context: context, data: data, planID: proposal.planID))
            </li>
            """)
        }
        return """
        <section id="voorstellen"><h2>Voorstellen tot bijstelling uit jaarplannen</h2>
        <p class="hint">Uit het Act-deel van de jaarplannen van \(data.agreement.ikcName). Een bijstelling start als kopie van de vastgestelde versie, met het voorstel als reden.</p>
        <ul class="proposals">\(items)</ul>
        </section>
        """
    }

    static func action(context: PageContext, data: AgreementPageData, planID: Int64) -> HTML {
        let id = data.agreement.id
        let latest = data.latestNumber
        let inProgress = AgreementRoute.show(id).path(version: latest)
        switch data.latestStatus {
        case .vastgesteld:
            return Components.postButton(to: .agreements(.proposal(id, planID)), label: "Bijstelling starten", csrf: context.csrfToken,
                                         style: "primary", hidden: [("lock_version", String(data.versions.last?.lockVersion ?? 0))])
        case .concept:
            return "<p>Versie \(latest) is nog in concept: <a href=\"\(inProgress)\">neem het voorstel mee in het concept van versie \(latest)</a>.</p>"
        case .terOndertekening:
            return "<p>Versie \(latest) ligt ter ondertekening: <a href=\"\(inProgress)\">naar versie \(latest)</a>. Zet haar terug naar concept om het voorstel mee te nemen.</p>"
        }
    }
}
