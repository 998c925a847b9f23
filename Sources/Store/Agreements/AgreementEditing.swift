import Domain
import SQLite

/// The verbs of the agreement pages: each one immediate transaction that claims the version the
/// form was loaded with (`expected`), applies the change and writes the audit row. Where the
/// audit shows figures as the user typed them (nl-NL notation, made in Views), the handler
/// passes them as `changes`: (field, old, new), nil for absent.
extension Agreements {
    /// Creates the agreement with version 1 in concept and its default parties; returns the id.
    /// - Throws: `StoreError.duplicate(field: "ikc")` when the IKC has an agreement overlapping the period.
    public static func create(ikcID: Int64, ikcName: String, first: Int, last: Int, by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let parties = try defaultParties(ikcID: ikcID, c)
            let id = try insertAgreement(ikcID: ikcID, first: first, last: last, parties: parties, userID: actor, c)
            try AuditLog.record(userID: actor, action: "create", recordType: "agreement", recordID: id,
                                summary: "Resultaatafspraak \(ikcName) aangemaakt", newValues: AuditLog.json([
                                    ("ikc", String(ikcID)), ("first_year", String(first)), ("last_year", String(last)),
                                    ("parties", parties.map { "\($0.role):\($0.organisationName)" }.joined(separator: ", ")),
                                ]), c)
            return id
        }
    }

    /// Saves the results of a concept version (see `saveResults(_:version:_:)`).
    public static func saveResults(_ results: [AgreementResult], of agreement: Agreement, version: AgreementVersion, expected: Int64,
                                   changes: [(String, String?, String?)], by actor: Int64, in store: DataStore) throws {
        try edit(agreement, version, expected: expected, by: actor, summary: "Resultaten gewijzigd", changes: changes, in: store) { c in
            try keepingClosedYears(agreementID: agreement.id, versionID: version.id, of: .targets, c) { try saveResults(results, version: version, c) }
        }
    }

    /// Saves the four text sections of a concept version.
    public static func saveTexts(_ texts: AgreementTexts, of agreement: Agreement, version: AgreementVersion, expected: Int64,
                                 by actor: Int64, in store: DataStore) throws {
        let changes = zip(version.texts.sections, texts.sections).map { ($0.field, Optional($0.text), Optional($1.text)) }
        try edit(agreement, version, expected: expected, by: actor, summary: "Teksten gewijzigd", changes: changes, in: store) { c in
            try updateTexts(texts, version: version, c)
        }
    }

    /// Changes single targets and amounts from a CSV file, leaving the others. `kind` names the file in the audit summary.
    public static func importFigures(targets: [(resultID: Int64, year: Int, value: Double)], contributions: [Contribution], kind: String,
                                     of agreement: Agreement, version: AgreementVersion, expected: Int64,
                                     changes: [(String, String?, String?)], by actor: Int64, in store: DataStore) throws {
        try edit(agreement, version, expected: expected, by: actor, action: "import", summary: "CSV geïmporteerd (\(kind))",
                 changes: changes, in: store) { c in
            try keepingClosedYears(agreementID: agreement.id, versionID: version.id, of: [.targets, .contributions], c) {
                try setTargets(targets, version: version, c)
                try setContributions(contributions, version: version, c)
            }
        }
    }

    // MARK: - Parties

    /// Adds an organisation as partner to a concept version.
    /// - Throws: `StoreError.duplicate(field: "organisation")` when it is a party already.
    public static func addPartner(_ partner: AgreementParty, of agreement: Agreement, version: AgreementVersion, expected: Int64,
                                  by actor: Int64, in store: DataStore) throws {
        let changes: [(String, String?, String?)] = [
            ("partij \(partner.organisationName)", nil, "partner; tekent: \(partner.signatoryName) \(partner.signatoryTitle)"),
        ]
        try edit(agreement, version, expected: expected, by: actor, summary: "Partner \(partner.organisationName) toegevoegd",
                 changes: changes, in: store) { c in
            try addPartner(partner, version: version, c)
        }
    }

    /// Removes a partner with its contributions in this version; `was` describes it for the audit.
    public static func removePartner(_ party: AgreementParty, was: String, of agreement: Agreement, version: AgreementVersion,
                                     expected: Int64, by actor: Int64, in store: DataStore) throws {
        try edit(agreement, version, expected: expected, by: actor, summary: "Partner \(party.organisationName) verwijderd",
                 changes: [("partij \(party.organisationName)", was, nil)], in: store) { c in
            try removePartner(organisationID: party.organisationID, version: version, c)
        }
    }

    // MARK: - Status, signing, documents, amendments

    /// Concept → ter ondertekening.
    /// `mailLink`, the agreement's absolute address, asks the signatories with an account to sign.
    public static func offerForSigning(of agreement: Agreement, version: AgreementVersion, expected: Int64, mailLink: String? = nil,
                                       by actor: Int64, in store: DataStore) throws {
        try edit(agreement, version, expected: expected, by: actor, action: "status", summary: "Ter ondertekening aangeboden",
                 changes: [("status", version.status.rawValue, AgreementStatus.terOndertekening.rawValue)], in: store) { c in
            try setStatus(.terOndertekening, version: version, c)
            if let mailLink { try MailEvents.agreementToSign(versionID: version.id, link: mailLink, c) }
        }
    }

    /// Ter ondertekening → concept; the signatures recorded so far are dropped.
    public static func returnToConcept(_ content: AgreementContent, of agreement: Agreement, expected: Int64, by actor: Int64,
                                       in store: DataStore) throws {
        let version = content.version
        var unsigned = content.parties
        for index in unsigned.indices { unsigned[index].signedOn = nil }
        try edit(agreement, version, expected: expected, by: actor, action: "status", summary: "Terug naar concept",
                 changes: [("status", version.status.rawValue, AgreementStatus.concept.rawValue)], in: store) { c in
            try setStatus(.concept, version: version, c)
            try recordSignatures(unsigned, version: version, userID: actor, c)
        }
    }

    /// Records who signed for each party and when; once every party has signed the version is fixed.
    /// - Returns: whether the version is now vastgesteld.
    @discardableResult
    public static func sign(_ parties: [AgreementParty], _ content: AgreementContent, of agreement: Agreement, expected: Int64,
                            by actor: Int64, in store: DataStore) throws -> Bool {
        let version = content.version
        let allSigned = parties.allSatisfy { $0.signedOn != nil }
        var changes: [(String, String?, String?)] = []
        for (old, new) in zip(content.parties, parties) {
            changes.append(("\(old.organisationName)", "\(old.signatoryName) \(old.signedOn?.iso ?? "-")", "\(new.signatoryName) \(new.signedOn?.iso ?? "-")"))
        }
        if allSigned { changes.append(("status", version.status.rawValue, AgreementStatus.vastgesteld.rawValue)) }
        try edit(agreement, version, expected: expected, by: actor, action: allSigned ? "fix" : "sign",
                 summary: allSigned ? "Vastgesteld na ondertekening" : "Ondertekening vastgelegd", changes: changes, in: store) { c in
            try recordSignatures(parties, version: version, userID: actor, c)
            if allSigned { try setStatus(.vastgesteld, version: version, c) }
        }
        return allSigned
    }

    /// Attaches a signed PDF to a version (no claim: a document adds to the version, it changes nothing in it).
    @discardableResult
    public static func attachDocument(filename: String, data: [UInt8], of agreement: Agreement, version: AgreementVersion,
                                      by actor: Int64, in store: DataStore) throws -> Int64 {
        try store.write { c -> Int64 in
            let documentID = try addDocument(versionID: version.id, filename: filename, contentType: "application/pdf", data: data,
                                             userID: actor, c)
            try audit(agreement, version, by: actor, action: "upload", summary: "Ondertekend document toegevoegd",
                      changes: [("document", nil, "\(documentID): \(filename) (\(data.count) bytes)")], c)
            return documentID
        }
    }

    /// Version n+1 in concept as a copy of the fixed version n, with its reason. Claiming the fixed
    /// version (its lock moves on) makes two amendments started at once impossible.
    /// - Returns: the new version.
    @discardableResult
    public static func startAmendment(_ content: AgreementContent, of agreement: Agreement, expected: Int64, reason: String,
                                      extra: [(String, String?)] = [], summary: String = "Bijstelling gestart",
                                      by actor: Int64, in store: DataStore) throws -> AgreementVersion {
        try store.write { c -> AgreementVersion in
            try claim(.agreementVersions, id: content.version.id, expected: expected, c)
            let version = try amend(content, reason: reason, userID: actor, c)
            try AuditLog.record(userID: actor, action: "amend", recordType: "agreement", recordID: agreement.id,
                                summary: "\(summary): versie \(version.number) (\(agreement.ikcName))",
                                newValues: AuditLog.json([("version", String(version.number)), ("reason", Optional(reason))] + extra), c)
            return version
        }
    }

    // MARK: - The unit of work

    /// Claim, change, audit: the shape of every edit of a version.
    static func edit(_ agreement: Agreement, _ version: AgreementVersion, expected: Int64, by actor: Int64, action: String = "update",
                     summary: String, changes: [(String, String?, String?)], in store: DataStore,
                     _ change: (Connection) throws -> Void) throws {
        try store.write { c in
            try claim(.agreementVersions, id: version.id, expected: expected, c)
            try change(c)
            try audit(agreement, version, by: actor, action: action, summary: summary, changes: changes, c)
        }
    }

    /// The audit row of an edit: only the fields that changed, the summary naming IKC and version.
    static func audit(_ agreement: Agreement, _ version: AgreementVersion, by actor: Int64, action: String, summary: String,
                      changes: [(String, String?, String?)], _ c: Connection) throws {
        let entry = auditEntry(agreement, version, summary: summary, changes: changes)
        try AuditLog.record(userID: actor, action: action, recordType: "agreement", recordID: agreement.id,
                            summary: entry.summary, oldValues: entry.old, newValues: entry.new, c)
    }

    /// The text of an edit's audit row, made before the transaction where it can be.
    static func auditEntry(_ agreement: Agreement, _ version: AgreementVersion, summary: String,
                           changes: [(String, String?, String?)]) -> (summary: String, old: String?, new: String?) {
        let diff = AuditLog.diff(changes)
        return ("\(summary) (\(agreement.ikcName), versie \(version.number))", diff?.old, diff?.new)
    }
}
