import Domain
import SQLite

/// Who signs for each party: editable while a version is concept or ter ondertekening.
extension Agreements {
    /// Saves the name and function of who signs for each party; recorded signatures stay.
    public static func saveSignatories(_ parties: [AgreementParty], _ content: AgreementContent, of agreement: Agreement, expected: Int64,
                                       by actor: Int64, in store: DataStore) throws {
        let version = content.version
        var changes: [(String, String?, String?)] = []
        for old in content.parties {
            guard let new = parties.first(where: { $0.organisationID == old.organisationID }) else { continue }
            let was = old.signatoryTitle.isEmpty ? old.signatoryName : "\(old.signatoryName), \(old.signatoryTitle)"
            let now = new.signatoryTitle.isEmpty ? new.signatoryName : "\(new.signatoryName), \(new.signatoryTitle)"
            if was != now { changes.append(("tekent namens \(old.organisationName)", was, now)) }
        }
        try edit(agreement, version, expected: expected, by: actor, summary: "Ondertekenaars gewijzigd", changes: changes, in: store) { c in
            for party in parties {
                try c.execute("""
                    UPDATE agreement_parties SET signatory_name = \(party.signatoryName), signatory_title = \(party.signatoryTitle)
                    WHERE version_id = \(version.id) AND organisation_id = \(party.organisationID)
                    """)
            }
        }
    }
}
