import Domain
import SQLite

/// A party signing in the application: a partner for its own organisation, the project leader
/// for the municipality. Name, function and the moment are recorded; the last signature fixes
/// the version.
extension Agreements {
    /// Whether `organisationID` is party to any version of the agreement (what a partner may read).
    public static func isParty(organisationID: Int64, agreementID: Int64, _ c: Connection) throws -> Bool {
        try c.row("""
            SELECT 1 FROM agreement_parties p JOIN agreement_versions v ON v.id = p.version_id
            WHERE v.agreement_id = \(agreementID) AND p.organisation_id = \(organisationID) LIMIT 1
            """) != nil
    }

    /// Records the signature of `organisationID` on the version of `content` (ter ondertekening,
    /// claimed at `expected`): who, in what function, today and now. The party must not have signed.
    /// - Returns: whether the version is now vastgesteld.
    /// - Throws: `StoreError.duplicate(field: "signature")` when the party has signed already.
    @discardableResult
    public static func signInApplication(organisationID: Int64, name: String, title: String, on day: Day, _ content: AgreementContent,
                                         of agreement: Agreement, expected: Int64, by actor: Int64, in store: DataStore) throws -> Bool {
        let version = content.version
        guard let party = content.parties.first(where: { $0.organisationID == organisationID }) else {
            throw StoreError.notFound(record: "agreement_party", id: organisationID)
        }
        let others = content.parties.filter { $0.organisationID != organisationID }
        let allSigned = others.allSatisfy { $0.signedOn != nil }
        var changes: [(String, String?, String?)] = [
            ("\(party.organisationName)", "\(party.signatoryName) -", "\(name) \(title) \(day.iso) (in de applicatie)"),
        ]
        if allSigned { changes.append(("status", version.status.rawValue, AgreementStatus.vastgesteld.rawValue)) }
        try edit(agreement, version, expected: expected, by: actor, action: allSigned ? "fix" : "sign",
                 summary: allSigned ? "Getekend door \(party.organisationName); vastgesteld" : "Getekend door \(party.organisationName)",
                 changes: changes, in: store) { c in
            try c.execute("""
                UPDATE agreement_parties SET signatory_name = \(name), signatory_title = \(title), signed_on = \(day.iso),
                    signed_recorded_by = \(actor), signed_by = \(actor), signed_at = \(Timestamp.now())
                WHERE version_id = \(version.id) AND organisation_id = \(organisationID) AND signed_on IS NULL
                """)
            guard c.changes == 1 else { throw StoreError.duplicate(field: "signature") }
            if allSigned { try setStatus(.vastgesteld, version: version, c) }
        }
        return allSigned
    }
}
