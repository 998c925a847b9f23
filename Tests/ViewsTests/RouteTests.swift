import Domain
import Testing
import Views

@Suite("Routes")
struct RouteTests {
    @Test("every case of every route enum has an example (a new case without one fails here)")
    func examplesCoverEveryCase() {
        let named = Route.examples.map(\.caseName)
        #expect(Set(named) == Set(Route.allCaseNames))
        #expect(Set(named).count == named.count, "one example per case")
        #expect(named.count > 60)
    }

    @Test("every printed route parses back to itself", arguments: Route.examples)
    func roundTrip(route: Route) {
        #expect(Route(path: route.path) == route, "\(route.path)")
    }

    @Test("a trailing slash is tolerated, other empty segments and bad ids are not ours")
    func edges() {
        #expect(Route(path: "/ikcs/") == .ikcs(.index))
        #expect(Route(path: "/ikcs//edit") == nil)
        #expect(Route(path: "/ikcs/01") == nil)
        #expect(Route(path: "/ikcs/-1") == nil)
        #expect(Route(path: "ikcs") == nil)
        #expect(Route(path: "/reports/99999") == nil)
        #expect(Route(path: "/wachtwoord/a.b") == nil)
    }

    @Test("every route answers GET or POST, and POST-only routes ask for more than reading")
    func methodsAndRules() {
        for route in Route.examples {
            #expect(route.methods.contains("GET") || route.methods.contains("POST"), "\(route.path)")
            if route.methods == ["POST"], let (action, _) = route.requirement(isPost: true) {
                #expect(action != .read, "\(route.path) is POST-only but needs only read")
            }
        }
    }
}
