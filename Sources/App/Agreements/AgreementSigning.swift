import Domain
import HTTP
import Markup
import Store
import Views

/// Who signed for each party and when, while a version lies ter ondertekening; the last
/// signature fixes the version.
extension AgreementsHandler {
    func showSigning(id: Int64) throws -> Response {
        let data = try loadEditable(id, status: .terOndertekening)
        return page(AgreementEditPages.sign(context: user.page, data: data, values: signValues(data), errors: ValidationErrors()))
    }

    func saveSigning(id: Int64) throws -> Response {
        let data = try loadEditable(id, status: .terOndertekening)
        let form = request.formValues()
        let expected = try expectedLock(form, data)
        var values: [String: String] = [:]
        var errors = ValidationErrors()
        var parties = data.content.parties
        let today: Day? = self.today()
        for index in parties.indices {
            let party = parties[index]
            let p = "p\(party.organisationID)_"
            let name = (form[p + "name"] ?? "").trimmingWhitespace()
            let title = (form[p + "title"] ?? "").trimmingWhitespace()
            let dateText = (form[p + "signed_on"] ?? "").trimmingWhitespace()
            values[p + "name"] = name
            values[p + "title"] = title
            values[p + "signed_on"] = dateText
            Check.maxLength(name, 200, p + "name", "de naam", into: &errors)
            Check.maxLength(title, 200, p + "title", "de functie", into: &errors)
            var signedOn: Day?
            if !dateText.isEmpty {
                if let day = Day(typed: dateText) {
                    signedOn = day
                    if let today, day > today { errors.add(p + "signed_on", "De datum van ondertekening door \(party.organisationName) ligt in de toekomst.") }
                } else {
                    errors.add(p + "signed_on", "Vul de datum van ondertekening door \(party.organisationName) in als dd-mm-jjjj.")
                }
                if name.isEmpty { errors.add(p + "name", "Vul in wie namens \(party.organisationName) heeft getekend.") }
            }
            parties[index].signatoryName = name
            parties[index].signatoryTitle = title
            parties[index].signedOn = signedOn
        }
        guard errors.isEmpty else {
            return page(AgreementEditPages.sign(context: user.page, data: data, values: values, errors: errors), status: 422)
        }
        let fixed = try Agreements.sign(parties, data.content, of: data.agreement, expected: expected, by: principal.userID, in: store)
        return showSaved(id, saved: fixed ? "fixed" : "signatures")
    }

    func signValues(_ data: AgreementPageData) -> [String: String] {
        var values: [String: String] = [:]
        for party in data.content.parties {
            let p = "p\(party.organisationID)_"
            values[p + "name"] = party.signatoryName
            values[p + "title"] = party.signatoryTitle
            values[p + "signed_on"] = party.signedOn?.dutch ?? ""
        }
        return values
    }
}
