import Foundation
import Testing
import TestSupport
import Views

/// Every route that takes a POST names the confirmation the next page shows (a role="status"
/// notice), or why the next page itself is the confirmation. A new POST route fails here until
/// it is listed; a listed message that no source text contains any more fails too.
@Suite("Confirmations, route by route")
struct ConfirmationCoverageTests {
    /// Case name → the notice shown after a successful POST; "=" starts a page that confirms by itself.
    static let confirmations: [String: String] = [
        "session.login": "= the start page (or the page asked for) is the confirmation",
        "session.logout": "U bent uitgelogd.",
        "session.account": "Uw wachtwoord is gewijzigd.",
        "session.setPassword": "Wachtwoord ingesteld. U kunt nu inloggen.",
        "twoFactor.code": "= the start page (or the page asked for) is the confirmation",
        "twoFactor.enrol": "Tweestapsverificatie is ingeschakeld.",
        "twoFactor.reset": "De tweestapsverificatie is uitgezet.",
        "users.new": "De gebruiker is toegevoegd.",
        "users.user": "De wijzigingen zijn opgeslagen.",
        "users.passwordLink": "Er is een nieuwe wachtwoordlink gemaakt.",
        "mail.resend": "Het bericht staat weer in de wachtrij.",
        "mail.preferences": "Uw keuze is opgeslagen.",
        "ikcs.new": "Het gegeven is toegevoegd.",
        "ikcs.edit": "De wijzigingen zijn opgeslagen.",
        "ikcs.plus": "De wijzigingen zijn opgeslagen.",
        "ikcs.conditions": "De wijzigingen zijn opgeslagen.",
        "organisations.new": "Het gegeven is toegevoegd.",
        "organisations.organisation": "De wijzigingen zijn opgeslagen.",
        "areas.new": "Het gegeven is toegevoegd.",
        "areas.area": "De wijzigingen zijn opgeslagen.",
        "areas.indicators": "De wijzigingen zijn opgeslagen.",
        "areas.importCSV": "indicatoren zijn geïmporteerd.",
        "funding.new": "De financieringsbron is opgeslagen.",
        "funding.sourceEdit": "De financieringsbron is opgeslagen.",
        "plans.new": "Het jaarplan is geopend.",
        "plans.plan": "Het jaarplan is opgeslagen.",
        "plans.deadlines": "De inleverdata zijn opgeslagen.",
        "plans.approveMany": "jaarplannen zijn goedgekeurd.",
        "plans.review": "is goedgekeurd.",
        "plans.reopen": "is heropend en gaat terug naar de directeur.",
        "reports.year": "Het concept is opgeslagen.",
        "reports.publish": "class=\"edition-meta\" role=\"status\">Editie",
        "reports.share": "De deellink is gemaakt.",
        "reports.unshare": "Deellink ingetrokken.",
        "reports.withdraw": "De editie is ingetrokken.",
        "agreements.new": "De resultaatafspraak is aangemaakt als concept.",
        "agreements.results": "De resultaten zijn opgeslagen.",
        "agreements.targets": "De streefwaarden zijn opgeslagen.",
        "agreements.contributions": "De bijdragen zijn opgeslagen.",
        "agreements.staffing": "De formatie is opgeslagen.",
        "agreements.texts": "De teksten zijn opgeslagen.",
        "agreements.status": "De afspraak ligt ter ondertekening.",
        "agreements.sign": "De ondertekening is opgeslagen.",
        "agreements.signature": "Uw handtekening is vastgelegd.",
        "agreements.upload": "Het ondertekende document is toegevoegd.",
        "agreements.amend": "De bijstelling is gestart als nieuwe versie in concept.",
        "agreements.proposal": "De bijstelling is gestart als nieuwe versie in concept.",
        "agreements.importCSV": "De gegevens uit het CSV-bestand zijn opgeslagen.",
        "agreements.parties": "De partner is toegevoegd.",
        "agreements.removeParty": "De partner is verwijderd",
        "agreements.signatories": "De ondertekenaars zijn opgeslagen.",
        "agreements.unlockYear": "Het jaar is weer geopend",
        "programme.settings": "De instellingen zijn opgeslagen.",
        "programme.list": "De instellingen zijn opgeslagen.",
        "indicators.new": "Het gegeven is toegevoegd.",
        "funding.staffingRole": "De pool is opgeslagen.",
        "funding.settings": "De instellingen zijn opgeslagen.",
        "indicators.edit": "De wijzigingen zijn opgeslagen.",
        "indicators.retire": "De wijzigingen zijn opgeslagen.",
    ]

    @Test("every route that takes a POST names its confirmation, and each named message exists")
    func everyPostRouteIsConfirmed() throws {
        let posts = Set(Route.examples.filter { $0.methods.contains("POST") }.map(\.caseName))
        #expect(posts.count >= 50)
        #expect(posts.subtracting(Self.confirmations.keys).sorted() == [])
        #expect(Set(Self.confirmations.keys).subtracting(posts).sorted() == [])
        var sources = ""
        let root = URL(fileURLWithPath: TestApp.repositoryRoot + "/Sources")
        for case let file as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects ?? []
        where file.pathExtension == "swift" {
            sources += try String(contentsOf: file, encoding: .utf8)
        }
        let missing = Self.confirmations.values.filter { !$0.hasPrefix("=") && !sources.contains($0) }
        #expect(missing.sorted() == [])
    }
}
