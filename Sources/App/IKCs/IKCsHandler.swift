import Domain
import HTTP
import Store
import Views

/// The IKCs: the overview, one IKC, its form, its Plus predicate and conditions checklist.
struct IKCsHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: IKCRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.ikc(let id), .show): return try showIKC(id: id)
        case (.new, .show): return try showNew()
        case (.new, .save): return try saveNew()
        case (.edit(let id), .show): return try showEdit(id: id)
        case (.edit(let id), .save): return try saveEdit(id: id)
        case (.plus(let id), .show): return try showPlus(id: id)
        case (.plus(let id), .save): return try savePlus(id: id)
        case (.conditions(let id), .save): return try saveConditions(id: id)
        case (.index, .save), (.ikc, .save), (.conditions, .show): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    /// The overview, filtered as asked; a director sees the own IKCs only.
    func showList() throws -> Response {
        let q = request.query
        let form = IKCPages.FilterForm(kind: q["kind"] ?? "", koepel: q["koepel"] ?? "", area: q["area"] ?? "", sort: q["sort"] == "-name" ? "-name" : "name")
        let filter = IKCs.Filter(kind: IKCKind(rawValue: form.kind), koepelID: Int64(form.koepel), areaID: Int64(form.area), descending: form.sort == "-name")
        let programme = try programme()
        let today = today()
        let data = try IKCs.overviewData(filter, in: store)
        var rows = data.rows
        if principal.role == .directeur {
            rows = rows.filter { allows(.read, .ikc, ikcID: $0.id) }
        }
        let viewRows = rows.map {
            var row = IKCPages.Row(id: $0.id, name: $0.name, kind: $0.kind, koepel: $0.koepel, area: $0.area, agreementStatus: $0.agreementStatus,
                                   progress: data.progress[$0.id], predicateDue: $0.predicate?.dueDate(today: today, programme: programme))
            row.pendingAmendment = $0.pendingAmendment
            return row
        }
        return page(IKCPages.list(context: user.page, rows: viewRows, filter: form, koepels: data.koepels, areas: data.areas,
                                  canEdit: allows(.write, .ikc), notice: RecordForms.savedNotice(request)))
    }

    /// One IKC with its agreement, plans, Plus predicate and area; a director reads the own only.
    func showIKC(id: Int64) throws -> Response {
        let programme = try programme()
        let today = today()
        let detail = try store.read { c -> IKCPages.Detail? in
            guard let ikc = try IKCs.find(id: id, c) else { return nil }
            let names = try Organisations.names(c)
            let area = try ikc.areaID.flatMap { try Areas.find(id: $0, c) }
            let predicate = try IKCs.predicate(ikcID: id, c)
            var detail = IKCPages.Detail(
                ikc: ikc, koepel: names[ikc.koepelID] ?? "", area: area,
                areaOverdue: area?.reassessmentOverdue(today: today, years: programme.areaReassessmentYears) ?? false,
                childcare: ikc.childcareIDs.compactMap { names[$0] }, agreement: try IKCs.agreementInBrief(ikcID: id, c),
                plans: try IKCs.yearPlans(ikcID: id, c).map { ($0.year, $0.status) }, predicate: predicate,
                nextReassessment: predicate?.nextReassessment(everyYears: programme.plusReassessmentYears),
                termEnds: predicate?.termEnds(termYears: programme.plusTermYears),
                predicateDue: predicate?.dueDate(today: today, programme: programme) != nil,
                conditions: try IKCs.conditions(ikcID: id, c),
                indicators: try area.map { try Areas.indicators(areaID: $0.id, c) } ?? [])
            detail.rules = try IKCs.plusRules(ikcID: id, c)
            return detail
        }
        guard let detail else { throw AppError.notFound }
        // Ownership is checked after loading: a director reads only the own IKC.
        guard allows(.read, .ikc, ikcID: detail.ikc.id) else { throw AppError.forbidden }
        return page(IKCPages.detail(context: user.page, detail: detail, canEdit: allows(.write, .ikc), notice: RecordForms.savedNotice(request)))
    }
}
