import HTTP
import Testing
import TestSupport

/// HTTP rules the application answers for over a real socket: methods a resource does not have
/// (RFC 9110 §15.5.6) and redirect targets (RFC 9110 §10.2.2).
@Suite("Methods and redirects over a real socket")
struct ProtocolTests {
    @Test("a method a known path does not have gets 405 with Allow; an unknown path stays 404")
    func methodNotAllowed() throws {
        let app = try TestApp(seed: false)
        let put = try RawHTTPClient.exchange(port: app.port, "PUT /ikcs HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        #expect(put.status == 405)
        #expect(put.header("Allow") == "GET, HEAD")
        let delete = try RawHTTPClient.exchange(port: app.port, "DELETE /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(delete.status == 405)
        #expect(delete.header("Allow") == "GET, HEAD")
        let options = try RawHTTPClient.exchange(port: app.port, "OPTIONS /login HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(options.status == 405)
        #expect(options.header("Allow") == "GET, HEAD, POST")
        let unknown = try RawHTTPClient.exchange(port: app.port, "PUT /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(unknown.status == 404)
    }

    @Test("a log-in's next path with non-ASCII is sent percent-encoded; other hosts still land on /")
    func loginRedirectIsASCII() throws {
        let app = try TestApp()
        let account = app.account(.projectleider)
        let cases = [("/。evil", "/%E3%80%82evil"), ("/ikcs?q=é", "/ikcs?q=%C3%A9"), ("//evil.example", "/"),
                     ("/\\evil.example", "/"), ("/\t/evil.example", "/"), ("https://evil.example", "/")]
        for (next, expected) in cases {
            let browser = app.browser()
            _ = try browser.get("/login")
            let page = try browser.post("/login", [("email", account.email), ("password", account.password), ("next", next)])
            #expect(page.status == 303)
            #expect(page.location == expected, "next=\(next)")
            // Signed in, the log-in page sends the user on at once, through the same check.
            let again = try browser.get("/login?next=" + PercentEncoding.encode(next))
            #expect(again.location == expected, "next=\(next)")
        }
    }
}
