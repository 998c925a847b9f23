import Domain
import Markup
import Views

/// Hand-made models for rendering pages without a database.
enum Fixture {
    static let hostile = "<script>alert(\"x\")</script> & Zn"
    static let escapedHostile = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zn"

    static let projectleader = Principal(userID: 1, name: "Pien de Vries", email: "pl@example.org", role: .projectleider)
    static let programme = Programme(name: "Kansen voor Kinderen 2", municipality: "gemeente Leeuwarden",
                                     firstYear: 2021, lastYear: 2028, yearKind: .school)
    static let context = PageContext(principal: projectleader, csrfToken: "csrf-token-1", programme: programme)
    static let anonymous = PageContext(principal: nil, csrfToken: "login-token")

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day {
        Day(year: year, month: month, day: day) ?? Day(ordinal: 0)
    }
}

extension HTML {
    /// The rendered page, for assertions.
    var text: String { rendered }
}
