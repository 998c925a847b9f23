import Foundation
import SQLite
import Testing
import TestSupport

/// The `plusikc` executable, run as a child process the way a user runs it.
@Suite("The plusikc command line")
struct CommandLineTests {
    static var executable: String {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        // The test bundle lives in .build/<config>/; so does plusikc.
        return bundle.appendingPathComponent("plusikc").path
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestApp.repositoryRoot)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), error: String(decoding: error, as: UTF8.self))
    }

    @Test("--help prints the usage of every command and exits 0")
    func help() throws {
        let top = try run(["--help"])
        #expect(top.status == 0)
        for command in ["serve", "migrate", "seed-demo", "backup", "create-user", "require-2fa"] {
            #expect(top.output.contains(command))
            let sub = try run([command, "--help"])
            #expect(sub.status == 0, "\(command)")
            #expect(sub.output.contains("Usage: plusikc \(command)"), "\(command)")
        }
    }

    @Test("an unknown option or command is an error with usage and exit code 2")
    func badOption() throws {
        let option = try run(["serve", "--prot", "80"])
        #expect(option.status == 2)
        #expect(option.error.contains("unknown option --prot"))
        #expect(option.error.contains("Usage: plusikc serve"))
        let command = try run(["serv"])
        #expect(command.status == 2)
        #expect(command.error.contains("unknown command"))
        #expect(try run(["serve", "--port", "notaport"]).status == 2)
        let folder = try TemporaryDirectory()
        let proxy = try run(["serve", "--port", "0", "--db", folder.file("x.sqlite"), "--trusted-proxy", "proxy.example"])
        #expect(proxy.status == 2)
        #expect(proxy.error.contains("--trusted-proxy needs an IP address"))
        let exposed = try run(["serve", "--host", "0.0.0.0", "--db", folder.file("x.sqlite")])
        #expect(exposed.status == 2)
        #expect(exposed.error.contains("--public-url (or PLUSIKC_PUBLIC_URL) is required"))
        let badURL = try run(["serve", "--host", "0.0.0.0", "--db", folder.file("x.sqlite"), "--public-url", "https://example.nl/app"])
        #expect(badURL.status == 2)
        #expect(badURL.error.contains("--public-url needs http:// or https://"))
    }

    @Test("seed-demo on an empty database yields the nine Plus IKCs and prints one log-in per role")
    func seedDemo() throws {
        let folder = try TemporaryDirectory(prefix: "plusikc-cli")
        let db = folder.file("demo.sqlite")
        let result = try run(["seed-demo", "--db", db])
        #expect(result.status == 0, "\(result.error)")
        for line in ["projectleider", "ontwikkelgroep", "directeur", "partner", "partner.proloog@demo.plusikc.nl", "wachtwoord: "] {
            #expect(result.output.contains(line))
        }
        let accounts = try String(contentsOfFile: db + ".demo-accounts.txt", encoding: .utf8)
        // One per role, and a partner per koepel (3) and childcare organisation (2).
        #expect(accounts.split(separator: "\n").count == 8)
        let migrate = try run(["migrate", "--db", db])
        #expect(migrate.status == 0)
        #expect(migrate.output.contains("up to date"))
        let again = try run(["seed-demo", "--db", db])
        #expect(again.status == 1)
        let backup = try run(["backup", folder.file("copy.sqlite"), "--db", db])
        #expect(backup.status == 0, "\(backup.error)")
        #expect(FileManager.default.fileExists(atPath: folder.file("copy.sqlite")))
    }

    @Test("create-user makes an account that can log in")
    func createUser() throws {
        let folder = try TemporaryDirectory(prefix: "plusikc-cli")
        let db = folder.file("users.sqlite")
        let created = try run(["create-user", "--db", db, "--name", "Test Leider", "--email", "tl@example.org", "--role", "projectleider", "--password", "een lang genoeg wachtwoord"])
        #expect(created.status == 0, "\(created.error)")
        let short = try run(["create-user", "--db", db, "--name", "X", "--email", "x@example.org", "--role", "projectleider", "--password", "kort"])
        #expect(short.status == 1)
        let role = try run(["create-user", "--db", db, "--name", "X", "--email", "x@example.org", "--role", "koning"])
        #expect(role.status == 2)
    }

    @Test("require-2fa makes a second factor required or optional for a role, by its name")
    func requireTwoFactor() throws {
        let folder = try TemporaryDirectory(prefix: "plusikc-cli")
        let db = folder.file("policy.sqlite")
        let on = try run(["require-2fa", "--db", db, "--role", "directeur"])
        #expect(on.status == 0, "\(on.error)")
        #expect(on.output.contains("directeur: required"))
        let off = try run(["require-2fa", "--db", db, "--role", "projectleider", "--optional"])
        #expect(off.output.contains("projectleider: optional"))
        #expect(try run(["require-2fa", "--db", db]).status == 2)
        #expect(try run(["require-2fa", "--db", db, "--role", "Rol; DROP"]).status == 2)
        let database = try Database(path: db)
        defer { database.close() }
        let rows = try database.read { try $0.rows("SELECT role || '=' || required FROM two_factor_policy ORDER BY role").map { try $0.string(0) } }
        #expect(rows == ["directeur=1", "ontwikkelgroep=0", "partner=1", "projectleider=0"])
    }
}
