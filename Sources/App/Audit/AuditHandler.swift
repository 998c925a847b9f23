import Domain
import HTTP
import Store
import Views

/// The audit log: read only, for project leaders.
struct AuditHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: AuditRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showLog()
        case (.index, .save): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showLog() throws -> Response {
        let recordType = request.query["record"].flatMap { $0.isEmpty ? nil : $0 }
        let recordID = request.query["id"].flatMap { Int64($0) }
        let entries = try store.read { try AuditLog.entries(recordType: recordType, recordID: recordID, $0) }
        return page(AuditPage.render(context: user.page, entries: entries, recordType: recordType, recordID: recordID))
    }
}
