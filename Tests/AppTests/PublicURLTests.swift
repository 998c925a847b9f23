import App
import Foundation
import Testing
import TestSupport

@Suite("Absolute links come from the configured public URL, never from the request")
struct PublicURLTests {
    @Test("a set-password link and a share link use the public URL even when the request says Host: evil.example")
    func linksIgnoreHostHeader() throws {
        let app = try TestApp { $0.publicURL = "https://plusikc.example.nl" }
        let leader = try app.browser(loggedInAs: .projectleider)
        leader.host = "evil.example"
        _ = try leader.get("/users/new")
        let created = try leader.post("/users/new", [("name", "Sjoukje Bakker"), ("email", "s.bakker@example.org"), ("role", "ontwikkelgroep")])
        #expect(created.status == 200)
        #expect(created.contains("https://plusikc.example.nl/wachtwoord/"))
        #expect(!created.contains("evil.example"))

        _ = try leader.get("/reports/2024")
        let editionPath = try #require(try leader.post("/reports/2024/publish", []).location)
        _ = try leader.get(editionPath)
        let shared = try leader.post(editionPath + "/share", [])
        #expect(shared.status == 200)
        #expect(shared.contains("https://plusikc.example.nl/share/"))
        #expect(!shared.contains("evil.example"))
    }

    @Test("a public URL is http or https with a host and perhaps a port and a trailing slash, nothing more")
    func validation() {
        #expect(PublicURL.validated("https://plusikc.example.nl") == "https://plusikc.example.nl")
        #expect(PublicURL.validated("HTTP://127.0.0.1:8080/") == "http://127.0.0.1:8080")
        #expect(PublicURL.validated("http://[::1]:8080") == "http://[::1]:8080")
        for bad in ["ftp://example.nl", "example.nl", "https://", "https://example.nl/app", "https://example.nl/?x=1",
                    "https://example.nl#top", "https://user@example.nl", "https://example.nl:0", "https://example.nl:99999",
                    "https://exa mple.nl", "https://example.nl:8o"] {
            #expect(PublicURL.validated(bad) == nil, "\(bad)")
        }
    }
}
