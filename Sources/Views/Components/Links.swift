import Domain
import Markup

extension PageContext {
    /// Whether the viewer may follow a link to `route`: the route's read requirement asked of the
    /// authorisation table (the same rule the handler applies), and for a record of one IKC
    /// (`ikcID`) whether a director or partner holds that IKC. Public routes are always allowed.
    public func mayFollow(_ route: Route, ikcID: Int64? = nil) -> Bool {
        guard let (action, record) = route.requirement(isPost: false) else { return true }
        guard let principal else { return false }
        return Authorization.allows(principal, action, record, ikcID: ikcID)
    }
}

extension Components {
    /// A link to `route` when the viewer may follow it, else the text alone: no page shows a link
    /// that answers 403. `query` is appended to the path as given (already encoded).
    public static func link(_ route: Route, _ text: HTML, context: PageContext, ikcID: Int64? = nil,
                            query: String = "", attributes: HTML = "") -> HTML {
        guard context.mayFollow(route, ikcID: ikcID) else { return text }
        return "<a href=\"\(route.path + query)\"\(attributes)>\(text)</a>"
    }
}
