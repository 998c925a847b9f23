import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

extension Application {
    func handleRegistry(_ route: RegistryRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .ikcs: return try getIKCs(request, context)
        case .ikc(let id): return try getIKC(id: id, context)
        case .ikcNew, .ikcEdit, .organisations, .organisationNew, .organisation, .areas, .areaNew, .area:
            throw AppError.notFound
        }
    }

    func getHome(_ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let summary = try database.read { c -> HomePage.Summary in
            var summary = HomePage.Summary(ikcCount: try IKCs.count(c), plusCount: try IKCs.countPlus(c))
            let rows = try IKCs.overview(IKCs.Filter(), c)
            summary.agreementsInConcept = rows.filter { $0.agreementStatus == "concept" || $0.agreementStatus == "ter_ondertekening" }
                .map { ($0.id, $0.name) }
            if principal.role == .directeur {
                let own = Set(principal.ikcIDs)
                summary.ownIKCs = rows.filter { own.contains($0.id) }.map { ($0.id, $0.name) }
            }
            return summary
        }
        return page(HomePage.render(context: context.page, summary: summary))
    }

    func getIKCs(_ request: Request, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        var rows = try database.read { try IKCs.overview(IKCs.Filter(), $0) }
        if principal.role == .directeur {
            rows = rows.filter { Authorization.allows(principal, .read, .ikc, ikcID: $0.id) }
        }
        let viewRows = rows.map {
            IKCPages.Row(id: $0.id, name: $0.name, kind: $0.kind, koepel: $0.koepel, area: $0.area, agreementStatus: $0.agreementStatus,
                         results: $0.results, targets: $0.targets, contributionCents: $0.contributionCents)
        }
        return page(IKCPages.list(context: context.page, rows: viewRows))
    }

    func getIKC(id: Int64, _ context: Context) throws -> Response {
        guard let principal = context.principal else { throw AppError.forbidden }
        let detail = try database.read { c -> IKCPages.Detail? in
            guard let ikc = try IKCs.find(id: id, c) else { return nil }
            let names = try Organisations.names(c)
            let area = try ikc.areaID.flatMap { try Areas.name(id: $0, c) }
            return IKCPages.Detail(ikc: ikc, koepel: names[ikc.koepelID] ?? "", area: area, childcare: ikc.childcareIDs.compactMap { names[$0] })
        }
        guard let detail else { throw AppError.notFound }
        // Ownership is checked after loading: a director reads only the own IKC.
        guard Authorization.allows(principal, .read, .ikc, ikcID: detail.ikc.id) else { throw AppError.forbidden }
        return page(IKCPages.detail(context: context.page, detail: detail))
    }
}
