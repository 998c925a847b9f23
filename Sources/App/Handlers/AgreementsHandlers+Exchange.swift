import Domain
import HTTP
import Markup
import SQLite
import Store
import Views

/// Compare, print, CSV export and import of agreements.
extension Application {
    func getAgreementCompare(id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
    func getAgreementPrint(id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
    func getAgreementCSV(_ kind: AgreementImport.Kind, id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
    func getAgreementImport(id: Int64, _ context: Context) throws -> Response { throw AppError.notFound }
    func postAgreementImport(id: Int64, _ request: Request, _ context: Context) throws -> Response { throw AppError.notFound }
}
