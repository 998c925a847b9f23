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

    /// Migrated and seeded with the demo's records but no report editions, for the Store tests
    /// that make editions themselves.
    public static func seededWithoutReports() throws -> DatabaseTemplate {
        try made(key: -2)
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

    /// Key 0: migrated only; key n > 0: seeded with n IKCs; key -1: the Amsterdam West demo; key -2:
    /// the demo without report editions. Made while holding the lock, so two
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

    /// Made here, or read from the shared folder when another test process of the same run made
    /// it first (`Tests/run-swift-tests.sh` runs four and gives them one folder): a lock file per
    /// kind, and the accounts beside the database, written last.
    private static func make(key: Int) throws -> DatabaseTemplate {
        let path = TemplateDirectory.path + "/template-\(key).sqlite"
        let lock = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw POSIXError(.EIO) }
        defer { close(lock) }  // closing releases the lock
        flock(lock, LOCK_EX)
        let accountsPath = path + ".accounts"
        if let text = try? String(contentsOfFile: accountsPath, encoding: .utf8) {
            let accounts = text.split(separator: "\n").compactMap { line -> DemoData.Account? in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 3, let role = Role(rawValue: fields[0]) else { return nil }
                return DemoData.Account(role: role, email: fields[1], password: fields[2])
            }
            return DatabaseTemplate(path: path, accounts: accounts)
        }
        let template = try build(key: key, path: path)
        let lines = template.accounts.map { "\($0.role.rawValue)\t\($0.email)\t\($0.password)\n" }.joined()
        try lines.write(toFile: accountsPath + ".new", atomically: false, encoding: .utf8)
        rename(accountsPath + ".new", accountsPath)
        return template
    }

    private static func build(key: Int, path: String) throws -> DatabaseTemplate {
        unlink(path)
        let database = try Database(path: path, readers: 1)
        defer { database.close() }
        try Migrator.migrate(database, migrations: Migrator.load(directory: TemporaryDatabase.repositoryMigrationsDirectory))
        let accounts: [DemoData.Account]
        if key == -1 {
            let text = try String(contentsOfFile: TestApp.repositoryRoot + "/Programmes/amsterdam-west.json", encoding: .utf8)
            accounts = try DemoData.seedAmsterdamWest(database, definition: try ProgrammeDefinition.parse(text), renderReport: ReportRendering.demoEdition,
                                                     hashPassword: cheapHash)
        } else if key == -2 {
            accounts = try DemoData.seed(database, today: TestApp.today, hashPassword: cheapHash)
        } else {
            accounts = key > 0 ? try DemoData.seed(database, ikcs: key, today: TestApp.today, renderReport: ReportRendering.demoEdition,
                                                   hashPassword: cheapHash) : []
        }
        database.close()  // the last connection checkpoints the WAL into the file and removes it
        return DatabaseTemplate(path: path, accounts: accounts)
    }
}

/// The directory holding the templates: the run's shared folder when `PLUSIKC_TEST_TEMPLATES`
/// names one (its runner removes it), else this process's own, removed when the process exits.
enum TemplateDirectory {
    static let path: String = {
        if let shared = ProcessInfo.processInfo.environment["PLUSIKC_TEST_TEMPLATES"], !shared.isEmpty {
            try? FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            return shared
        }
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("plusikc-templates-\(getpid())")
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TemplateDirectory.path) }
        return path
    }()
}
