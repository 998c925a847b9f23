import Domain
import HTTP
import Store
import Views

/// One's own deadline reminders by e-mail: the form and saving it.
extension MailHandler {
    func showPreferences() throws -> Response {
        let on = try store.read { try MailPreferences.remindersOn(userID: principal.userID, $0) }
        let notice = request.query["saved"] == "1" ? "Uw keuze is opgeslagen." : nil
        return page(MailPages.preferences(context: user.page, remindersOn: on, notice: notice))
    }

    func savePreferences() throws -> Response {
        let on = request.formValues()["reminders"] == "1"
        try MailPreferences.setReminders(userID: principal.userID, on: on, in: store)
        return Response.redirect(to: Route.mail(.preferences).path + "?saved=1")
    }
}
