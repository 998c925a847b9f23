import SQLite
import TestSupport

/// A copy of the process's migrated, seeded demo database (nine Plus IKCs, three accounts):
/// every Store test starts from the same known rows and may write to its own copy.
func demo() throws -> TemporaryDatabase {
    try DatabaseTemplate.seeded().copy()
}
