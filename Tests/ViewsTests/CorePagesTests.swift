import Domain
import Markup
import Testing
import Views

@Suite("Views: users, log-in, audit, errors")
struct CorePagesTests {
    @Test("the users list escapes a hostile name and shows each account's status label")
    func usersList() {
        let users = [
            User(id: 7, name: Fixture.hostile, email: "a@example.org", role: .directeur, active: false, ikcIDs: [1]),
            User(id: 8, name: "Okke Hoekstra", email: "og@example.org", role: .ontwikkelgroep),
        ]
        let html = UserPages.list(context: Fixture.context, users: users, ikcNames: [1: "IKC Plataan"], notice: nil).text
        #expect(html.contains(Fixture.escapedHostile))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Gedeactiveerd"))
        #expect(html.contains("Actief"))
        #expect(html.contains("IKC Plataan"))
        #expect(html.contains("href=\"/users/7\""))
    }

    @Test("the new-user form keeps typed values and ties each error to its field")
    func newUserForm() {
        var errors = ValidationErrors()
        errors.add("email", "Vul een geldig e-mailadres in.")
        let form = UserForm(name: "Sjoukje \"Sjouk\" Zijlstra", email: "geen-adres", role: "ontwikkelgroep")
        let html = UserPages.new(context: Fixture.context, form: form, ikcs: [(1, "IKC Plataan")], errors: errors).text
        #expect(html.contains("value=\"Sjoukje &quot;Sjouk&quot; Zijlstra\""))
        #expect(html.contains("value=\"geen-adres\""))
        #expect(html.contains("aria-describedby=\"email-error\""))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("id=\"email-error\""))
        #expect(html.contains("<a href=\"#email\">Vul een geldig e-mailadres in.</a>"))
        #expect(html.contains("name=\"csrf\" value=\"csrf-token-1\""))
        // Only the field with the error is marked invalid.
        #expect(html.components(separatedBy: "aria-invalid=\"true\"").count == 2)
    }

    @Test("the log-in page keeps the e-mail address and the page to return to, and shows the error")
    func login() {
        var errors = ValidationErrors()
        errors.add("password", "Het e-mailadres of wachtwoord klopt niet.")
        let html = AuthPages.login(context: Fixture.anonymous, email: "pl@example.org", next: "/ikcs", errors: errors).text
        #expect(html.contains("value=\"pl@example.org\""))
        #expect(html.contains("name=\"next\" value=\"/ikcs\""))
        #expect(html.contains("Het e-mailadres of wachtwoord klopt niet."))
        #expect(html.contains("id=\"password-error\""))
    }

    @Test("the audit log shows an empty state, and escapes a hostile summary")
    func audit() {
        let empty = AuditPage.render(context: Fixture.context, model: AuditPage.Model(rows: [], input: AuditFilterInput(), errors: ValidationErrors(), people: [])).text
        #expect(empty.contains("Geen regels gevonden."))
        let entry = AuditEntry(id: 1, at: "2026-11-22T10:00:00.000Z", userName: "Pien de Vries", action: "update", recordType: "ikc",
                               recordID: 3, summary: Fixture.hostile, oldValues: nil, newValues: nil)
        let row = AuditRowText(entry, names: AuditNames())
        let html = AuditPage.render(context: Fixture.context, model: AuditPage.Model(rows: [row], input: AuditFilterInput(), errors: ValidationErrors(), people: ["Pien de Vries"])).text
        #expect(html.contains(Fixture.escapedHostile))
        #expect(!html.contains("Geen regels gevonden."))
    }

    @Test("the error pages are Dutch and say what happened")
    func errors() {
        #expect(ErrorPages.page(status: 403, context: Fixture.context).text.contains("Geen toegang"))
        #expect(ErrorPages.page(status: 404, context: Fixture.context).text.contains("<h1>"))
        #expect(AccessibilityPage.render(context: Fixture.context).text.contains("lang=\"nl\""))
    }
}
