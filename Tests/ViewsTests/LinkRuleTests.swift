import Domain
import Markup
import Testing
import Views

/// A page links a record only for who may open it: the rule table decides, not the page.
@Suite("Links only where they lead")
struct LinkRuleTests {
    static let director = PageContext(principal: Principal(userID: 3, name: "Dirk", email: "d@example.org", role: .directeur, ikcIDs: [1]),
                                      csrfToken: "t")

    @Test("a director may follow the own IKC, not another IKC, an area or the audit log")
    func director() {
        let context = Self.director
        #expect(context.mayFollow(.ikcs(.ikc(1)), ikcID: 1))
        #expect(!context.mayFollow(.ikcs(.ikc(2)), ikcID: 2))
        #expect(!context.mayFollow(.areas(.area(4))))
        #expect(!context.mayFollow(.audit(.index)))
        #expect(context.mayFollow(.accessibility))
        #expect(Components.link(.areas(.area(4)), "Vrijheidswijk", context: context).rendered == "Vrijheidswijk")
    }

    @Test("a project leader gets the link, escaped")
    func leader() {
        let html = Components.link(.areas(.area(4)), "\(Fixture.hostile)", context: Fixture.context).rendered
        #expect(html == "<a href=\"/areas/4\">\(Fixture.escapedHostile)</a>")
    }
}
