/// Errors of the store that are not SQLite's own: a record that is not there, or a save over a
/// newer version of a record (optimistic concurrency).
public enum StoreError: Error, Equatable, Sendable {
    case notFound(record: String, id: Int64)
    /// The record changed since the form was loaded; nothing was written.
    case staleVersion(record: String, id: Int64, expected: Int64, actual: Int64)
    /// A unique constraint (e.g. a name that exists already).
    case duplicate(field: String)
}
