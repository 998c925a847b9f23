import Domain
import HTTP
import Store
import Views

/// A project leader removes another user's second factor (a lost phone); audited, and the
/// user's sessions end.
extension TwoFactorHandler {
    func saveReset(id: Int64) throws -> Response {
        guard let account = try store.read({ try Users.find(id: id, $0) }) else { throw AppError.notFound }
        guard account.id != principal.userID else {
            throw AppError.notEditable(detail: "Uw eigen tweestapsverificatie stelt een andere projectleider opnieuw in.")
        }
        try TwoFactor.reset(account, by: principal.userID, in: store)
        return Response.redirect(to: Route.users(.index).path + "?saved=tweestaps")
    }
}
