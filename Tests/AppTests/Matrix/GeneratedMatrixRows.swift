import Domain
import Testing
import TestSupport
import Views

/// The matrix rows generated from `Route.examples`: every case of every route, for each method it
/// answers, with the outcome the rules give (`Route.requirement` + `Authorization.allows`). A new
/// route without an example does not compile (RouteExamples.swift); one without a rule fails
/// here unless it is in `publicRoutes`. The examples use IKC 1's records (the demo director's),
/// so what is tested is the route-level rule; ownership of other IKCs' records is in the hand rows.
extension AuthorizationMatrixTests {
    /// Routes that need no log-in, by case name. Anything else must have a rule.
    static let publicRoutes: Set<String> = ["session.login", "session.logout", "health", "session.setPassword", "accessibility", "reports.shared", "reports.sharedCSV", "twoFactor.code"]

    static func principal(_ role: Role) -> Principal {
        Principal(userID: 0, name: "", email: "", role: role, ikcIDs: role == .directeur ? [1] : [])
    }

    /// One row per example route and method, public routes left out.
    static var generatedRows: [Row] {
        var rows: [Row] = []
        for route in Route.examples {
            for method in ["GET", "POST"] where route.methods.contains(method) {
                guard let (action, kind) = route.requirement(isPost: method == "POST") else { continue }
                func expect(_ role: Role) -> Expect {
                    Authorization.allows(principal(role), action, kind) ? .allowed : .denied
                }
                rows.append(Row(method: method, path: route.path, projectleider: expect(.projectleider),
                                ontwikkelgroep: expect(.ontwikkelgroep), directeur: expect(.directeur)))
            }
        }
        return rows
    }

    @Test("every route without an authorisation rule is in the explicit list of public routes")
    func routesWithoutRuleArePublic() {
        for route in Route.examples {
            for method in ["GET", "POST"] where route.methods.contains(method) {
                let hasRule = route.requirement(isPost: method == "POST") != nil
                #expect(hasRule != Self.publicRoutes.contains(route.caseName),
                        "\(method) \(route.path) (\(route.caseName)): \(hasRule ? "has a rule but is listed public" : "has no rule and is not listed public")")
            }
        }
    }

    @Test("generated from Route.examples: every role gets what the rules allow on every route",
          arguments: [Role.projectleider, .ontwikkelgroep, .directeur])
    func generatedMatrix(role: Role) throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: role)
        let rows = Self.generatedRows
        #expect(rows.count > 70)
        for row in rows {
            try check(row, role: role, app: app, browser: browser)
        }
    }

    @Test("every public route answers a GET without a session and without sending it to log-in")
    func publicRoutesAnswerAnonymously() throws {
        let app = try TestApp()
        let browser = app.browser()
        for route in Route.examples where Self.publicRoutes.contains(route.caseName) && route.methods.contains("GET") {
            let page = try browser.get(route.path)
            #expect(page.location?.hasPrefix("/login?next=") != true, "\(route.path)")
            #expect(page.status != 403, "\(route.path)")
        }
    }

    @Test("every hand-written matrix row is a path of the site map")
    func handRowsAreRoutes() {
        for row in Self.rows {
            let path = String(row.path.prefix { $0 != "?" })
            #expect(Route(path: path) != nil, "\(row)")
        }
    }

    @Test("generated from Route.examples: without a session a GET redirects to log-in and a POST is refused")
    func generatedAnonymous() throws {
        let app = try TestApp()
        let browser = app.browser()
        for row in Self.generatedRows {
            if row.method == "GET" {
                let page = try browser.get(row.path)
                #expect(page.status == 303, "\(row)")
                #expect(page.location?.hasPrefix("/login?next=") == true, "\(row)")
            } else {
                #expect(try browser.post(row.path, [], csrf: .value("x")).status == 403, "\(row)")
            }
        }
    }
}
