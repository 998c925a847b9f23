import Domain
import HTTP
import Store
import Views

/// Result agreements (issue 7): the overview, one agreement's versions with their forms, signing,
/// amendments, comparison, print, CSV export and import. One file per action pair.
struct AgreementsHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: AgreementRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.new, .show): return try showNew()
        case (.new, .save): return try saveNew()
        case (.show(let id), .show): return try showAgreement(id: id)
        case (.results(let id), .show): return try showResults(id: id)
        case (.results(let id), .save): return try saveResults(id: id)
        case (.targets(let id), .show): return try showGrid(.targets, id: id)
        case (.targets(let id), .save): return try saveGrid(.targets, id: id)
        case (.contributions(let id), .show): return try showGrid(.contributions, id: id)
        case (.contributions(let id), .save): return try saveGrid(.contributions, id: id)
        case (.staffing(let id), .show): return try showGrid(.staffing, id: id)
        case (.staffing(let id), .save): return try saveGrid(.staffing, id: id)
        case (.texts(let id), .show): return try showTexts(id: id)
        case (.texts(let id), .save): return try saveTexts(id: id)
        case (.status(let id), .save): return try saveStatus(id: id)
        case (.sign(let id), .show): return try showSigning(id: id)
        case (.sign(let id), .save): return try saveSigning(id: id)
        case (.upload(let id), .save): return try saveDocument(id: id)
        case (.document(let id, let document), .show): return try showDocument(id: id, documentID: document)
        case (.amend(let id), .show): return try showAmendment(id: id)
        case (.amend(let id), .save): return try saveAmendment(id: id)
        case (.proposal(let id, let plan), .save): return try saveProposalAmendment(id: id, planID: plan)
        case (.compare(let id), .show): return try showComparison(id: id)
        case (.print(let id), .show): return try showPrint(id: id)
        case (.exportTargets(let id), .show): return try showCSV(.targets, id: id)
        case (.exportContributions(let id), .show): return try showCSV(.contributions, id: id)
        case (.importCSV(let id), .show): return try showImport(id: id)
        case (.importCSV(let id), .save): return try saveImport(id: id)
        case (.parties(let id), .show): return try showParties(id: id)
        case (.parties(let id), .save): return try saveParties(id: id)
        case (.removeParty(let id, let organisation), .show): return try showPartnerRemoval(id: id, organisationID: organisation)
        case (.removeParty(let id, let organisation), .save): return try savePartnerRemoval(id: id, organisationID: organisation)
        case (.signatories(let id), .show): return try showSignatories(id: id)
        case (.signatories(let id), .save): return try saveSignatories(id: id)
        case (.signature(let id), .show): return try showSignature(id: id)
        case (.signature(let id), .save): return try saveSignature(id: id)
        case (.unlockYear(let id), .save): return try saveUnlock(id: id)
        case (.index, .save), (.show, .save), (.status, .show), (.upload, .show), (.document, .save), (.proposal, .show),
             (.compare, .save), (.print, .save), (.exportTargets, .save), (.exportContributions, .save),
             (.unlockYear, .show):
            throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    // MARK: - Loading

    /// One agreement version with everything its pages show, in one snapshot, once the principal
    /// may read this IKC's agreement. `number` nil is the newest version.
    func loadAgreement(_ id: Int64, version number: Int? = nil, withProposals: Bool = false,
                       withPartnerCandidates: Bool = false) throws -> AgreementPageData {
        let (agreement, data) = try store.read { c -> (Agreement?, AgreementPageData?) in
            guard let agreement = try Agreements.find(id: id, c) else { return (nil, nil) }
            return (agreement, try Agreements.page(of: agreement, version: number, withProposals: withProposals,
                                                   withPartnerCandidates: withPartnerCandidates, c))
        }
        return try readable(agreement, data)
    }

    /// What was read about an agreement, if the principal may read it: 404 without the agreement,
    /// 403 for another IKC's agreement (a director), 404 without the rest (`found`).
    func readable<Found>(_ agreement: Agreement?, _ found: Found?) throws -> Found {
        guard let agreement else { throw AppError.notFound }
        guard allows(.read, .agreement, ikcID: agreement.ikcID) else { throw AppError.forbidden }
        // A partner reads only agreements its organisation is party to (in any version).
        if principal.role == .partner {
            guard let organisationID = principal.organisationID,
                  try store.read({ try Agreements.isParty(organisationID: organisationID, agreementID: agreement.id, $0) }) else {
                throw AppError.forbidden
            }
        }
        guard let found else { throw AppError.notFound }
        return found
    }

    /// The newest version, which must have `status` for a form on it (a fixed one is read-only).
    func loadEditable(_ id: Int64, status: AgreementStatus = .concept, withProposals: Bool = false,
                      withPartnerCandidates: Bool = false) throws -> AgreementPageData {
        try editable(loadAgreement(id, withProposals: withProposals, withPartnerCandidates: withPartnerCandidates), status: status)
    }

    /// What a grid's save read before it writes (`Agreements.saveGrid`), if the principal may
    /// change it: as `readable` without the partner's extra read, since a partner writes no
    /// agreement (its route is refused before this).
    func writable<Found>(_ agreement: Agreement?, _ found: Found?) throws -> Found {
        guard let agreement else { throw AppError.notFound }
        guard allows(.read, .agreement, ikcID: agreement.ikcID), principal.role != .partner else { throw AppError.forbidden }
        guard let found else { throw AppError.notFound }
        return found
    }

    func editable(_ data: AgreementPageData, status: AgreementStatus) throws -> AgreementPageData {
        guard data.version.status == status else {
            switch data.version.status {
            case .vastgesteld:
                throw AppError.notEditable(detail: "Versie \(data.version.number) is vastgesteld en alleen te lezen. Start een bijstelling om iets te wijzigen.")
            case .terOndertekening:
                throw AppError.notEditable(detail: "Versie \(data.version.number) ligt ter ondertekening. Zet haar eerst terug naar concept om iets te wijzigen.")
            case .concept:
                throw AppError.notEditable(detail: "Versie \(data.version.number) is nog een concept en ligt niet ter ondertekening.")
            }
        }
        return data
    }

    /// The lock_version the form was loaded with; a form without one is not ours. A form loaded
    /// from an older version is refused before its input is checked (the verb claims it again).
    func expectedLock(_ values: FormValues, _ data: AgreementPageData) throws -> Int64 {
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        if expected != data.version.lockVersion {
            throw StoreError.staleVersion(record: VersionedTable.agreementVersions.record, id: data.version.id, expected: expected,
                                          actual: data.version.lockVersion)
        }
        return expected
    }

    /// `?version=n` of the pages that show any version.
    var versionNumber: Int? {
        request.query["version"].flatMap { Int($0) }
    }

    /// The redirect after a save: the agreement page with the notice for `saved`.
    func showSaved(_ id: Int64, saved: String) -> Response {
        Response.redirect(to: Route.agreements(.show(id)).path + "?saved=" + saved)
    }
}
