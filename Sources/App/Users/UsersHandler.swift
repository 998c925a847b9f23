import Domain
import HTTP
import Store
import Views

/// The user administration: accounts, roles, invitations and set-password links.
struct UsersHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: UserRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.new, .show): return try showNew()
        case (.new, .save): return try saveNew()
        case (.user(let id), .show): return try showUser(id: id)
        case (.user(let id), .save): return try saveUser(id: id)
        case (.passwordLink(let id), .save): return try savePasswordLink(id: id)
        case (.index, .save), (.passwordLink, .show): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showList() throws -> Response {
        let (users, ikcs) = try store.read { c in (try Users.all(c), try IKCs.names(c)) }
        var names: [Int64: String] = [:]
        for ikc in ikcs { names[ikc.id] = ikc.name }
        let notice = RecordForms.savedNotice(request)
        return page(UserPages.list(context: user.page, users: users, ikcNames: names, notice: notice))
    }

    /// The IKC ids ticked in a form; anything that is not a number is dropped.
    static func ikcIDs(_ values: [String]) -> [Int64] { values.compactMap { Int64($0) } }

    /// The absolute set-password link shown once to the project leader (from the public URL, never the Host header).
    func passwordLink(_ token: String) -> String {
        app.absoluteURL(Route.session(.setPassword(token: token)).path)
    }
}
