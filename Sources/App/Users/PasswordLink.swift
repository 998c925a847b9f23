import Domain
import HTTP
import Store
import Views

extension UsersHandler {
    /// A new one-time link for an existing, active account (a forgotten password). The old
    /// password keeps working until the link is used; earlier unused links stop working.
    func savePasswordLink(id: Int64) throws -> Response {
        guard let account = try store.read({ try Users.find(id: id, $0) }) else { throw AppError.notFound }
        guard account.active else { throw AppError.notEditable(detail: "Een gedeactiveerd account krijgt geen wachtwoordlink. Activeer het eerst.") }
        let token = Tokens.newToken()
        try Users.renewPasswordLink(for: account, linkToken: token, link: passwordLink(token), by: principal.userID, in: store)
        app.mailSignal.signal()
        return page(UserPages.passwordLink(context: user.page, user: account, link: passwordLink(token)))
    }
}
