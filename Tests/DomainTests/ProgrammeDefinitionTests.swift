import Domain
import Foundation
import Testing

@Suite("Programme definition files: JSON with a line for every problem")
struct ProgrammeDefinitionTests {
    static let minimal = """
        {
          "name": "Programma",
          "municipality": "gemeente X",
          "year_kind": "school",
          "first_year": 2025,
          "last_year": 2028,
          "goals": [ { "name": "Eerste doel" }, { "name": "Tweede \\"doel\\" \\u00e9" } ],
          "organisation_kinds": [
            { "code": "gemeente", "label": "Gemeente", "signs": true },
            { "code": "koepel", "label": "Schoolbestuur", "signs": true },
            { "code": "kinderopvang", "label": "Kinderopvang" },
            { "code": "partner", "label": "Partner" }
          ],
          "ikc_kinds": [ { "code": "ikc", "label": "IKC", "in_programme": true } ],
          "area_classes": [ { "label": "Gewoon" }, { "label": "Extra" }, { "label": "Veel extra", "qualifies": true } ],
          "funding_kinds": [ { "code": "gemeente", "label": "Gemeente" } ],
          "staffing_roles": [ { "code": "coach", "label": "Coach", "default_hours": 8 } ]
        }
        """

    @Test("a minimal file reads with defaults, escapes and a three-level area scale")
    func minimal() throws {
        let d = try ProgrammeDefinition.parse(Self.minimal)
        #expect(d.programme.name == "Programma" && d.programme.shortName == "Programma" && d.programme.siteName == "Programma")
        #expect(d.programme.yearKind == .school && d.programme.years == 2025...2028)
        #expect(d.goals == ["Eerste doel", "Tweede \"doel\" é"])
        #expect(d.areaClasses.map(\.label) == ["Gewoon", "Extra", "Veel extra"])
        #expect(d.staffingRoles.first?.hours == 8)
        #expect(d.conditions.isEmpty)
    }

    func problem(_ text: String) -> ProgrammeDefinition.Problem? {
        do {
            _ = try ProgrammeDefinition.parse(text)
            return nil
        } catch let problem as ProgrammeDefinition.Problem {
            return problem
        } catch {
            return nil
        }
    }

    @Test("each problem names its line")
    func lines() {
        #expect(problem(Self.minimal.replacingOccurrences(of: "\"school\"", with: "\"semester\""))
                == .init(line: 4, problem: "‘year_kind’ must be \"school\" or \"calendar\", not ‘semester’"))
        #expect(problem(Self.minimal.replacingOccurrences(of: "\"ikc\", \"label\"", with: "\"IKC!\", \"label\""))?.line == 14)
        #expect(problem(Self.minimal.replacingOccurrences(of: "\"code\": \"partner\"", with: "\"code\": \"partners\""))?.problem
                == "‘organisation_kinds’ needs the code ‘partner’ (its label may be the programme’s own word)")
        #expect(problem(Self.minimal.replacingOccurrences(of: "{ \"label\": \"Extra\" }", with: "{ \"label\": \"Gewoon\" }"))
                == .init(line: 15, problem: "the label ‘Gewoon’ appears twice in ‘area_classes’"))
        #expect(problem("{\n  \"name\": \"a\n}")?.line == 2)
        #expect(problem("")?.problem == "not valid JSON: the file ends in the middle of a value")
    }
}
