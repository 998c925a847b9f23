import Domain
import HTTP
import Store
import Views

/// Share links: a read-only view of a published edition for readers without an account.
extension ReportsHandler {
    func saveShare(id: Int64) throws -> Response {
        let token = Tokens.newToken()
        try Reports.share(id: id, tokenHash: Tokens.hash(token), by: principal.userID, in: store)
        let host = request.headers["Host"] ?? "127.0.0.1"
        let scheme = configuration.secureCookies ? "https" : "http"
        // The link is shown once, on this response; the database keeps only its hash.
        return try showEdition(id: id, shareLink: "\(scheme)://\(host)\(Route.reports(.shared(token: token)).path)")
    }

    func saveUnshare(id: Int64) throws -> Response {
        try Reports.unshare(id: id, by: principal.userID, in: store)
        return Response.redirect(to: Route.reports(.edition(id)).path)
    }

    /// The edition behind a share link. Public: nobody is signed in, so this needs no `SignedIn`.
    static func showShared(app: Application, token: String) throws -> Response {
        let store = app.store
        let (found, programme) = try store.read { c in
            (try Reports.findShared(tokenHash: Tokens.hash(token), c), try store.programme(c))
        }
        guard let edition = found else { throw AppError.notFound }
        var response = app.page(ReportPages.shared(yearLabel: programme.yearLabel(edition.year), edition: edition))
        response.headers.set("X-Robots-Tag", "noindex")
        // The token is in the URL: no page the reader goes on to may learn it from the Referer.
        response.headers.set("Referrer-Policy", "no-referrer")
        return response
    }
}
