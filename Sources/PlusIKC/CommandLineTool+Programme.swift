import App
import Domain
import Foundation
import SQLite
import Store

/// `plusikc init --programme FILE` and `plusikc seed-demo --programme amsterdam-west` (issue 22),
/// and `backup`.
extension CommandLineTool {
    static func programmeUsage(_ command: String) -> String? {
        guard command == "init" else { return nil }
        return """
            Usage: plusikc init --programme FILE [--db FILE] [--migrations DIR]
              Creates (migrates) the database and loads the programme definition FILE (JSON, see the
              README) into it; the database must hold no organisations, areas, IKCs or users yet.
              A malformed FILE exits with status 2, naming the line and the problem, before the
              database is touched.
            """
    }

    /// Reads and checks a definition file; a problem is a usage error naming the file and line.
    static func readDefinition(_ path: String) throws -> ProgrammeDefinition {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw UsageError(message: "\(path): not UTF-8 text") }
        do {
            return try ProgrammeDefinition.parse(text)
        } catch let problem as ProgrammeDefinition.Problem {
            throw UsageError(message: "\(path):\(problem.line): \(problem.problem)")
        }
    }

    static func initProgramme(_ options: Options) throws -> Int32 {
        guard let file = options.programme else {
            printError("plusikc init: name the definition file with --programme FILE\n\n\(programmeUsage("init") ?? "")")
            return 2
        }
        // The file is read and checked before the database is opened: a bad file touches nothing.
        let definition = try readDefinition(file)
        let database = try migrate(options, quiet: true)
        defer { database.close() }
        try ProgrammeDefinitionLoader.load(definition, into: database)
        print("Programme ‘\(definition.programme.name)’ loaded into \(options.database). Create the first project leader with `plusikc create-user`.")
        return 0
    }

    /// The demo programmes other than KvK2, by name.
    static let demoProgrammes = ["amsterdam-west": "Programmes/amsterdam-west.json"]

    static func seedDemoProgramme(_ options: Options) throws {
        guard let name = options.programme, let file = demoProgrammes[name] else {
            throw UsageError(message: "--programme must be one of: \(demoProgrammes.keys.sorted().joined(separator: ", "))")
        }
        let definition = try readDefinition(locate(file, option: nil))
        let database = try migrate(options, quiet: true)
        defer { database.close() }
        let accounts = try DemoData.seedAmsterdamWest(database, definition: definition, renderReport: ReportRendering.demoEdition, hashPassword: PasswordHasher.hash)
        var lines = ""
        for account in accounts {
            lines += "  " + account.role.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
                + account.email.padding(toLength: 38, withPad: " ", startingAt: 0) + "wachtwoord: " + account.password + "\n"
        }
        let accountsFile = options.database + ".demo-accounts.txt"
        FileManager.default.createFile(atPath: accountsFile, contents: Data(lines.utf8), attributes: [.posixPermissions: 0o600])
        print("Demo data: \(definition.programme.name). Log-ins (also in \(accountsFile)):")
        print(lines, terminator: "")
    }

    static func backup(_ options: Options, to target: String) throws {
        guard FileManager.default.fileExists(atPath: options.database) else {
            throw UsageError(message: "no database at \(options.database)")
        }
        let database = try Database(path: options.database)
        defer { database.close() }
        try database.backup(to: target)
        print("Backup written to \(target)")
    }
}
