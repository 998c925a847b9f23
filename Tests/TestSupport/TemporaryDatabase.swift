import Foundation
import SQLite

/// A fresh directory under the system temporary directory, removed with everything in it when
/// the last reference goes away.
public final class TemporaryDirectory: Sendable {
    /// Absolute path of the directory.
    public let path: String

    public init(prefix: String = "plusikc") throws {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let created else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "mkdtemp failed: \(String(cString: strerror(errno)))"])
        }
        path = created
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside this directory (nothing is created).
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `contents` as UTF-8 to `name` inside this directory and returns its path.
    @discardableResult
    public func write(_ contents: String, to name: String) throws -> String {
        let target = file(name)
        try contents.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    /// Creates the subdirectory `name` and returns its path.
    @discardableResult
    public func makeDirectory(_ name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }
}

/// A real SQLite file in its own temporary directory, open as a `Database`; by default brought
/// to the newest schema through the repository's `Migrations/` folder, as the application does.
/// The database is closed and the directory removed when the last reference goes away.
public final class TemporaryDatabase: Sendable {
    /// The directory holding the database (and anything else a test wants to put next to it).
    public let directory: TemporaryDirectory
    /// The database file.
    public let path: String
    /// The open database.
    public let database: Database

    /// The repository's `Migrations/` folder, found from this source file's location.
    public static let repositoryMigrationsDirectory: String = {
        let here = URL(fileURLWithPath: #filePath)  // Tests/TestSupport/TemporaryDatabase.swift
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Migrations").path
    }()

    /// - Parameters:
    ///   - migrationsDirectory: migrations to apply; nil for an empty database.
    ///   - readers: size of the reader pool.
    public init(migrationsDirectory: String? = TemporaryDatabase.repositoryMigrationsDirectory, readers: Int = 2) throws {
        directory = try TemporaryDirectory(prefix: "plusikc-db")
        path = directory.file("test.sqlite")
        database = try Database(path: path, readers: readers)
        if let migrationsDirectory {
            try Migrator.migrate(database, migrations: Migrator.load(directory: migrationsDirectory))
        }
    }

    /// A copy of the closed database file at `templatePath` (see `DatabaseTemplate`), so a test
    /// starts from a migrated (and seeded) database without migrating or seeding it again.
    public init(copying templatePath: String, readers: Int = 2) throws {
        directory = try TemporaryDirectory(prefix: "plusikc-db")
        path = directory.file("test.sqlite")
        try FileManager.default.copyItem(atPath: templatePath, toPath: path)
        database = try Database(path: path, readers: readers)
    }

    deinit {
        database.close()
    }
}
