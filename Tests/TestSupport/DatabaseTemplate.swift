import App
import Domain
import Foundation
import SQLite
import Store
import Synchronization

/// A database file made once per test process and copied for every test that wants one:
/// migrating and seeding the demo (a yescrypt hash per account) happens once per kind,
/// not once per test. The file is closed (so its WAL is checkpointed into it) before anyone
/// copies it; the copies are ordinary `TemporaryDatabase`s.
public struct DatabaseTemplate: Sendable {
    /// The closed, complete database file; copy it, never open it.
    public let path: String
    /// The demo accounts (with their plain passwords) the seed created; empty when not seeded.
    public let accounts: [DemoData.Account]

    /// Migrated and seeded with the demo data for `ikcs` Plus IKCs.
    public static func seeded(ikcs: Int = 9) throws -> DatabaseTemplate {
        try made(key: ikcs)
    }

    /// Migrated and seeded with the demo of the second programme, Amsterdam West (issue 22).
    public static func amsterdamWest() throws -> DatabaseTemplate {
        try made(key: -1)
    }

    /// Migrated only: the newest schema and no rows.
    public static func migrated() throws -> DatabaseTemplate {
        try made(key: 0)
    }

    /// A fresh copy of this template, open.
    public func copy() throws -> TemporaryDatabase {
        try TemporaryDatabase(copying: path)
    }

    // MARK: - One per kind per process, made on first use under a lock.

    private static let templates = Mutex<[Int: Result<DatabaseTemplate, any Error>]>([:])

    /// Key 0: migrated only; key n > 0: seeded with n IKCs; key -1: the Amsterdam West demo. Made while holding the lock, so two
    /// tests asking at once wait for one template instead of making two.
    private static func made(key: Int) throws -> DatabaseTemplate {
        try templates.withLock { templates in
            if let result = templates[key] { return try result.get() }
            let result = Result { try make(key: key) }
            templates[key] = result
            return try result.get()
        }
    }

    /// The demo accounts' passwords as yescrypt hashes of the lowest cost: still `$y$` hashes that
    /// the real `PasswordHasher.verify` checks, at a fraction of the default cost.
    private static func cheapHash(_ password: String) throws -> String {
        try PasswordHasher.hash(password, cost: 1)
    }

    private static func make(key: Int) throws -> DatabaseTemplate {
        let path = TemplateDirectory.path + "/template-\(key).sqlite"
        unlink(path)
        let database = try Database(path: path, readers: 1)
        defer { database.close() }
        try Migrator.migrate(database, migrations: Migrator.load(directory: TemporaryDatabase.repositoryMigrationsDirectory))
        let accounts: [DemoData.Account]
        if key == -1 {
            let text = try String(contentsOfFile: TestApp.repositoryRoot + "/Programmes/amsterdam-west.json", encoding: .utf8)
            accounts = try DemoData.seedAmsterdamWest(database, definition: try ProgrammeDefinition.parse(text), renderReport: ReportRendering.demoEdition,
                                                     hashPassword: cheapHash)
        } else {
            accounts = key > 0 ? try DemoData.seed(database, ikcs: key, today: TestApp.today, renderReport: ReportRendering.demoEdition,
                                                   hashPassword: cheapHash) : []
        }
        database.close()  // the last connection checkpoints the WAL into the file and removes it
        return DatabaseTemplate(path: path, accounts: accounts)
    }
}

/// The directory holding this process's templates, removed when the process exits.
enum TemplateDirectory {
    static let path: String = {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("plusikc-templates-\(getpid())")
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TemplateDirectory.path) }
        return path
    }()
}
