import Domain
import HTTP
import Store
import Views

/// Two versions side by side (read in one snapshot), and the print view of one version.
extension AgreementsHandler {
    func showComparison(id: Int64) throws -> Response {
        let toNumber = request.query["to"].flatMap { Int($0) }, asked = request.query["from"].flatMap { Int($0) }
        let (agreement, pair) = try store.read { c -> (Agreement?, (to: AgreementPageData, from: AgreementPageData?)?) in
            guard let agreement = try Agreements.find(id: id, c) else { return (nil, nil) }
            guard let to = try Agreements.page(of: agreement, version: toNumber, c) else { return (agreement, nil) }
            // By default the version before the one shown.
            let fromNumber = asked ?? max(1, to.version.number - 1)
            guard to.versions.contains(where: { $0.number == fromNumber }) else { return (agreement, (to, nil)) }
            return (agreement, (to, try Agreements.page(of: agreement, version: fromNumber, c)))
        }
        let (to, found) = try readable(agreement, pair)
        guard let from = found else { throw AppError.notFound }
        let comparison = AgreementComparison(from: from.content, to: to.content, years: to.years)
        return page(AgreementComparePage.render(context: user.page, from: from, to: to, comparison: comparison))
    }

    func showPrint(id: Int64) throws -> Response {
        let data = try loadAgreement(id, version: versionNumber)
        return page(AgreementPrintPage.render(data: data))
    }
}
