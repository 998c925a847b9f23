import Domain
import HTTP
import Store
import Views

/// The programme view of one indicator and its CSV. A director sees the own IKC's rows only;
/// other IKCs appear only in the programme figure, once enough IKCs reported.
extension IndicatorsHandler {
    func showProgramme(id: Int64) throws -> Response {
        let programme = try programme()
        let view = try load(id)
        let year = request.query["jaar"].flatMap { Int($0) }.flatMap { view.years.contains($0) ? $0 : nil } ?? IndicatorsHandler.defaultYear(view)
        return page(IndicatorProgrammePage.render(context: user.page, programme: programme, view: view, year: year,
                                                  canEdit: allows(.write, .indicator), notice: RecordForms.savedNotice(request)))
    }

    func showCSV(id: Int64) throws -> Response {
        let programme = try programme()
        let view = try load(id)
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"indicator-\(id).csv\"")
        return Response(status: 200, headers: headers, body: Array(IndicatorProgrammePage.csv(view, programme: programme).utf8))
    }

    /// The view for this user: every IKC's rows, or only the own IKCs' for a director.
    func load(_ id: Int64) throws -> IndicatorProgramme {
        guard let view = try store.read({ try Indicators.programme(id: id, $0) }) else { throw AppError.notFound }
        if Authorization.scope(role: principal.role, action: .read, record: .indicator) == .ownIKC {
            return view.restricted(to: principal.ikcIDs)
        }
        return view
    }

    /// The newest year with a reported value, else the first year with an agreement.
    static func defaultYear(_ view: IndicatorProgramme) -> Int {
        if let year = view.yearFigures.last(where: { $0.figure.reported + $0.figure.notMeasured > 0 })?.year { return year }
        return view.yearFigures.first(where: { $0.ikcs > 0 })?.year ?? view.years.first ?? 0
    }
}
