import Domain
import Testing

@Suite("Grid field names")
struct GridFieldTests {
    static let fields: [GridField] = [
        .target(resultID: 7, year: 2024), .target(resultID: 123_456, year: 2031), .target(resultID: -1, year: 2024),
        .contribution(organisationID: 1, sourceID: 2, year: 2024), .contribution(organisationID: 40, sourceID: 9, year: 2028),
        .staffing(role: "ib", year: 2025), .staffing(role: "jo_0_12", year: 2026), .staffing(role: "x_2024", year: 2027),
        .payer(role: "ib"), .payer(role: "jo_0_12"),
    ]

    @Test("every printed name parses back to the same field")
    func roundTrip() {
        for field in GridFieldTests.fields {
            #expect(GridField(name: field.name) == field, "\(field.name)")
        }
    }

    @Test("a target is named t_<result id>_<year>, as the forms and the tests post it")
    func targetName() {
        #expect(GridField.target(resultID: 7, year: 2024).name == "t_7_2024")
        #expect(GridField(name: "t_7_2024") == .target(resultID: 7, year: 2024))
        #expect(GridField.contribution(organisationID: 1, sourceID: 2, year: 2024).name == "c_1_2_2024")
        #expect(GridField.staffing(role: "jo_0_12", year: 2024).name == "s_jo_0_12_2024")
        #expect(GridField.payer(role: "jo_0_12").name == "paid_jo_0_12")
    }

    @Test("other inputs and grid names with words where numbers belong are no grid field")
    func otherNames() {
        for name in ["lock_version", "csrf", "t_7", "t_x_2024", "t_7_8_2024", "t_7_year", "c_1_2024", "c_a_2_2024", "rows", ""] {
            #expect(GridField(name: name) == nil, "\(name)")
        }
        #expect(GridField.isMalformedContribution("c_a_2_2024"))
        #expect(!GridField.isMalformedContribution("c_1_2_2024"))
        #expect(!GridField.isMalformedContribution("c_1_2_jaar"))
    }
}
