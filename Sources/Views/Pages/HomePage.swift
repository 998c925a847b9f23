import Domain
import Markup

/// The start page per role.
public enum HomePage {
    public struct Summary: Sendable {
        public var ikcCount: Int
        public var plusCount: Int
        public var agreementsInConcept: [(id: Int64, name: String)]
        public var predicatesDue: [(id: Int64, name: String, due: String)]
        public var ownIKCs: [(id: Int64, name: String)]
        public init(ikcCount: Int = 0, plusCount: Int = 0, agreementsInConcept: [(id: Int64, name: String)] = [],
                    predicatesDue: [(id: Int64, name: String, due: String)] = [], ownIKCs: [(id: Int64, name: String)] = []) {
            self.ikcCount = ikcCount
            self.plusCount = plusCount
            self.agreementsInConcept = agreementsInConcept
            self.predicatesDue = predicatesDue
            self.ownIKCs = ownIKCs
        }
    }

    public static func render(context: PageContext, summary: Summary) -> HTML {
        guard let principal = context.principal else { return .empty }
        let body: HTML
        switch principal.role {
        case .projectleider:
            var concept: [HTML] = []
            for item in summary.agreementsInConcept { concept.append("<li><a href=\"\(Route.registry(.ikc(item.id)).path)\">\(item.name)</a></li>") }
            var due: [HTML] = []
            for item in summary.predicatesDue { due.append("<li><a href=\"\(Route.registry(.ikc(item.id)).path)\">\(item.name)</a>: herijking of einde termijn op \(item.due)</li>") }
            body = """
            <p class="lead">\(summary.plusCount) Plus IKC's van \(summary.ikcCount) IKC's in totaal.</p>
            <section aria-labelledby="attention"><h2 id="attention">Vraagt aandacht</h2>
            <h3>Afspraken nog in concept of ter ondertekening</h3>
            \(concept.isEmpty ? HTML("<p>Geen: alle afspraken zijn vastgesteld.</p>") : HTML("<ul>\(concept)</ul>"))
            <h3>Herijking Plus-predicaat binnen drie maanden</h3>
            \(due.isEmpty ? HTML("<p>Geen herijkingen binnen drie maanden.</p>") : HTML("<ul>\(due)</ul>"))
            </section>
            <p><a class="button button--primary" href="\(Route.registry(.ikcs).path)">Alle IKC's</a></p>
            """
        case .directeur:
            var own: [HTML] = []
            for item in summary.ownIKCs { own.append("<li><a href=\"\(Route.registry(.ikc(item.id)).path)\">\(item.name)</a></li>") }
            body = """
            <h2>Uw IKC</h2>
            \(own.isEmpty ? HTML("<p>Er is nog geen IKC aan uw account gekoppeld. Neem contact op met de projectleider.</p>") : HTML("<ul>\(own)</ul>"))
            """
        case .ontwikkelgroep:
            body = """
            <p class="lead">Als lid van de Ontwikkelgroep leest u de afspraken, de voortgang en de jaarrapportages.</p>
            <p><a class="button button--primary" href="\(Route.registry(.ikcs).path)">Alle IKC's</a></p>
            """
        }
        return Layout.page(title: "Start", context: context.with(.home), """
        <h1>Welkom, \(principal.name)</h1>
        \(body)
        """)
    }
}
