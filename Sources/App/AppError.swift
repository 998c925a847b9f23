/// An error a handler throws to end a request with a Dutch error page. Caught in one place.
public enum AppError: Error, Equatable {
    case notFound
    case forbidden
    case methodNotAllowed(allowed: [String])
    case badRequest(String)
    /// The form was loaded from an older version of the record; nothing was written.
    case conflict(detail: String)
    /// The record is in a state that is read-only (a fixed agreement, a submitted plan); 409.
    case notEditable(detail: String)
}
