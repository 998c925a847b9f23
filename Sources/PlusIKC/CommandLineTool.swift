import App
import Domain
import Foundation
import HTTP
import Mail
import SQLite
import Store

/// Parses `plusikc <command> [options]` and runs the command; returns the exit status
/// (0 ok, 1 failure, 2 usage error).
enum CommandLineTool {
    static let usage = """
        Usage: plusikc <command> [options]

        Commands:
          serve         Serve the web application (migrates first).
          migrate       Apply pending database migrations.
          init          Set up an empty database for a programme from its definition file (--programme FILE).
          seed-demo     Fill an empty database with the demo data and print the demo log-ins.
          backup FILE   Write a consistent copy of the database to FILE (safe while serving).
          create-user   Create an account.
          require-2fa   Require (or with --optional, stop requiring) a second factor for a role.

        Run `plusikc <command> --help` for the options of a command.
        Environment: PLUSIKC_HOST, PLUSIKC_PORT, PLUSIKC_DB, PLUSIKC_MIGRATIONS, PLUSIKC_PUBLIC,
        PLUSIKC_SECURE_COOKIES=1, PLUSIKC_TRUSTED_PROXIES (comma-separated), PLUSIKC_PUBLIC_URL,
        PLUSIKC_MAIL and PLUSIKC_MAIL_FROM set the same as the options; PLUSIKC_TODAY=YYYY-MM-DD fixes
        the date for due dates, deadlines and the moments `serve` stores (tests, demos).
        """

    struct UsageError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Options shared by the commands.
    struct Options {
        var host = ProcessInfo.processInfo.environment["PLUSIKC_HOST"] ?? "127.0.0.1"
        var port = Int(ProcessInfo.processInfo.environment["PLUSIKC_PORT"] ?? "") ?? 8080
        var database = ProcessInfo.processInfo.environment["PLUSIKC_DB"] ?? "data/plusikc.sqlite"
        var migrations = ProcessInfo.processInfo.environment["PLUSIKC_MIGRATIONS"]
        var publicDirectory = ProcessInfo.processInfo.environment["PLUSIKC_PUBLIC"]
        var secureCookies = ProcessInfo.processInfo.environment["PLUSIKC_SECURE_COOKIES"] == "1"
        var trustedProxies = (ProcessInfo.processInfo.environment["PLUSIKC_TRUSTED_PROXIES"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var trustedProxiesFromEnvironment = true
        var mail = ProcessInfo.processInfo.environment["PLUSIKC_MAIL"]
        var mailFrom = ProcessInfo.processInfo.environment["PLUSIKC_MAIL_FROM"]
        var publicURL = ProcessInfo.processInfo.environment["PLUSIKC_PUBLIC_URL"]
        var ikcs = 9
        var workers: Int?
        var positional: [String] = []
        var name: String?
        var email: String?
        var role: String?
        var password: String?
        var ikcID: Int64?
        var optional = false
        var help = false
        var programme: String?
    }

    static func commandUsage(_ command: String) -> String {
        switch command {
        case "serve":
            return """
                Usage: plusikc serve [--host H] [--port P] [--db FILE] [--workers N] [--public DIR] [--migrations DIR] [--secure-cookies]
                                     [--trusted-proxy ADDR]... [--public-url URL]
                  --host H           address to listen on (default 127.0.0.1)
                  --port P           port (default 8080; 0 picks a free one)
                  --db FILE          database file (default data/plusikc.sqlite)
                  --workers N        worker threads for requests (default: 2 per core, at least 4)
                  --public DIR       static files served under /static/ (default: Public)
                  --migrations DIR   migration files (default: Migrations)
                  --secure-cookies   mark cookies Secure (when served over HTTPS behind a proxy)
                  --trusted-proxy A  a reverse proxy's address (repeatable; default none): for requests from it
                                     the client is the last untrusted hop of X-Forwarded-For
                  --public-url URL   the site's address for links in e-mails and share links, e.g.
                                     https://plusikc.example.nl (required unless --host is loopback;
                                     then http://HOST:PORT)
                  --mail DELIVERY    file:DIR (default file:<database folder>/mail), smtp://host:port or
                                     sendmail:/usr/sbin/sendmail
                  --mail-from FROM   the From of every message (default "Plus IKC <plusikc@localhost>")
                """
        case "migrate":
            return "Usage: plusikc migrate [--db FILE] [--migrations DIR]"
        case "seed-demo":
            return """
                Usage: plusikc seed-demo [--db FILE] [--ikcs N] [--migrations DIR] [--programme amsterdam-west]
                  Fills an empty database with the demo data: the nine Plus IKCs of the programme, or N IKCs
                  (N >= 9, the extra ones generated, the same for the same N). Prints the demo log-ins once
                  and writes them to FILE.demo-accounts.txt. --programme amsterdam-west: the demo of a second programme.
                """
        case "backup":
            return "Usage: plusikc backup FILE [--db FILE]\n  Writes a consistent copy with SQLite's online backup; safe while the server runs."
        case "create-user":
            return "Usage: plusikc create-user --name NAME --email EMAIL --role projectleider|ontwikkelgroep|directeur [--ikc ID] [--password P] [--db FILE]\n  Without --password a random one is generated and printed."
        case "require-2fa":
            return """
                Usage: plusikc require-2fa --role ROLE [--optional] [--db FILE]
                  Users of ROLE must enrol an authenticator app at their next log-in (two-factor log-in).
                  ROLE is a role name (projectleider, ontwikkelgroep, directeur; partner once it exists).
                  --optional   make the second factor optional again for ROLE
                """
        case "bench-write": return BenchWrite.usage
        default:
            return programmeUsage(command) ?? usage
        }
    }

    static func parse(_ arguments: ArraySlice<String>) throws -> Options {
        var options = Options()
        var rest = arguments
        func value(_ flag: String) throws -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") || next == "--" else {
                throw UsageError(message: "\(flag) needs a value")
            }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h": options.help = true
            case "--host": options.host = try value(argument)
            case "--port":
                guard let port = Int(try value(argument)), (0...65535).contains(port) else { throw UsageError(message: "--port needs a number 0-65535") }
                options.port = port
            case "--db": options.database = try value(argument)
            case "--migrations": options.migrations = try value(argument)
            case "--public": options.publicDirectory = try value(argument)
            case "--secure-cookies": options.secureCookies = true
            case "--public-url": options.publicURL = try value(argument)
            case "--trusted-proxy":
                // The options replace the environment's list rather than adding to it.
                if options.trustedProxiesFromEnvironment { options.trustedProxies = [] }
                options.trustedProxiesFromEnvironment = false
                options.trustedProxies.append(try value(argument))
            case "--mail": options.mail = try value(argument)
            case "--mail-from": options.mailFrom = try value(argument)
            case "--workers":
                guard let n = Int(try value(argument)), n > 0, n <= 256 else { throw UsageError(message: "--workers needs a number 1-256") }
                options.workers = n
            case "--ikcs":
                guard let n = Int(try value(argument)), n >= 9, n <= 10_000 else { throw UsageError(message: "--ikcs needs a number 9-10000") }
                options.ikcs = n
            case "--programme": options.programme = try value(argument)
            case "--name": options.name = try value(argument)
            case "--email": options.email = try value(argument)
            case "--role": options.role = try value(argument)
            case "--password": options.password = try value(argument)
            case "--optional": options.optional = true
            case "--ikc":
                guard let id = Int64(try value(argument)) else { throw UsageError(message: "--ikc needs an IKC number") }
                options.ikcID = id
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option \(argument)") }
                options.positional.append(argument)
            }
        }
        return options
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            print(usage)
            return 2
        }
        if command == "--help" || command == "-h" || command == "help" {
            print(usage)
            return 0
        }
        let known = ["serve", "migrate", "init", "seed-demo", "backup", "create-user", "require-2fa", "bench-write"]
        guard known.contains(command) else {
            printError("plusikc: unknown command '\(command)'\n\n\(usage)")
            return 2
        }
        let options: Options
        do {
            options = try parse(arguments.dropFirst())
        } catch let error as UsageError {
            printError("plusikc \(command): \(error.message)\n\n\(commandUsage(command))")
            return 2
        } catch {
            printError("plusikc: \(error)")
            return 2
        }
        if options.help {
            print(commandUsage(command))
            return 0
        }
        if command != "backup" && command != "bench-write" && !options.positional.isEmpty {
            printError("plusikc \(command): unexpected argument '\(options.positional[0])'\n\n\(commandUsage(command))")
            return 2
        }
        do {
            switch command {
            case "serve": try serve(options)
            case "migrate": try migrate(options, quiet: false)
            case "init": return try initProgramme(options)
            case "seed-demo": if options.programme == nil { try seedDemo(options) } else { try seedDemoProgramme(options) }
            case "backup":
                guard options.positional.count == 1 else {
                    printError("plusikc backup: name one target file\n\n\(commandUsage(command))")
                    return 2
                }
                try backup(options, to: options.positional[0])
            case "create-user":
                return try createUser(options)
            case "require-2fa":
                return try requireTwoFactor(options)
            case "bench-write": return try BenchWrite.run(options)
            default: return 2
            }
            return 0
        } catch let error as UsageError {
            printError("plusikc \(command): \(error.message)")
            return 2
        } catch {
            printError("plusikc \(command): \(error)")
            return 1
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A folder of the project (Migrations, Public): the option, else the working directory,
    /// else next to the checkout the executable was built in (.build/<config>/plusikc).
    static func locate(_ name: String, option: String?) -> String {
        if let option { return option }
        if FileManager.default.fileExists(atPath: name) { return name }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return name
    }

    static func openDatabase(_ options: Options) throws -> Database {
        let folder = URL(fileURLWithPath: options.database).deletingLastPathComponent().path
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        return try Database(path: options.database)
    }

    @discardableResult
    static func migrate(_ options: Options, quiet: Bool) throws -> Database {
        let database = try openDatabase(options)
        let migrations = try Migrator.load(directory: locate("Migrations", option: options.migrations))
        let applied = try Migrator.migrate(database, migrations: migrations)
        if !quiet || !applied.isEmpty {
            if applied.isEmpty {
                print("Database \(options.database) is up to date (version \(migrations.last?.version ?? 0)).")
            } else {
                for migration in applied { print("Applied migration \(migration.fileName)") }
            }
        }
        return database
    }

    static func seedDemo(_ options: Options) throws {
        let database = try migrate(options, quiet: true)
        defer { database.close() }
        let today = try injectedToday() ?? AppConfiguration().today()  // the demo's history is placed relative to it
        let accounts = try DemoData.seed(database, ikcs: options.ikcs, today: today, renderReport: ReportRendering.demoEdition, hashPassword: PasswordHasher.hash)
        var lines = ""
        for account in accounts {
            lines += "  " + account.role.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
                + account.email.padding(toLength: 34, withPad: " ", startingAt: 0) + "wachtwoord: " + account.password + "\n"
        }
        let file = options.database + ".demo-accounts.txt"
        FileManager.default.createFile(atPath: file, contents: Data(lines.utf8), attributes: [.posixPermissions: 0o600])
        print("Demo data: \(options.ikcs) IKCs. Log-ins (also in \(file)):")
        print(lines, terminator: "")
    }

    static func createUser(_ options: Options) throws -> Int32 {
        guard let name = options.name, let email = options.email, let roleText = options.role else {
            printError("plusikc create-user: --name, --email and --role are required\n\n\(commandUsage("create-user"))")
            return 2
        }
        guard let role = Role(rawValue: roleText) else {
            printError("plusikc create-user: unknown role '\(roleText)'\n\n\(commandUsage("create-user"))")
            return 2
        }
        let form = UserForm(name: name, email: email, role: role.rawValue, ikcIDs: options.ikcID.map { [$0] } ?? [])
        let password = options.password ?? DemoData.randomPassword()
        var errors = form.validate()
        PasswordPolicy.check(password, into: &errors)
        guard errors.isEmpty else {
            printError("plusikc create-user: " + errors.messages.map(\.message).joined(separator: " "))
            return 1
        }
        let database = try migrate(options, quiet: true)
        defer { database.close() }
        let hash = try PasswordHasher.hash(password)
        let id = try database.write { c -> Int64 in
            let id = try Users.create(name: name, email: email, role: role, passwordHash: hash, mustChangePassword: options.password == nil,
                                      ikcIDs: form.ikcIDs, c)
            try AuditLog.record(userID: nil, action: "create", recordType: "user", recordID: id, summary: "Aangemaakt met plusikc create-user", c)
            return id
        }
        print("Created user \(id): \(role.rawValue) \(email)" + (options.password == nil ? "  wachtwoord: \(password) (wijzigen bij eerste log-in)" : ""))
        return 0
    }

    static func requireTwoFactor(_ options: Options) throws -> Int32 {
        guard let role = options.role, !role.isEmpty,
              role.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else {
            printError("plusikc require-2fa: --role needs a role name\n\n\(commandUsage("require-2fa"))")
            return 2
        }
        let database = try migrate(options, quiet: true)
        defer { database.close() }
        try TwoFactor.setRequired(role: role, required: !options.optional, by: nil, in: DataStore(database: database))
        print("Two-factor log-in for \(role): \(options.optional ? "optional" : "required")")
        return 0
    }

    static func serve(_ options: Options) throws {
        // A bad --mail stops start-up before anything else (exit status 2).
        let folder = URL(fileURLWithPath: options.database).deletingLastPathComponent().path
        let delivery: MailDelivery
        do {
            delivery = try MailDelivery(parsing: options.mail ?? "file:" + (folder.isEmpty ? "" : folder + "/") + "mail")
        } catch let error as MailDelivery.ParseError {
            throw UsageError(message: error.message)
        }
        if let from = options.mailFrom, Mailbox(parsing: from) == nil {
            throw UsageError(message: "--mail-from '\(from)' is not an e-mail address (use \"Name <address>\" or an address)")
        }
        for address in options.trustedProxies where !isIPAddress(address) {
            throw UsageError(message: "--trusted-proxy needs an IP address, not '\(address)'")
        }
        let publicURL = try publicURL(options)
        let database = try migrate(options, quiet: true)
        var appConfiguration = AppConfiguration()
        appConfiguration.publicURL = publicURL
        if let from = options.mailFrom { appConfiguration.mailFrom = from }
        appConfiguration.publicDirectory = locate("Public", option: options.publicDirectory)
        appConfiguration.secureCookies = options.secureCookies
        appConfiguration.trustedProxies = Set(options.trustedProxies)
        if let fixed = try injectedToday() {
            appConfiguration.today = { fixed }
            Timestamp.shift(to: fixed.ordinal)  // what is stored "now" falls on that day too
        }
        let application = Application(store: DataStore(database: database), configuration: appConfiguration)
        var configuration = ServerConfiguration(host: options.host, port: options.port)
        if let workers = options.workers { configuration.workerCount = workers }
        let server = HTTPServer(configuration: configuration, responder: application)
        try server.start()
        let transport = delivery.transport()
        let sender = try MailSender(application: application, transport: transport)
        sender.start()
        print("Plus IKC serves on http://\(options.host):\(server.port)  (database \(options.database); stop with Ctrl-C)")
        print("E-mail: \(transport.summary)")
        fflush(nil)
        // A parent may hand down SIGTERM and SIGINT blocked (a test runner's thread does); the
        // graceful stop below needs them, so they are unblocked here.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        server.runUntilSignalled()
        sender.stop()
        database.close()
        print("Stopped.")
    }

    /// The configured public URL, validated; without one only a loopback server gets a default
    /// (nobody else can reach it, so its own address is right).
    static func publicURL(_ options: Options) throws -> String {
        if let text = options.publicURL {
            guard let url = PublicURL.validated(text) else {
                throw UsageError(message: "--public-url needs http:// or https://, a host and perhaps a port, nothing else; not '\(text)'")
            }
            return url
        }
        guard PublicURL.isLoopback(options.host) else {
            throw UsageError(message: "--public-url (or PLUSIKC_PUBLIC_URL) is required when serving on \(options.host): links are never built from a request's Host")
        }
        guard options.port != 0 else { throw UsageError(message: "--public-url is required with --port 0") }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "http://\(host):\(options.port)"
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
