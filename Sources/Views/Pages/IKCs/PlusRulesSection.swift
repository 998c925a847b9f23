import Domain
import Markup

/// The Plus rules on the IKC page and the predicate page: the term and herijking, the decisions
/// that granted or renewed the predicate, the reason for an IKC outside an aandachtsgebied, and
/// a herijking asked for by the area's reclassification.
public enum PlusRulesSection {
    public static func render(_ rules: PlusRules, hasPredicate: Bool, programme: Programme? = nil) -> HTML {
        let name = programme.predicateName ?? "predicaat"
        var parts: [HTML] = []
        if let due = rules.reassessmentDue {
            let change = due.nowPriority ? "is nu een aandachtsgebied" : "is geen aandachtsgebied meer"
            parts.append("<p class=\"warning\"><strong>Herijking nodig: het gebied \(due.areaName) \(change).</strong></p>")
        }
        // Shown for every Plus IKC (or holder of the predicate) outside an aandachtsgebied, so
        // that one made Plus there "without a word" is flagged until the reason is recorded.
        if rules.outsideArea {
            if let reason = rules.outsideAreaReason {
                parts.append("<p>Dit IKC ligt niet in een aandachtsgebied. Reden voor het \(name): \(reason)</p>")
            } else {
                parts.append("<p class=\"warning\"><strong>Dit IKC ligt niet in een aandachtsgebied en de reden voor het \(name) is niet vastgelegd.</strong> Leg die vast bij het predicaat.</p>")
            }
        }
        if hasPredicate {
            parts.append(decisionsTable(rules.decisions, programme: programme))
        }
        return HTML.joined(parts)
    }

    static func decisionsTable(_ decisions: [PlusDecision], programme: Programme? = nil) -> HTML {
        let term = programme ?? Programme.kvk2Term
        guard !decisions.isEmpty else {
            return "<p>Het besluit dat het predicaat toekende of verlengde is niet in deze applicatie vastgelegd.</p>"
        }
        var rows: [HTML] = []
        for d in decisions.reversed() {
            rows.append("<tr><th scope=\"row\">\(d.decidedOn.dutch)</th><td>\(d.kind.label)</td><td>\(d.body.isEmpty ? "–" : d.body)</td><td>\(d.note.isEmpty ? "–" : d.note)</td></tr>")
        }
        return """
        <table class="data">
        <caption>Besluiten over het predicaat (termijn \(AreaPages.inWords(term.plusTermYears)) jaar, herijking elke \(AreaPages.inWords(term.plusReassessmentYears)) jaar)</caption>
        <thead><tr><th scope="col">Datum</th><th scope="col">Besluit</th><th scope="col">Genomen door</th><th scope="col">Toelichting</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
    }

    /// The predicate form's fields for the decision's body and, outside an aandachtsgebied, the reason.
    public static func formFields(_ form: PlusPredicateForm, rules: PlusRules, errors: ValidationErrors, programme: Programme? = nil) -> HTML {
        let body = Components.textField("decisionBody", label: "Besluit genomen door", value: form.decisionBody, errors: errors,
                                        hint: "Bij een nieuwe toekenning of herijking: het orgaan dat besloot, bijvoorbeeld het college van B&W.")
        guard rules.outsideArea else { return body }
        let reason = Components.textArea("outsideAreaReason", label: "Reden voor het predicaat buiten een aandachtsgebied",
                                         value: form.outsideAreaReason, errors: errors,
                                         hint: "Dit IKC ligt niet in een aandachtsgebied; het programma geeft het predicaat aan de IKC's in aandachtsgebieden.", rows: 3)
        return "\(body)\(reason)"
    }
}
