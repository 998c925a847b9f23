import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// `plusikc init --programme FILE`: a programme as a file (issue 22).
@Suite("A programme definition file loaded by plusikc init")
struct ProgrammeFileTests {
    static let amsterdam: String = {
        (try? String(contentsOfFile: TestApp.repositoryRoot + "/Programmes/amsterdam-west.json", encoding: .utf8)) ?? ""
    }()

    /// The 1-based line of the first line that contains `text`.
    func line(of text: String, in file: String) -> Int {
        (file.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Runs init with `definition` on a database that was migrated before; checks exit 2, the
    /// line and the problem on stderr, and that the database file is byte for byte the same.
    func refused(_ definition: String, line: Int, problem: String) throws {
        let folder = try TemporaryDirectory()
        let db = folder.file("p.sqlite"), file = folder.file("programme.json")
        #expect(try CommandLineTests().run(["migrate", "--db", db]).status == 0)
        let before = bytes(db)
        try definition.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CommandLineTests().run(["init", "--programme", file, "--db", db])
        #expect(run.status == 2, "\(run.error)")
        #expect(run.error.contains("\(file):\(line): "), "\(run.error)")
        #expect(run.error.contains(problem), "\(run.error)")
        #expect(bytes(db) == before)
    }

    @Test("the Amsterdam West file sets up an empty database with its own words and lists")
    func loads() throws {
        let folder = try TemporaryDirectory()
        let db = folder.file("west.sqlite")
        let run = try CommandLineTests().run(["init", "--programme", "Programmes/amsterdam-west.json", "--db", db])
        #expect(run.status == 0, "\(run.error)")
        let database = try Database(path: db)
        defer { database.close() }
        let programme = try database.read { try ProgrammeSettings.programme($0) }
        #expect(programme.name == "Samen sterk voor de kinderen van West Amsterdam")
        #expect(programme.yearKind == .calendar && programme.firstYear == 2024 && programme.lastYear == 2027)
        #expect(programme.minAge == 0 && programme.maxAge == 13)
        #expect(programme.predicateKind == nil)
        #expect(programme.signingKinds.map(\.code) == ["koepel", "kinderopvang"])
        #expect(programme.organisationKindLabel("koepel") == "Schoolbestuur")
        let goals = try database.read { try ProgrammeSettings.goals($0) }
        #expect(goals.count == 4)
    }

    @Test("a file that is not JSON exits 2 with the line of the mistake; the database is untouched")
    func badJSON() throws {
        let broken = Self.amsterdam.replacingOccurrences(of: "\"first_year\": 2024,", with: "\"first_year\": 2024")
        try refused(broken, line: line(of: "\"last_year\"", in: broken), problem: "not valid JSON: expected , or } in an object")
    }

    @Test("a goal without a name exits 2 with its line; the database is untouched")
    func goalWithoutName() throws {
        let broken = Self.amsterdam.replacingOccurrences(of: "{ \"name\": \"Een rijke schooldag", with: "{ \"naam\": \"Een rijke schooldag")
        try refused(broken, line: line(of: "\"naam\"", in: broken), problem: "unknown field ‘naam’ in a goal")
        let empty = Self.amsterdam.replacingOccurrences(of: "{ \"name\": \"Een rijke schooldag met sport, cultuur, techniek, begeleiding en zorg\" }", with: "{ }")
        try refused(empty, line: line(of: "{ }", in: empty), problem: "a goal has no ‘name’")
    }

    @Test("a year range backwards exits 2 with the line of last_year; the database is untouched")
    func backwards() throws {
        let broken = Self.amsterdam.replacingOccurrences(of: "\"last_year\": 2027", with: "\"last_year\": 2020")
        try refused(broken, line: line(of: "\"last_year\"", in: broken), problem: "the year range runs backwards: ‘last_year’ 2020 is before ‘first_year’ 2024")
    }

    @Test("an unknown field exits 2 with its line and the known fields; the database is untouched")
    func unknownField() throws {
        let broken = Self.amsterdam.replacingOccurrences(of: "  \"min_age\": 0,", with: "  \"min_age\": 0,\n  \"kleur\": \"blauw\",")
        try refused(broken, line: line(of: "\"kleur\"", in: broken), problem: "unknown field ‘kleur’ in the programme")
    }

    @Test("seed-demo --programme amsterdam-west builds the second programme's demo; an unknown programme exits 2")
    func seedDemoAmsterdam() throws {
        let folder = try TemporaryDirectory()
        let db = folder.file("west.sqlite")
        let run = try CommandLineTests().run(["seed-demo", "--programme", "amsterdam-west", "--db", db])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("Samen sterk voor de kinderen van West Amsterdam"))
        #expect(run.output.contains("pl@west.demo.plusikc.nl"))
        let database = try Database(path: db)
        defer { database.close() }
        let (kindcentra, signing) = try database.read { c in
            (try c.row("SELECT COUNT(*) FROM ikcs WHERE kind = 'kindcentrum'")?.int(0) ?? 0,
             try c.rows("SELECT COUNT(*) FROM agreement_parties GROUP BY version_id").map { try $0.int(0) })
        }
        #expect(kindcentra == 5)
        #expect(Set(signing) == [2])
        let unknown = try CommandLineTests().run(["seed-demo", "--programme", "rotterdam", "--db", folder.file("r.sqlite")])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("--programme must be one of: amsterdam-west"))
    }

    @Test("init refuses a database that already holds data, and changes nothing")
    func notEmpty() throws {
        let app = try TestApp()
        let before = try app.database.read { try ProgrammeSettings.programme($0) }
        let definition = try ProgrammeDefinition.parse(Self.amsterdam)
        #expect(throws: ProgrammeDefinitionLoader.NotEmpty.self) { try ProgrammeDefinitionLoader.load(definition, into: app.database) }
        #expect(try app.database.read { try ProgrammeSettings.programme($0) } == before)
    }
}
