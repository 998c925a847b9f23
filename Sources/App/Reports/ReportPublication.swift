import Domain
import HTTP
import Store
import Views

/// Publishing a year's draft as a frozen edition, reading an edition, withdrawing it.
extension ReportsHandler {
    func savePublish(year: Int) throws -> Response {
        _ = try checkYear(year)
        let programme = user.page.programme
        let id = try Reports.publish(year: year, today: today(), render: { ReportRendering.html($0, $1, programme: programme) },
                                     mailLink: { [app] in app.absoluteURL(Route.reports(.edition($0)).path) }, by: principal.userID, in: store)
        app.mailSignal.signal()
        return Response.redirect(to: Route.reports(.edition(id)).path)
    }

    /// A published or withdrawn edition; `shareLink` is a new share link, shown only once.
    func showEdition(id: Int64, shareLink: String?) throws -> Response {
        let today = self.today()
        let (found, live) = try store.read { c -> (ReportEdition?, ReportFigures?) in
            guard let edition = try Reports.find(id: id, c) else { return (nil, nil) }
            guard edition.status != .draft else { return (edition, nil) }
            // Only to tell whether newer figures exist: the draft's cache will do.
            return (edition, try Reports.figures(year: edition.year, today: today, store: store, c))
        }
        guard let edition = found else { throw AppError.notFound }
        guard readable(edition) else { throw AppError.forbidden }
        guard let live else { return Response.redirect(to: Route.reports(.year(edition.year)).path) }
        let programme = try checkYear(edition.year)
        let newer = Reports.fingerprint(live) != edition.fingerprint
        return page(ReportPages.edition(context: user.page, yearLabel: programme.yearLabel(edition.year), edition: edition,
                                        newerFiguresExist: newer, shareLink: shareLink, canManage: allows(.review, .report),
                                        notice: RecordForms.savedNotice(request)))
    }

    func showEditionCSV(id: Int64, table: ReportTable) throws -> Response {
        guard let edition = try store.read({ try Reports.find(id: id, $0) }), edition.status != .draft,
              let json = edition.snapshotJSON, let figures = Reports.decode(json) else { throw AppError.notFound }
        guard readable(edition) else { throw AppError.forbidden }
        return csv(ReportCSV.render(table, report: AnnualReport(figures: figures)),
                   filename: table.filename(yearLabel: try programme().yearLabel(edition.year), edition: edition.edition))
    }

    func saveWithdraw(id: Int64) throws -> Response {
        try Reports.withdraw(id: id, by: principal.userID, in: store)
        return Response.redirect(to: Route.reports(.edition(id)).path + "?saved=ingetrokken")
    }
}
