import Domain
import HTTP
import Store
import Views

/// The annual reports for the Ontwikkelgroep (issue 10): the live draft of a year, published
/// editions frozen as they were, and their read-only share links.
struct ReportsHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: ReportRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showIndex()
        case (.year(let year), .show): return try showDraft(year: year)
        case (.year(let year), .save): return try saveDraft(year: year)
        case (.yearCSV(let year, let table), .show): return try showYearCSV(year: year, table: table)
        case (.publish(let year), .save): return try savePublish(year: year)
        case (.edition(let id), .show): return try showEdition(id: id, shareLink: nil)
        case (.editionCSV(let id, let table), .show): return try showEditionCSV(id: id, table: table)
        case (.oldYearCSV(let year, let table), .show): return Response.redirect(to: Route.reports(.yearCSV(year, table: table)).path, status: 301)
        case (.oldEditionCSV(let id, let table), .show):
            return Response.redirect(to: Route.reports(.editionCSV(id, table: table)).path, status: 301)
        case (.withdraw(let id), .save): return try saveWithdraw(id: id)
        case (.share(let id), .save): return try saveShare(id: id)
        case (.unshare(let id), .save): return try saveUnshare(id: id)
        // The share link needs no log-in: Application dispatches it to `showShared` before the sign-in check.
        case (.shared(let token), .show): return try ReportsHandler.showShared(app: app, token: token)
        case (.sharedCSV(let token, let table), .show): return try ReportsHandler.showSharedCSV(app: app, token: token, table: table)
        case (.ikc(let year, let id), .show): return try showIKC(year: year, ikcID: id)
        case (.index, .save), (.yearCSV, .save), (.publish, .show), (.edition, .save), (.editionCSV, .save),
             (.withdraw, .show), (.share, .show), (.unshare, .show), (.shared, .save),
             (.oldYearCSV, .save), (.oldEditionCSV, .save), (.sharedCSV, .save), (.ikc, .save):
            throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showIndex() throws -> Response {
        let (programme, editions) = try store.read { c in (try store.programme(c), try Reports.all(c)) }
        return page(ReportPages.index(context: user.page, programme: programme, editions: editions.filter(readable),
                                      canEdit: allows(.review, .report), showsDrafts: readsDrafts))
    }

    /// Whether the principal reads the live drafts (a partner reads published editions only).
    var readsDrafts: Bool { Authorization.allows(principal, .read, .report, on: Authorization.Subject(isPublished: false)) }

    /// Whether the principal may read `edition`.
    func readable(_ edition: ReportEdition) -> Bool {
        Authorization.allows(principal, .read, .report, on: Authorization.Subject(isPublished: edition.status == .published))
    }

    /// The programme, when `year` is one of its years; a report of another year does not exist.
    func checkYear(_ year: Int) throws -> Programme {
        let programme = try programme()
        guard programme.years.contains(year) else { throw AppError.notFound }
        return programme
    }

    /// A CSV download: UTF-8 with BOM (already in `text`), semicolons, as Excel in the Netherlands expects.
    func csv(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        return Response(status: 200, headers: headers, body: Array(text.utf8))
    }
}
