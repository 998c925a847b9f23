import Domain
import HTTP
import Store
import Views

/// The list of agreements and the page of one agreement version.
extension AgreementsHandler {
    func showList() throws -> Response {
        let (rows, goals, programme) = try store.read { c in
            (try Agreements.overview(c), try ProgrammeSettings.goals(c), try ProgrammeSettings.programme(c))
        }
        let visible = rows.filter { allows(.read, .agreement, ikcID: $0.ikcID) }
        return page(AgreementPages.overview(context: user.page, rows: visible, goals: goals, programme: programme,
                                            canCreate: allows(.write, .agreement), notice: nil))
    }

    static let savedNotices: [String: String] = [
        "created": "De resultaatafspraak is aangemaakt als concept.",
        "results": "De resultaten zijn opgeslagen.",
        "targets": "De streefwaarden zijn opgeslagen.",
        "contributions": "De bijdragen zijn opgeslagen.",
        "staffing": "De formatie is opgeslagen.",
        "texts": "De teksten zijn opgeslagen.",
        "signing": "De afspraak ligt ter ondertekening.",
        "concept": "De afspraak is terug in concept.",
        "signatures": "De ondertekening is opgeslagen.",
        "signatories": "De ondertekenaars zijn opgeslagen.",
        "signed": "Uw handtekening is vastgelegd. De afspraak wacht nog op de andere partijen.",
        "fixed": "Alle partijen hebben getekend: deze versie is vastgesteld.",
        "document": "Het ondertekende document is toegevoegd.",
        "amended": "De bijstelling is gestart als nieuwe versie in concept.",
        "imported": "De gegevens uit het CSV-bestand zijn opgeslagen.",
        "partner": "De partner is toegevoegd. Bij ondertekening moet ook deze partij tekenen.",
        "partner-removed": "De partner is verwijderd, met zijn bijdragen in deze versie.",
        "unlocked": "Het jaar is weer geopend: in een bijstelling mogen zijn streefwaarden, bijdragen en formatie veranderen.",
    ]

    func showAgreement(id: Int64) throws -> Response {
        let canWrite = allows(.write, .agreement)
        let data = try loadAgreement(id, version: versionNumber, withProposals: canWrite)
        let notice = request.query["saved"].flatMap { AgreementsHandler.savedNotices[$0] }
        let signAs: AgreementParty?
        switch principal.role {
        case .partner: signAs = data.content.parties.first { $0.organisationID == principal.organisationID }
        case .projectleider: signAs = data.content.parties.first { $0.role == "gemeente" }
        case .directeur, .ontwikkelgroep: signAs = nil
        }
        let promises = try store.read { try Agreements.promisesKept(Agreements.PromiseFilter(agreementID: id), $0) }
        return page(AgreementPages.show(context: user.page, data: data, canWrite: canWrite, notice: notice, signAs: signAs, promises: promises))
    }
}
