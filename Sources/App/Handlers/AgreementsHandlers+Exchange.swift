import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

/// Compare, print, CSV export and import of agreements.
extension Application {
    func getAgreementCompare(id: Int64, _ request: Request, _ context: Context) throws -> Response {
        let to = try loadAgreement(id, version: request.query["to"].flatMap { Int($0) }, context)
        let fromNumber = request.query["from"].flatMap { Int($0) } ?? max(1, to.version.number - 1)
        guard to.versions.contains(where: { $0.number == fromNumber }) else { throw AppError.notFound }
        let from = try loadAgreement(id, version: fromNumber, context)
        let comparison = AgreementComparison(from: from.content, to: to.content, years: to.years)
        return page(AgreementComparePage.render(context: context.page, from: from, to: to, comparison: comparison))
    }
    func getAgreementPrint(id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
    func getAgreementCSV(_ kind: AgreementImport.Kind, id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
    func getAgreementImport(id: Int64, _ context: Context) throws -> Response { throw AppError.notFound }
    func postAgreementImport(id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
}
