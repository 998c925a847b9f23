import Foundation
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
        for command in ["serve", "migrate", "seed-demo", "backup", "create-user"] {
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
}
