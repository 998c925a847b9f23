import Domain
import Markup

/// The IKC overview and detail pages.
public enum IKCPages {
    public struct Row: Sendable {
        public var id: Int64
        public var name: String
        public var kind: IKCKind
        public var koepel: String
        public var area: String?
        public var agreementStatus: String?
        public var results: Int
        public var targets: Int
        public var contributionCents: Int64
        public init(id: Int64, name: String, kind: IKCKind, koepel: String, area: String?, agreementStatus: String?,
                    results: Int, targets: Int, contributionCents: Int64) {
            self.id = id
            self.name = name
            self.kind = kind
            self.koepel = koepel
            self.area = area
            self.agreementStatus = agreementStatus
            self.results = results
            self.targets = targets
            self.contributionCents = contributionCents
        }
    }

    public static func list(context: PageContext, rows: [Row]) -> HTML {
        var body: [HTML] = []
        body.reserveCapacity(rows.count)
        var total: Int64 = 0
        for row in rows {
            total += row.contributionCents
            body.append("""
            <tr><th scope="row"><a href="\(Route.registry(.ikc(row.id)).path)">\(row.name)</a></th><td>\(row.kind.label)</td><td>\(row.koepel)</td><td>\(row.area ?? "–")</td><td>\(Components.statusBadge(row.agreementStatus))</td><td class="num">\(row.results)</td><td class="num">\(row.targets)</td><td class="num">\(DutchFormat.euros(cents: row.contributionCents))</td></tr>

            """)
        }
        let table: HTML = rows.isEmpty ? "<p>Er zijn nog geen IKC's.</p>" : """
        <div class="table-scroll"><table class="data">
        <caption>IKC's met hun resultaatafspraak</caption>
        <thead><tr><th scope="col">IKC</th><th scope="col">Soort</th><th scope="col">Koepel</th><th scope="col">Gebied</th><th scope="col">Afspraak</th><th scope="col" class="num">Resultaten</th><th scope="col" class="num">Jaardoelen</th><th scope="col" class="num">Bijdragen</th></tr></thead>
        <tbody>
        \(body)</tbody>
        <tfoot><tr><th scope="row" colspan="7">Totaal</th><td class="num">\(DutchFormat.euros(cents: total))</td></tr></tfoot>
        </table></div>
        """
        return Layout.page(title: "IKC's", context: context.with(.ikcs), """
        <h1>IKC's</h1>
        <p class="lead">\(rows.count) IKC's</p>
        \(table)
        """)
    }

    public struct Detail: Sendable {
        public var ikc: IKC
        public var koepel: String
        public var area: String?
        public var childcare: [String]
        public init(ikc: IKC, koepel: String, area: String?, childcare: [String]) {
            self.ikc = ikc
            self.koepel = koepel
            self.area = area
            self.childcare = childcare
        }
    }

    public static func detail(context: PageContext, detail: Detail) -> HTML {
        let ikc = detail.ikc
        return Layout.page(title: ikc.name, context: context.with(.ikcs), """
        <h1>\(ikc.name)</h1>
        <dl class="facts">
        <dt>Soort</dt><dd>\(ikc.kind.label)</dd>
        <dt>Koepel</dt><dd>\(detail.koepel)</dd>
        <dt>Kinderopvang</dt><dd>\(detail.childcare.isEmpty ? "–" : detail.childcare.joined(separator: ", "))</dd>
        <dt>Gebied</dt><dd>\(detail.area ?? "–")</dd>
        <dt>Directeur</dt><dd>\(ikc.directorName.isEmpty ? "–" : ikc.directorName)</dd>
        <dt>Aantal kinderen</dt><dd>\(ikc.childrenCount.map { DutchFormat.integer($0) } ?? "–")</dd>
        <dt>Profiel</dt><dd>\(ikc.profile.isEmpty ? "–" : ikc.profile)</dd>
        </dl>
        """)
    }
}
