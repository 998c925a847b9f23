import Domain
import HTTP
import Markup
import Store
import Views

/// A write that fails because the database cannot be written (disk full, I/O error, read-only
/// file): nothing was stored and reads still work. The user gets 503 with a page that says so
/// and, where the form has a re-render path, the form again with what was typed; the operator
/// gets one log line and a failing /health until a write succeeds again
/// (`Database.storageFailure`).
extension Application {
    static let notSavedMessage = "Er is niets opgeslagen: de gegevens konden niet worden weggeschreven, omdat de opslag van de server vol of niet beschrijfbaar is. Wat u hebt ingevuld staat hieronder nog. Probeer het later opnieuw en neem contact op met de beheerder als dit blijft gebeuren."

    /// The 503 for a storage failure; `rerender` draws the form again with the message on top.
    func storageFailureResponse(_ error: StorageFailure, _ context: Context, rerender: ((ValidationErrors) -> HTML)? = nil) -> Response {
        storageFailureResponse(error, request: context.request, page: context.page, rerender: rerender)
    }

    func storageFailureResponse(_ error: StorageFailure, request: Request, page pageContext: PageContext,
                                rerender: ((ValidationErrors) -> HTML)? = nil) -> Response {
        Application.log("storage: write failed, nothing saved (\(request.method.rawValue) \(request.path)): SQLite \(error.code): \(error.message) -- free disk space or make the database writable; /health answers 503 until a write succeeds")
        var response: Response
        if let rerender {
            var errors = ValidationErrors()
            errors.add("", Application.notSavedMessage)
            response = page(rerender(errors), status: 503)
        } else {
            response = page(ErrorPages.page(status: 503, context: pageContext, title: "Niet opgeslagen",
                                            text: "Er is niets opgeslagen: de gegevens konden niet worden weggeschreven, omdat de opslag van de server vol of niet beschrijfbaar is. Probeer het later opnieuw en neem contact op met de beheerder als dit blijft gebeuren."),
                            status: 503)
        }
        response.headers.set("Retry-After", "300")
        return response
    }

    /// /health: 200 "ok", or 503 with the reason while writes fail. Never cached.
    func healthResponse() -> Response {
        var response: Response
        if let failure = store.storageFailure {
            response = Response.text("unavailable: the last write failed (SQLite \(failure.code): \(failure.message)); nothing can be saved until a write succeeds", status: 503)
        } else {
            response = Response.text("ok")
        }
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}

extension FeatureHandler {
    /// The 503 for a storage failure in a feature's save; `rerender` draws the form again with what was typed.
    func storageFailure(_ error: StorageFailure, rerender: ((ValidationErrors) -> HTML)? = nil) -> Response {
        app.storageFailureResponse(error, request: request, page: user.page, rerender: rerender)
    }
}
