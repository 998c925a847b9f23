import Domain
import HTTP
import Store
import Views

/// Share links: a read-only view of a published edition for readers without an account.
extension ReportsHandler {
    func saveShare(id: Int64) throws -> Response {
        let token = Tokens.newToken()
        try Reports.share(id: id, tokenHash: Tokens.hash(token), by: principal.userID, in: store)
        // The link is shown once, on this response; the database keeps only its hash.
        return try showEdition(id: id, shareLink: app.absoluteURL(Route.reports(.shared(token: token)).path))
    }

    func saveUnshare(id: Int64) throws -> Response {
        try Reports.unshare(id: id, by: principal.userID, in: store)
        return Response.redirect(to: Route.reports(.edition(id)).path + "?saved=deellink-ingetrokken")
    }

    /// The edition behind a share link. Public: nobody is signed in, so this needs no `SignedIn`.
    static func showShared(app: Application, token: String) throws -> Response {
        let store = app.store
        let today = app.configuration.today()
        let (found, programme, live) = try store.read { c -> (ReportEdition?, Programme, ReportFigures?) in
            let edition = try Reports.findShared(tokenHash: Tokens.hash(token), c)
            return (edition, try store.programme(c), try edition.map { try Reports.figures(year: $0.year, today: today, store: store, c) })
        }
        guard let edition = found else { throw AppError.notFound }
        let newer = live.map { Reports.fingerprint($0) != edition.fingerprint } ?? false
        var response = app.page(ReportPages.shared(yearLabel: programme.yearLabel(edition.year), edition: edition, token: token,
                                                   newerFiguresExist: newer))
        sharedHeaders(&response)
        return response
    }

    /// A CSV of the edition behind a share link: the same token opens it, nothing else.
    static func showSharedCSV(app: Application, token: String, table: ReportTable) throws -> Response {
        let store = app.store
        let (found, programme) = try store.read { c in
            (try Reports.findShared(tokenHash: Tokens.hash(token), c), try store.programme(c))
        }
        guard let edition = found, let json = edition.snapshotJSON, let figures = Reports.decode(json) else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition",
                    "attachment; filename=\"\(table.filename(yearLabel: programme.yearLabel(edition.year), edition: edition.edition))\"")
        var response = Response(status: 200, headers: headers, body: Array(ReportCSV.render(table, report: AnnualReport(figures: figures)).utf8))
        sharedHeaders(&response)
        return response
    }

    /// Share-link answers are not indexed, and the token in their URL reaches no other site.
    static func sharedHeaders(_ response: inout Response) {
        response.headers.set("X-Robots-Tag", "noindex")
        response.headers.set("Referrer-Policy", "no-referrer")
    }
}
