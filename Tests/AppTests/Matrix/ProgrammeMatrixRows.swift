import Domain
import Testing
import TestSupport

extension AuthorizationMatrixTests {
    /// The programme settings (issue 22): project leaders only.
    static let programmeRows: [Row] = [
        Row(method: "GET", path: "/programma", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/programma", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/programma/doelen", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/programma/organisatiesoorten", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
    ]
}

extension AuthorizationMatrixTests {
    /// The authorisation matrix holds for a second programme too (issue 22): the roles are the
    /// same, only words and parties differ. The generated rows (route-level rules on every route
    /// example) and the programme's own rows, on the Amsterdam West demo.
    @Test("generated from Route.examples: every role gets what the rules allow on the Amsterdam West demo",
          arguments: [Role.projectleider, .ontwikkelgroep, .directeur])
    func generatedMatrixAmsterdamWest(role: Role) throws {
        let app = try TestApp(template: try DatabaseTemplate.amsterdamWest())
        let browser = try app.browser(loggedInAs: role)
        for row in Self.generatedRows + Self.programmeRows {
            try check(row, role: role, app: app, browser: browser)
        }
    }
}
