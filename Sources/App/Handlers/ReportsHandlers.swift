import Domain
import Foundation
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleReports(_ route: ReportRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: return try getReportIndex(context)
        case .year(let year): return isPost ? try postReportDraft(year: year, request, context) : try getReportDraft(year: year, request, context)
        case .publish(let year): return try postPublishReport(year: year, context)
        case .yearCSV(let year, let table):
            let (report, _) = try liveReport(year: year)
            return csvResponse(ReportCSV.render(table, report: report), filename: "jaarrapportage-\(year)-\(table.rawValue).csv")
        case .edition(let id): return try getReportEdition(id: id, shareLink: nil, context)
        case .editionCSV(let id, let table):
            guard let edition = try database.read({ try Reports.find(id: id, $0) }), edition.status != "draft",
                  let json = edition.snapshotJSON, let figures = Reports.decode(json) else { throw AppError.notFound }
            return csvResponse(ReportCSV.render(table, report: AnnualReport(figures: figures)),
                               filename: "jaarrapportage-\(edition.year)-editie-\(edition.edition)-\(table.rawValue).csv")
        case .withdraw(let id): return try postWithdrawReport(id: id, context)
        case .share(let id): return try postShareReport(id: id, request, context)
        case .unshare(let id): return try postUnshareReport(id: id, context)
        case .shared(let token): return try getSharedReport(token: token)
        }
    }

    func checkReportYear(_ year: Int) throws -> Programme {
        let programme = try database.read { try ProgrammeSettings.programme($0) }
        guard programme.years.contains(year) else { throw AppError.notFound }
        return programme
    }

    func liveReport(year: Int) throws -> (AnnualReport, Programme) {
        let programme = try checkReportYear(year)
        let today = self.today()
        let figures = try database.read { try Reports.figures(year: year, today: today, $0) }
        return (AnnualReport(figures: figures), programme)
    }

    func getReportIndex(_ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let (programme, editions) = try database.read { c in (try ProgrammeSettings.programme(c), try Reports.all(c)) }
        let rows = editions.map {
            ReportPages.IndexRow(id: $0.id, year: $0.year, yearLabel: programme.yearLabel($0.year), edition: $0.edition, status: $0.status, publishedAt: $0.publishedAt)
        }
        let years = programme.years.map { ($0, programme.yearLabel($0)) }
        return page(ReportPages.index(context: context.page, years: years, editions: rows,
                                      canEdit: Authorization.allows(principal, .review, .report)))
    }

    func getReportDraft(year: Int, _ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let (report, _) = try liveReport(year: year)
        let draft = try database.read { try Reports.draft(year: year, $0) }
        let notice: String? = request.query["saved"] == "1" ? "Het concept is opgeslagen." : nil
        return page(ReportPages.draft(context: context.page, report: report, foreword: draft?.foreword ?? "", conclusions: draft?.conclusions ?? "",
                                      lockVersion: draft?.lockVersion, canEdit: Authorization.allows(principal, .review, .report),
                                      errors: ValidationErrors(), notice: notice))
    }

    func postReportDraft(year: Int, _ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal, Authorization.allows(principal, .review, .report) else { throw AppError.forbidden }
        _ = try checkReportYear(year)
        let form = request.formValues()
        let foreword = form["foreword"] ?? "", conclusions = form["conclusions"] ?? ""
        var errors = ValidationErrors()
        Check.maxLength(foreword, 20_000, "foreword", "het voorwoord", multiLine: true, into: &errors)
        Check.maxLength(conclusions, 20_000, "conclusions", "de conclusies", multiLine: true, into: &errors)
        let expected = (form["lock_version"]).flatMap { Int64($0) }
        guard errors.isEmpty else {
            let (report, _) = try liveReport(year: year)
            return page(ReportPages.draft(context: context.page, report: report, foreword: foreword, conclusions: conclusions,
                                          lockVersion: expected, canEdit: true, errors: errors, notice: nil), status: 422)
        }
        let before = try database.read { try Reports.draft(year: year, $0) }
        if before != nil && expected == nil { throw AppError.conflict(detail: "Iemand anders heeft intussen een concept voor dit jaar opgeslagen.") }
        do {
            try database.write { c in
                let id = try Reports.saveDraft(year: year, foreword: foreword, conclusions: conclusions, expectedVersion: expected, c)
                let diff = AuditLog.diff([("foreword", before?.foreword, foreword), ("conclusions", before?.conclusions, conclusions)])
                try AuditLog.record(userID: principal.userID, action: before == nil ? "create" : "update", recordType: "report", recordID: id,
                                    summary: "Concept jaarrapportage \(year) opgeslagen", oldValues: diff?.old, newValues: diff?.new, c)
            }
        } catch let error as SQLiteError where error.isStorageFailure {
            let (report, _) = try liveReport(year: year)
            return storageFailureResponse(error, context) { errors in
                ReportPages.draft(context: context.page, report: report, foreword: foreword, conclusions: conclusions,
                                  lockVersion: expected, canEdit: true, errors: errors, notice: nil)
            }
        }
        return Response.redirect(to: Route.reports(.year(year)).path + "?saved=1")
    }

    func postPublishReport(year: Int, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let (report, _) = try liveReport(year: year)
        let id = try database.write { c -> Int64 in
            // Publishing without a saved draft publishes an empty foreword: the draft row is created here.
            let draft = try Reports.draft(year: year, c)
            let id = try draft?.id ?? Reports.saveDraft(year: year, foreword: "", conclusions: "", expectedVersion: nil, c)
            let foreword = draft?.foreword ?? "", conclusions = draft?.conclusions ?? ""
            let edition = try Reports.find(id: id, c)?.edition ?? 1
            let html = ReportPages.body(report: report, foreword: foreword, conclusions: conclusions,
                                        csv: { Route.reports(.editionCSV(id, table: $0)).path })
            try Reports.publish(id: id, html: html.rendered, figures: report.figures, userID: principal.userID, c)
            try AuditLog.record(userID: principal.userID, action: "publish", recordType: "report", recordID: id,
                                summary: "Jaarrapportage \(year) editie \(edition) gepubliceerd", c)
            return id
        }
        return Response.redirect(to: Route.reports(.edition(id)).path)
    }

    func getReportEdition(id: Int64, shareLink: String?, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        guard let edition = try database.read({ try Reports.find(id: id, $0) }) else { throw AppError.notFound }
        if edition.status == "draft" { return Response.redirect(to: Route.reports(.year(edition.year)).path) }
        let (live, programme) = try liveReport(year: edition.year)
        let newer = Reports.fingerprint(live.figures) != edition.fingerprint
        return page(ReportPages.edition(context: context.page, yearLabel: programme.yearLabel(edition.year), edition: edition.edition,
                                        status: edition.status, publishedAt: edition.publishedAt, frozenHTML: edition.snapshotHTML ?? "",
                                        newerFiguresExist: newer, liveYear: edition.year, editionID: edition.id, shareLink: shareLink,
                                        shareActive: edition.shareActive, canManage: Authorization.allows(principal, .review, .report)))
    }

    func postWithdrawReport(id: Int64, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        try database.write { c in
            guard let edition = try Reports.find(id: id, c), edition.status == "published" else { throw AppError.notFound }
            try Reports.withdraw(id: id, c)
            try AuditLog.record(userID: principal.userID, action: "withdraw", recordType: "report", recordID: id,
                                summary: "Jaarrapportage \(edition.year) editie \(edition.edition) ingetrokken", c)
        }
        return Response.redirect(to: Route.reports(.edition(id)).path)
    }

    func postShareReport(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let token = Tokens.newToken()
        try database.write { c in
            guard let edition = try Reports.find(id: id, c), edition.status == "published" else { throw AppError.notFound }
            try Reports.share(id: id, tokenHash: Tokens.hash(token), c)
            try AuditLog.record(userID: principal.userID, action: "share", recordType: "report", recordID: id,
                                summary: "Deellink gemaakt voor jaarrapportage \(edition.year) editie \(edition.edition)", c)
        }
        // The link is shown once, on this response; the database keeps only its hash.
        return try getReportEdition(id: id, shareLink: absoluteURL(Route.reports(.shared(token: token)).path), context)
    }

    func postUnshareReport(id: Int64, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        try database.write { c in
            guard try Reports.find(id: id, c) != nil else { throw AppError.notFound }
            try Reports.revokeShare(id: id, c)
            try AuditLog.record(userID: principal.userID, action: "unshare", recordType: "report", recordID: id, summary: "Deellink ingetrokken", c)
        }
        return Response.redirect(to: Route.reports(.edition(id)).path)
    }

    func getSharedReport(token: String) throws -> Response {
        guard let edition = try database.read({ try Reports.findShared(tokenHash: Tokens.hash(token), $0) }) else {
            throw AppError.notFound
        }
        let programme = try database.read { try ProgrammeSettings.programme($0) }
        var response = page(ReportPages.shared(yearLabel: programme.yearLabel(edition.year), edition: edition.edition, frozenHTML: edition.snapshotHTML ?? ""))
        response.headers.set("X-Robots-Tag", "noindex")
        return response
    }

    /// A CSV download: UTF-8 with BOM (already in `text`), semicolons, as Excel in the Netherlands expects.
    func csvResponse(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        return Response(status: 200, headers: headers, body: Array(text.utf8))
    }
}
