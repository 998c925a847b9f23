/// A programme as a file (issue 22): everything `plusikc init --programme FILE` needs to set up
/// an empty database for another municipality. JSON; the format is in the README.
public struct ProgrammeDefinition: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var label: String
        public var flags: Set<String>
        public var hours: Double?

        public init(code: String, label: String, flags: Set<String> = [], hours: Double? = nil) {
            self.code = code
            self.label = label
            self.flags = flags
            self.hours = hours
        }
    }

    public var programme: Programme
    public var goals: [String]
    public var organisationKinds: [Entry]
    public var ikcKinds: [Entry]
    public var areaClasses: [Entry]
    public var fundingKinds: [Entry]
    public var staffingRoles: [Entry]
    public var conditions: [String]

    /// A problem in the file: its line and what is wrong.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var problem: String
        public var description: String { "line \(line): \(problem)" }

        public init(line: Int, problem: String) {
            self.line = line
            self.problem = problem
        }
    }

    /// Reads a definition; the first problem is thrown with its line.
    public static func parse(_ text: String) throws -> ProgrammeDefinition {
        let root: LineJSON.Located
        do {
            root = try LineJSON.parse(text)
        } catch let error as LineJSON.SyntaxError {
            throw Problem(line: error.line, problem: "not valid JSON: \(error.problem)")
        }
        var d = Decoder()
        return try d.definition(root)
    }

    struct Decoder {
        typealias Located = LineJSON.Located
        typealias Fail = ProgrammeDefinition.Problem

        func members(_ v: Located, _ what: String, allowed: [String], required: [String]) throws -> [String: (line: Int, value: Located)] {
            guard case .object(let list) = v.value else { throw Fail(line: v.line, problem: "\(what) must be an object { … }") }
            var out: [String: (line: Int, value: Located)] = [:]
            for member in list {
                guard allowed.contains(member.key) else {
                    throw Fail(line: member.line, problem: "unknown field ‘\(member.key)’ in \(what) (known: \(allowed.joined(separator: ", ")))")
                }
                out[member.key] = (member.line, member.value)
            }
            for key in required where out[key] == nil {
                throw Fail(line: v.line, problem: "\(what) has no ‘\(key)’")
            }
            return out
        }

        func text(_ v: Located, _ what: String, max: Int = 200) throws -> String {
            guard case .string(let s) = v.value else { throw Fail(line: v.line, problem: "\(what) must be a text in \"\"") }
            let trimmed = s.trimmingWhitespace()
            guard !trimmed.isEmpty else { throw Fail(line: v.line, problem: "\(what) is empty") }
            guard trimmed.count <= max, !Check.hasInvalidCharacter(trimmed, multiLine: false) else {
                throw Fail(line: v.line, problem: "\(what) is longer than \(max) characters or holds a control character")
            }
            return trimmed
        }

        func int(_ v: Located, _ what: String, _ range: ClosedRange<Int>) throws -> Int {
            guard case .number(let n) = v.value, n == n.rounded(), let i = Int(exactly: n), range.contains(i) else {
                throw Fail(line: v.line, problem: "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return i
        }

        func bool(_ v: Located?, _ what: String) throws -> Bool {
            guard let v else { return false }
            guard case .bool(let b) = v.value else { throw Fail(line: v.line, problem: "\(what) must be true or false") }
            return b
        }

        func array(_ v: Located, _ what: String, minimum: Int = 1) throws -> [Located] {
            guard case .array(let items) = v.value else { throw Fail(line: v.line, problem: "\(what) must be a list [ … ]") }
            guard items.count >= minimum else { throw Fail(line: v.line, problem: "\(what) needs at least \(minimum) entr\(minimum == 1 ? "y" : "ies")") }
            return items
        }

        func code(_ v: Located, _ what: String) throws -> String {
            let s = try text(v, what, max: 40)
            guard s.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }) else {
                throw Fail(line: v.line, problem: "\(what) ‘\(s)’ may hold only a-z, 0-9 and _")
            }
            return s
        }

        /// A list of {code, label, flags…} objects with unique codes and labels.
        func entries(_ v: Located, _ what: String, flags: [String], hours: Bool = false, codes: Bool = true) throws -> [Entry] {
            var out: [Entry] = []
            var allowed = ["label"] + flags
            if codes { allowed.insert("code", at: 0) }
            if hours { allowed.append("default_hours") }
            for item in try array(v, what) {
                let m = try members(item, "an entry of \(what)", allowed: allowed, required: codes ? ["code", "label"] : ["label"])
                let code = try m["code"].map { try self.code($0.value, "the code") } ?? String(out.count)
                let label = try text(m["label"]?.value ?? item, "the label")
                var set: Set<String> = []
                for flag in flags where try bool(m[flag]?.value, "‘\(flag)’") { set.insert(flag) }
                var entry = Entry(code: code, label: label, flags: set)
                if let h = m["default_hours"]?.value {
                    guard case .number(let n) = h.value, n >= 0, n <= 60 else { throw Fail(line: h.line, problem: "‘default_hours’ must be a number from 0 to 60") }
                    entry.hours = n
                }
                if out.contains(where: { $0.code == code }) { throw Fail(line: item.line, problem: "the code ‘\(code)’ appears twice in \(what)") }
                if out.contains(where: { $0.label.lowercased() == label.lowercased() }) { throw Fail(line: item.line, problem: "the label ‘\(label)’ appears twice in \(what)") }
                out.append(entry)
            }
            return out
        }

        mutating func definition(_ root: Located) throws -> ProgrammeDefinition {
            let m = try members(root, "the programme", allowed: [
                "name", "short_name", "site_name", "municipality", "year_kind", "first_year", "last_year", "steering_group",
                "min_age", "max_age", "require_every_goal", "predicate", "goals", "organisation_kinds", "ikc_kinds",
                "area_classes", "funding_kinds", "staffing_roles", "conditions",
            ], required: ["name", "municipality", "year_kind", "first_year", "last_year", "goals", "organisation_kinds", "ikc_kinds",
                          "area_classes", "funding_kinds", "staffing_roles"])
            func at(_ key: String) -> Located { m[key]?.value ?? root }
            let name = try text(at("name"), "‘name’")
            let kindText = try text(at("year_kind"), "‘year_kind’")
            guard let yearKind = Programme.YearKind(rawValue: kindText) else {
                throw Fail(line: at("year_kind").line, problem: "‘year_kind’ must be \"school\" or \"calendar\", not ‘\(kindText)’")
            }
            let first = try int(at("first_year"), "‘first_year’", ProgrammeGeneralForm.years)
            let last = try int(at("last_year"), "‘last_year’", ProgrammeGeneralForm.years)
            guard last >= first else {
                throw Fail(line: at("last_year").line, problem: "the year range runs backwards: ‘last_year’ \(last) is before ‘first_year’ \(first)")
            }
            var p = Programme(name: name, municipality: try text(at("municipality"), "‘municipality’"), firstYear: first, lastYear: last, yearKind: yearKind)
            p.shortName = try m["short_name"].map { try text($0.value, "‘short_name’") } ?? name
            p.siteName = try m["site_name"].map { try text($0.value, "‘site_name’") } ?? p.shortName
            p.steeringGroup = try m["steering_group"].map { try text($0.value, "‘steering_group’") } ?? "Stuurgroep"
            p.minAge = try m["min_age"].map { try int($0.value, "‘min_age’", ProgrammeGeneralForm.ages) } ?? 0
            p.maxAge = try m["max_age"].map { try int($0.value, "‘max_age’", ProgrammeGeneralForm.ages) } ?? 12
            if p.maxAge < p.minAge { throw Fail(line: at("max_age").line, problem: "‘max_age’ \(p.maxAge) is below ‘min_age’ \(p.minAge)") }
            p.requiresEveryGoal = try bool(m["require_every_goal"]?.value, "‘require_every_goal’")
            if let predicate = m["predicate"]?.value, predicate.value != .null {
                let pm = try members(predicate, "‘predicate’", allowed: ["term_years", "reassessment_years"], required: ["term_years", "reassessment_years"])
                p.plusTermYears = try int(pm["term_years"]?.value ?? predicate, "‘term_years’", 1...20)
                p.plusReassessmentYears = try int(pm["reassessment_years"]?.value ?? predicate, "‘reassessment_years’", 1...20)
            }
            var goals: [String] = []
            for item in try array(at("goals"), "‘goals’") {
                let gm = try members(item, "a goal", allowed: ["name"], required: ["name"])
                let goal = try text(gm["name"]?.value ?? item, "the goal’s name")
                if goals.contains(where: { $0.lowercased() == goal.lowercased() }) { throw Fail(line: item.line, problem: "the goal ‘\(goal)’ appears twice") }
                goals.append(goal)
            }
            let organisationKinds = try entries(at("organisation_kinds"), "‘organisation_kinds’", flags: ["signs"])
            for code in ["gemeente", "koepel", "kinderopvang", "partner"] where !organisationKinds.contains(where: { $0.code == code }) {
                throw Fail(line: at("organisation_kinds").line, problem: "‘organisation_kinds’ needs the code ‘\(code)’ (its label may be the programme’s own word)")
            }
            let ikcKinds = try entries(at("ikc_kinds"), "‘ikc_kinds’", flags: ["in_programme", "carries_predicate"])
            if ikcKinds.filter({ $0.flags.contains("carries_predicate") }).count > 1 {
                throw Fail(line: at("ikc_kinds").line, problem: "at most one IKC kind may carry the predicate")
            }
            if ikcKinds.contains(where: { $0.flags.contains("carries_predicate") }) && m["predicate"] == nil {
                throw Fail(line: at("ikc_kinds").line, problem: "an IKC kind carries the predicate, but there is no ‘predicate’ with its term")
            }
            let areaClasses = try entries(at("area_classes"), "‘area_classes’", flags: ["qualifies"], codes: false)
            let conditions = try m["conditions"].map { try array($0.value, "‘conditions’", minimum: 0).map { try text($0, "a condition", max: 1000) } } ?? []
            return ProgrammeDefinition(programme: p, goals: goals, organisationKinds: organisationKinds, ikcKinds: ikcKinds, areaClasses: areaClasses,
                                       fundingKinds: try entries(at("funding_kinds"), "‘funding_kinds’", flags: []),
                                       staffingRoles: try entries(at("staffing_roles"), "‘staffing_roles’", flags: [], hours: true),
                                       conditions: conditions)
        }
    }
}
