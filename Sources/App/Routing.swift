import Domain
import HTTP
import Markup
import Store
import Views

/// How a route is asked for: GET (and HEAD) shows a page, POST saves a form. Feature handlers
/// switch over `(route, verb)` exhaustively, so no handler asks the request for its method.
enum Verb: Sendable {
    case show, save
}

/// A request by a signed-in user whose CSRF token (on a save) and role were checked: who asks
/// is not optional here.
struct SignedIn {
    let request: Request
    let principal: Principal
    /// What the layout needs: the principal, the CSRF token, the programme settings.
    let page: PageContext
    let session: Context.SessionInfo
}

/// What every feature's handler has: the application, the request and who asks. One handler
/// type per feature (`App/<Feature>/`), one file per action pair (show form / save form).
protocol FeatureHandler {
    var app: Application { get }
    var user: SignedIn { get }
}

extension FeatureHandler {
    var request: Request { user.request }
    var principal: Principal { user.principal }
    var store: DataStore { app.store }
    var configuration: AppConfiguration { app.configuration }

    /// An HTML page response.
    func page(_ html: HTML, status: Int = 200) -> Response { app.page(html, status: status) }

    /// Today's date, for due and overdue checks (`AppConfiguration.today`).
    func today() -> Day { app.configuration.today() }

    /// Whether the signed-in user may do `action` on `record` (of `ikcID`, for a director).
    func allows(_ action: Action, _ record: RecordKind, ikcID: Int64? = nil) -> Bool {
        Authorization.allows(principal, action, record, ikcID: ikcID)
    }

    /// The programme settings: read once per request with the session.
    func programme() throws -> Programme {
        if let programme = user.page.programme { return programme }
        return try store.programme()
    }
}
