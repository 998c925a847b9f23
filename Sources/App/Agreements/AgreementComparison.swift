import Domain
import HTTP
import Store
import Views

/// Two versions side by side, and the print view of one version.
extension AgreementsHandler {
    func showComparison(id: Int64) throws -> Response {
        let to = try loadAgreement(id, version: request.query["to"].flatMap { Int($0) })
        let fromNumber = request.query["from"].flatMap { Int($0) } ?? max(1, to.version.number - 1)
        guard to.versions.contains(where: { $0.number == fromNumber }) else { throw AppError.notFound }
        let from = try loadAgreement(id, version: fromNumber)
        let comparison = AgreementComparison(from: from.content, to: to.content, years: to.years)
        return page(AgreementComparePage.render(context: user.page, from: from, to: to, comparison: comparison))
    }

    func showPrint(id: Int64) throws -> Response {
        let data = try loadAgreement(id, version: versionNumber)
        return page(AgreementPrintPage.render(data: data))
    }
}
