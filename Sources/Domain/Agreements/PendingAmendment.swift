/// A newer version of an agreement that is not (yet) in force: an amendment in concept or out
/// for signing. Lists and IKC pages show the version in force, and this as a separate note.
public struct PendingAmendment: Sendable, Equatable {
    public var agreementID: Int64
    public var number: Int
    public var status: AgreementStatus

    public init(agreementID: Int64, number: Int, status: AgreementStatus) {
        self.agreementID = agreementID
        self.number = number
        self.status = status
    }

    /// "Wijziging in concept (versie 2)", "Wijziging ter ondertekening (versie 2)".
    public var label: String {
        switch status {
        case .concept: "Wijziging in concept (versie \(number))"
        case .terOndertekening: "Wijziging ter ondertekening (versie \(number))"
        case .vastgesteld: "Wijziging vastgesteld (versie \(number))"
        }
    }

    /// The amendment when the newest version (`newest`, with `status`) is newer than the one in force.
    public static func of(agreementID: Int64?, inForce: Int?, newest: Int?, status: String?) -> PendingAmendment? {
        guard let agreementID, let inForce, let newest, newest > inForce,
              let status = status.flatMap(AgreementStatus.init(rawValue:)) else { return nil }
        return PendingAmendment(agreementID: agreementID, number: newest, status: status)
    }
}
