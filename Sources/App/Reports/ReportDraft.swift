import Domain
import HTTP
import Store
import Views

/// The live draft of a year: its figures of this moment, the foreword and conclusions form, its CSV tables.
extension ReportsHandler {
    func showDraft(year: Int) throws -> Response {
        guard readsDrafts else { throw AppError.forbidden }
        _ = try checkYear(year)
        let today = self.today()
        let (figures, draft) = try store.read { c in (try Reports.figures(year: year, today: today, store: store, c), try Reports.draft(year: year, c)) }
        let notice: String? = request.query["saved"] == "1" ? "Het concept is opgeslagen." : nil
        return page(ReportPages.draft(context: user.page, report: AnnualReport(figures: figures), foreword: draft?.foreword ?? "",
                                      conclusions: draft?.conclusions ?? "", lockVersion: draft?.lockVersion,
                                      canEdit: allows(.review, .report), errors: ValidationErrors(), notice: notice))
    }

    func saveDraft(year: Int) throws -> Response {
        guard allows(.review, .report) else { throw AppError.forbidden }
        _ = try checkYear(year)
        let form = request.formValues()
        let foreword = form["foreword"] ?? "", conclusions = form["conclusions"] ?? ""
        var errors = ValidationErrors()
        Check.maxLength(foreword, 20_000, "foreword", "het voorwoord", multiLine: true, into: &errors)
        Check.maxLength(conclusions, 20_000, "conclusions", "de conclusies", multiLine: true, into: &errors)
        let expected = form["lock_version"].flatMap { Int64($0) }
        guard errors.isEmpty else {
            let today = self.today()
            let figures = try store.read { try Reports.figures(year: year, today: today, $0) }
            return page(ReportPages.draft(context: user.page, report: AnnualReport(figures: figures), foreword: foreword,
                                          conclusions: conclusions, lockVersion: expected, canEdit: true, errors: errors, notice: nil),
                        status: 422)
        }
        do {
            try Reports.saveDraft(year: year, foreword: foreword, conclusions: conclusions, expected: expected, by: principal.userID, in: store)
        } catch StoreError.staleVersion where expected == nil {
            // The form was loaded before the draft existed.
            throw AppError.conflict(detail: "Iemand anders heeft intussen een concept voor dit jaar opgeslagen.")
        } catch let error as StorageFailure {
            let today = self.today()
            let figures = try store.read { try Reports.figures(year: year, today: today, $0) }
            return storageFailure(error) { [user] errors in
                ReportPages.draft(context: user.page, report: AnnualReport(figures: figures), foreword: foreword,
                                  conclusions: conclusions, lockVersion: expected, canEdit: true, errors: errors, notice: nil)
            }
        }
        return Response.redirect(to: Route.reports(.year(year)).path + "?saved=1")
    }

    /// One IKC's detail of the draft, split off the report page.
    func showIKC(year: Int, ikcID: Int64) throws -> Response {
        guard readsDrafts else { throw AppError.forbidden }
        _ = try checkYear(year)
        let today = self.today()
        let figures = try store.read { try Reports.figures(year: year, today: today, store: store, $0) }
        guard let ikc = figures.ikcs.first(where: { $0.id == ikcID }) else { throw AppError.notFound }
        return page(ReportIndicatorSections.ikcPage(context: user.page, figures: figures, ikc: ikc))
    }

    func showYearCSV(year: Int, table: ReportTable) throws -> Response {
        guard readsDrafts else { throw AppError.forbidden }
        let programme = try checkYear(year)
        let today = self.today()
        // From the same cache as the draft page (emptied by every commit): a CSV right after the
        // page does not compute the year again, and says exactly what the page said.
        let figures = try store.read { try Reports.figures(year: year, today: today, store: store, $0) }
        return csv(ReportCSV.render(table, report: AnnualReport(figures: figures)), filename: table.filename(yearLabel: programme.yearLabel(year)))
    }
}
