import Domain
import Markup

extension Components {
    /// The note that a newer version than the one in force exists, with a link to it:
    /// "Wijziging in concept (versie 2)". Empty without one.
    public static func pendingAmendment(_ pending: PendingAmendment?, paragraph: Bool) -> HTML {
        guard let pending else { return .empty }
        let link: HTML = "<a href=\"\(AgreementRoute.show(pending.agreementID).path(version: pending.number))\">\(pending.label)</a>"
        return paragraph ? "<p class=\"note pending-amendment\">\(link)</p>" : "<br><span class=\"hint pending-amendment\">\(link)</span>"
    }
}
