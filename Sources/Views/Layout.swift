import Domain
import Markup

/// What every page needs besides its content: who is looking, the CSRF token for its forms,
/// and which menu item is current.
public struct PageContext: Sendable {
    public var principal: Principal?
    public var csrfToken: String
    public var current: Section?
    public var programme: Programme?

    public enum Section: Sendable, Equatable {
        case home, ikcs, agreements, funding, plans, reports, organisations, areas, users, audit, mail, account, indicators
        case programme
    }

    public init(principal: Principal?, csrfToken: String, current: Section? = nil, programme: Programme? = nil) {
        self.principal = principal
        self.csrfToken = csrfToken
        self.current = current
        self.programme = programme
    }

    /// The same context with another current menu item.
    public func with(_ section: Section) -> PageContext {
        var copy = self
        copy.current = section
        return copy
    }
}

/// The frame of every page: skip link, header with the menu for the role, main, footer.
public enum Layout {
    /// `noindex`: a page behind a share link, which search engines must not list.
    public static func page(title: String, context: PageContext, noindex: Bool = false, _ content: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        \(noindex ? HTML("<meta name=\"robots\" content=\"noindex\">") : HTML.empty)
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(context.siteName)</title>
        <link rel="stylesheet" href="/static/css/site.css">
        <link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">
        </head>
        <body>
        <a class="skip-link" href="#inhoud">Naar de inhoud</a>
        <header class="site-header">
        <div class="site-header__inner">
        <a class="brand" href="/">\(context.siteName)</a>
        \(navigation(context))
        </div>
        </header>
        <main id="inhoud" tabindex="-1">
        \(ScrollRegions.label(content))
        </main>
        <footer class="site-footer">
        <p>\(context.programme.map { "\($0.name) · \($0.municipality)" } ?? "Kansen voor Kinderen 2") · <a href="\(Route.accessibility.path)">Toegankelijkheidsverklaring</a></p>
        </footer>
        </body>
        </html>
        """
    }

    static func navigation(_ context: PageContext) -> HTML {
        guard let principal = context.principal else { return .empty }
        var items: [(PageContext.Section, Route, StaticString)] = [(.home, .home, "Start")]
        if Authorization.allows(principal, .read, .ikc) && principal.role != .directeur {
            items.append((.ikcs, .ikcs(.index), "IKC's"))
        }
        if Authorization.allows(principal, .read, .agreement) { items.append((.agreements, .agreements(.index), "Afspraken")) }
        if Authorization.allows(principal, .read, .fundingSource) { items.append((.funding, .funding(.index), "Financiering")) }
        if Authorization.allows(principal, .read, .yearPlan) { items.append((.plans, .plans(.index), "Jaarplannen")) }
        if Authorization.allows(principal, .read, .report) { items.append((.reports, .reports(.index), "Rapportages")) }
        if Authorization.allows(principal, .read, .indicator) { items.append((.indicators, .indicators(.index), "Indicatoren")) }
        if Authorization.allows(principal, .read, .organisation) { items.append((.organisations, .organisations(.index), "Organisaties")) }
        if Authorization.allows(principal, .read, .area) { items.append((.areas, .areas(.index), "Gebieden")) }
        if Authorization.allows(principal, .read, .user) { items.append((.users, .users(.index), "Gebruikers")) }
        if Authorization.allows(principal, .read, .auditLog) { items.append((.audit, .audit(.index), "Logboek")) }
        if Authorization.allows(principal, .read, .user) { items.append((.mail, .mail(.index), "E-mail")) }
        if Authorization.allows(principal, .read, .user) { items.append((.programme, .programme(.settings), "Programma")) }
        var links: [HTML] = []
        for (section, route, label) in items {
            let current: String? = context.current == section ? "page" : nil
            links.append("<li><a href=\"\(route.path)\"\(attr: "aria-current", current)>\(HTML(stringLiteral: label))</a></li>")
        }
        return """
        <nav class="site-nav" aria-label="Hoofdmenu"><ul>\(links)</ul></nav>
        <div class="site-user">
        <a href="\(Route.account.path)"\(attr: "aria-current", context.current == .account ? "page" : nil)>\(principal.name)</a>
        <span class="site-user__role">\(context.roleLabel(principal.role))</span>
        \(Components.postButton(to: .logout, label: "Uitloggen", csrf: context.csrfToken, style: "link"))
        </div>
        """
    }
}
