import Domain
import HTTP
import Store
import Views

/// The outgoing e-mail: the list and resend for project leaders, and one's own reminder setting.
struct MailHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: MailRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.resend(let id), .save): return try saveResend(id: id)
        case (.preferences, .show): return try showPreferences()
        case (.preferences, .save): return try savePreferences()
        case (.index, .save), (.resend, .show): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showList() throws -> Response {
        let entries = try store.read { try Outbox.entries($0) }
        let notice = request.query["resent"] == "1" ? "Het bericht staat weer in de wachtrij." : nil
        return page(MailPages.list(context: user.page, entries: entries, notice: notice))
    }

    func saveResend(id: Int64) throws -> Response {
        do {
            try Outbox.resend(id: id, by: principal.userID, in: store)
        } catch StoreError.notFound {
            throw AppError.notEditable(detail: "Alleen een mislukt bericht kan opnieuw worden verstuurd.")
        }
        app.mailSignal.signal()
        return Response.redirect(to: Route.mail(.index).path + "?resent=1")
    }
}

extension AppConfiguration {
    /// The absolute link to `route`, from the configured public URL (never the Host header).
    public func link(_ route: Route) -> String {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + route.path
    }
}
