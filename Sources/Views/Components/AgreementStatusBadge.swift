import Domain
import Markup

extension Components {
    /// An agreement version's status as a coloured label; nil is an IKC without an agreement.
    public static func agreementStatusBadge(_ status: AgreementStatus?) -> HTML {
        let css: String
        switch status {
        case .concept?: css = "concept"
        case .terOndertekening?: css = "signing"
        case .vastgesteld?: css = "final"
        case nil: css = "none"
        }
        return "<span class=\"status status--\(css)\">\(status?.label ?? "Geen afspraak")</span>"
    }
}
