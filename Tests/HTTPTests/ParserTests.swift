import Testing
import Glibc
@testable import HTTP

/// Feeds `text` to a fresh parser; the request or the refusal status.
func parse(_ text: String, limits: ParserLimits = ParserLimits(), bodyLimit: Int? = nil,
           byteByByte: Bool = false) -> (request: Request?, status: Int?) {
    parse(bytes: Array(text.utf8), limits: limits, bodyLimit: bodyLimit, byteByByte: byteByByte)
}

func parse(bytes: [UInt8], limits: ParserLimits = ParserLimits(), bodyLimit: Int? = nil,
           byteByByte: Bool = false) -> (request: Request?, status: Int?) {
    var parser = RequestParser(limits: limits)
    var buffer: [UInt8] = []
    var offset = 0
    let chunks: [[UInt8]] = byteByByte ? bytes.map { [$0] } : [bytes]
    for chunk in chunks {
        buffer.append(contentsOf: chunk)
        parsing: while true {
            switch parser.parse(buffer, from: &offset) {
            case .needMore: break parsing
            case .head(let head):
                parser.bodyLimit = bodyLimit ?? limits.body
                if case .length(let length) = head.framing, length > parser.bodyLimit { return (nil, 413) }
            case .request(let head, let body): return (head.request(body: body, remoteAddress: "test"), nil)
            case .failure(let failure): return (nil, failure.status)
            }
        }
    }
    return (nil, nil)
}

func status(_ text: String) -> Int? { parse(text).status }

@Suite("Request parsing (RFC 9112)")
struct ParserTests {
    @Test("a GET with a query parses into method, path, query and headers")
    func simpleGet() throws {
        let request = try #require(parse("GET /a%20b/c?x=1&y=2&x=3 HTTP/1.1\r\nHost: example.org\r\nX-A: one \r\n\r\n").request)
        #expect(request.method == .GET)
        #expect(request.target == "/a%20b/c?x=1&y=2&x=3")
        #expect(request.path == "/a b/c")
        #expect(request.query.all("x") == ["1", "3"])
        #expect(request.query["y"] == "2")
        #expect(request.headers["x-a"] == "one")
        #expect(request.version == .http1_1)
        #expect(request.body.isEmpty)
    }

    @Test("the parser gives the same result when bytes arrive one at a time")
    func byteByByte() throws {
        let text = "POST /f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nT: x\r\n\r\n"
        let request = try #require(parse(text, byteByByte: true).request)
        #expect(request.body == Array("abcde".utf8))
    }

    @Test("leading empty lines before the request line are ignored")
    func leadingEmptyLines() {
        #expect(parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").request != nil)
    }

    @Test("a Content-Length body is read exactly")
    func contentLength() throws {
        let request = try #require(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloEXTRA").request)
        #expect(request.body == Array("hello".utf8))
    }

    @Test("identical repeated Content-Length values are accepted")
    func repeatedSameLength() {
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi").request != nil)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n\r\nhi").request != nil)
    }

    @Test("chunked bodies are decoded and trailers discarded")
    func chunked() throws {
        let request = try #require(parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n").request)
        #expect(request.body == Array("0123456789".utf8))
        #expect(request.headers["X-T"] == nil)
    }

    @Test("request smuggling shapes are refused with 400", arguments: [
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 4\r\n\r\nabcd",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\nhello",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ])
    func smuggling(_ text: String) {
        #expect(status(text) == 400)
    }

    @Test("a transfer-coding other than chunked gets 501", arguments: [
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: identity\r\n\r\n",
    ])
    func unknownCoding(_ text: String) {
        #expect(status(text) == 501)
    }

    @Test("malformed heads are refused with 400", arguments: [
        "GET / HTTP/1.1\r\nHost: h\r\nX-A: b\r\n c\r\n\r\n",            // obs-fold
        "GET / HTTP/1.1\r\nHost: h\r\nX A: b\r\n\r\n",                  // space in name
        "GET / HTTP/1.1\r\nHost: h\r\nX-A : b\r\n\r\n",                 // space before colon
        "GET / HTTP/1.1\r\nHost: h\r\nX-A\t: b\r\n\r\n",                // tab before colon
        "GET / HTTP/1.1\r\nHost: h\r\nX\u{1}A: b\r\n\r\n",              // control in name
        "GET / HTTP/1.1\r\nHost: h\r\nX-A: b\u{7}c\r\n\r\n",            // control in value
        "GET / HTTP/1.1\r\nHost: h\r\nX-A: b\rc\r\n\r\n",               // bare CR in value
        "GET / HTTP/1.1\r\nHost: h\nX-A: b\r\n\r\n",                    // bare LF
        "GET / HTTP/1.1\nHost: h\n\n",                                  // LF-only lines
        "GET /\r HTTP/1.1\r\nHost: h\r\n\r\n",                          // bare CR in request line
        "GET / HTTP/1.1\r\nHost: h\r\nX-A: \u{0}\r\n\r\n",              // NUL
        "GET /\u{0} HTTP/1.1\r\nHost: h\r\n\r\n",                       // NUL in target
        "GET / HTTP/1.1\r\n\r\n",                                       // missing Host
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",                 // two Hosts
        "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",                          // invalid Host
        "GET / HTTP/1.1\r\nHost: user@evil\r\n\r\n",                    // userinfo in Host
        "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n",                          // path in Host
        "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",                           // two spaces
        "GET / HTTP/1.1 \r\nHost: h\r\n\r\n",                           // trailing space
        "GET / HTTP/1\r\nHost: h\r\n\r\n",                              // bad version
        "GET / http/1.1\r\nHost: h\r\n\r\n",                            // lowercase version
        "GET\r\nHost: h\r\n\r\n",                                       // no target
        "GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n",                         // bad escape
        "GET /%00 HTTP/1.1\r\nHost: h\r\n\r\n",                         // encoded NUL
        "GET * HTTP/1.1\r\nHost: h\r\n\r\n",                            // asterisk-form
        "GET / HTTP/1.1\r\n: empty\r\nHost: h\r\n\r\n",                 // empty name
        "GET / HTTP/1.1\r\nNoColon\r\nHost: h\r\n\r\n",                 // no colon
        " GET / HTTP/1.1\r\nHost: h\r\n\r\n",                           // leading space
        "G(T / HTTP/1.1\r\nHost: h\r\n\r\n",                            // method not a token
    ])
    func malformed(_ text: String) {
        #expect(status(text) == 400)
    }

    @Test("a Host with an invalid port or host gets 400 (RFC 9112 §3.2)", arguments: [
        "127.0.0.1:8o", "127.0.0.1:99999", "example.org:x", "example.org:-1", "example.org:+80", "a:1:2",
        "[::1]x", "[::1]:http", "[]", "[::1", "exa%zzmple.org", "exa%2", "example.org: 80",
    ])
    func invalidHost(_ host: String) {
        #expect(status("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n") == 400)
    }

    @Test("a Host with a valid name and port is accepted", arguments: [
        "127.0.0.1:8080", "example.org", "example.org:", "example.org:65535", "[::1]", "[::1]:8080",
        "xn--bcher-kva.example", "a%41b.example", "",
    ])
    func validHost(_ host: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").request != nil)
    }

    @Test("a major version other than 1 gets 505")
    func majorVersion() {
        #expect(status("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == 505)
        #expect(status("GET / HTTP/0.9\r\nHost: h\r\n\r\n") == 505)
    }

    @Test("HTTP/1.2 is served as HTTP/1.1")
    func higherMinor() throws {
        let request = try #require(parse("GET / HTTP/1.2\r\nHost: h\r\n\r\n").request)
        #expect(request.version == .http1_1)
    }

    @Test("HTTP/1.0 needs no Host and closes unless keep-alive is asked")
    func http10() throws {
        let plain = try #require(parse("GET / HTTP/1.0\r\n\r\n").request)
        #expect(plain.version == .http1_0)
        #expect(!plain.keepAlive)
        let kept = try #require(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").request)
        #expect(kept.keepAlive)
        let closing = try #require(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").request)
        #expect(!closing.keepAlive)
    }

    @Test("any method token is parsed and handed on, case-sensitively (RFC 9110 §9.1)")
    func otherMethods() throws {
        let put = try #require(parse("PUT / HTTP/1.1\r\nHost: h\r\n\r\n").request)
        #expect(put.method.rawValue == "PUT")
        #expect(put.method != .POST)
        let brew = try #require(parse("BREW / HTTP/1.1\r\nHost: h\r\n\r\n").request)
        #expect(brew.method == HTTPMethod(rawValue: "BREW"))
        let lower = try #require(parse("get / HTTP/1.1\r\nHost: h\r\n\r\n").request)
        #expect(lower.method != .GET)
        #expect(try #require(parse("POST / HTTP/1.1\r\nHost: h\r\n\r\n").request).method == .POST)
        #expect(HTTPMethod(rawValue: "G(T") == nil)
        #expect(HTTPMethod(rawValue: "") == nil)
    }

    @Test("absolute-form targets are accepted and give their path")
    func absoluteForm() throws {
        let request = try #require(parse("GET http://example.org/a/b?q=1 HTTP/1.1\r\nHost: example.org\r\n\r\n").request)
        #expect(request.path == "/a/b")
        #expect(request.query["q"] == "1")
        let bare = try #require(parse("GET http://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n").request)
        #expect(bare.path == "/")
    }

    @Test("the path is percent-decoded exactly once")
    func decodedOnce() throws {
        let request = try #require(parse("GET /a%252e%2F/b HTTP/1.1\r\nHost: h\r\n\r\n").request)
        #expect(request.path == "/a%2e//b")
    }

    @Test("a request line over 8 KiB gets 414, even before it ends")
    func longRequestLine() {
        let long = "GET /" + String(repeating: "a", count: 9000)
        #expect(status(long + " HTTP/1.1\r\nHost: h\r\n\r\n") == 414)
        #expect(status(long) == 414)
    }

    @Test("a header section over 32 KiB or 100 fields gets 431")
    func largeHeaders() {
        let big = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "b", count: 33 * 1024) + "\r\n\r\n"
        #expect(status(big) == 431)
        let many = "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        #expect(status(many) == 431)
        let hundred = "GET / HTTP/1.1\r\nHost: h\r\n" + (0..<99).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        #expect(parse(hundred).request != nil)
    }

    @Test("a body over the limit gets 413, declared or chunked")
    func bodyLimit() {
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n", bodyLimit: 10).status == 413)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n",
                      bodyLimit: 10).status == 413)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n").status == 413)
    }

    @Test("Expect: 100-continue is noticed on HTTP/1.1")
    func expectContinue() {
        var parser = RequestParser()
        var offset = 0
        let bytes = Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8)
        guard case .head(let head) = parser.parse(bytes, from: &offset) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.expectsContinue)
    }

    @Test("pipelined requests in one buffer are parsed one after another")
    func pipelined() {
        var parser = RequestParser()
        var offset = 0
        let bytes = Array("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        var paths: [String] = []
        while case .request(let head, _) = parser.parse(bytes, from: &offset) { paths.append(head.path) }
        #expect(paths == ["/1", "/2"])
        #expect(offset == bytes.count)
    }
}

@Suite("Request values")
struct ValueTests {
    @Test("urlencoded forms keep repeated keys in order, + is a space")
    func forms() {
        let form = FormValues(parsing: "a=1&b=hello+world&a=2&c=%C3%A9%26&empty=&flag")
        #expect(form.all("a") == ["1", "2"])
        #expect(form["b"] == "hello world")
        #expect(form["c"] == "é&")
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form["missing"] == nil)
    }

    @Test("a request's form values come from an urlencoded body only")
    func requestForm() {
        let form = Request(method: .POST, target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
                           body: "email=a%40b.nl&csrf=x")
        #expect(form.formValues()["email"] == "a@b.nl")
        let json = Request(method: .POST, target: "/", headers: ["Content-Type": "application/json"], body: "email=a")
        #expect(json.formValues().isEmpty)
    }

    @Test("headers are case-insensitive and keep order")
    func headers() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.add("Set-Cookie", "a=1")
        headers.add("set-cookie", "b=2")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        headers.set("Set-Cookie", "c=3")
        #expect(headers.values(for: "Set-Cookie") == ["c=3"])
        headers.remove("CONTENT-TYPE")
        #expect(headers["Content-Type"] == nil)
    }

    @Test("cookies are parsed from every Cookie field")
    func cookies() {
        let request = Request(headers: HTTPHeaders([("Cookie", "session=abc; theme=\"dark\""), ("Cookie", "x=1")]))
        #expect(request.cookies == ["session": "abc", "theme": "dark", "x": "1"])
    }

    @Test("a cookie's header value carries its attributes and cannot be forged")
    func setCookie() {
        var response = Response.text("ok")
        response.setCookie(Cookie(name: "session", value: "abc", maxAge: 3600, secure: true))
        #expect(response.headers["Set-Cookie"] == "session=abc; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax")
        #expect(Cookie(name: "a", value: "x; Domain=evil").headerValue.hasPrefix("a=xDomain=evil; Path=/"))
    }

    @Test("multipart form data gives named parts with file names")
    func multipart() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n"
            + "--XyZ--\r\n"
        let request = Request(method: .POST, target: "/upload", headers: ["Content-Type": "multipart/form-data; boundary=XyZ"], body: body)
        let parts = try #require(request.multipartParts())
        #expect(parts.count == 2)
        #expect(parts[0].name == "title" && parts[0].text == "Hello" && parts[0].filename == nil)
        #expect(parts[1].filename == "a b.txt")
        #expect(parts[1].contentType == "text/plain")
        #expect(parts[1].text == "line1\r\nline2")
        let broken = Request(method: .POST, target: "/", headers: ["Content-Type": "multipart/form-data; boundary=XyZ"], body: "--XyZ\r\nnope")
        #expect(broken.multipartParts() == nil)
    }

    @Test("HTTP dates format and parse as IMF-fixdate")
    func dates() {
        #expect(HTTPDate.format(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
    }

    @Test("a response is serialized with Date, Content-Length and Connection in one buffer")
    func serialize() {
        let bytes = ResponseWriter.serialize(.text("hi"), head: false, keepAlive: true, date: Array("D".utf8))
        #expect(String(decoding: bytes, as: UTF8.self)
            == "HTTP/1.1 200 OK\r\nDate: D\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nhi")
        let head = ResponseWriter.serialize(.text("hi"), head: true, keepAlive: false, date: Array("D".utf8))
        #expect(String(decoding: head, as: UTF8.self).hasSuffix("Content-Length: 2\r\nConnection: close\r\n\r\n"))
        var split = Response.text("x")
        split.headers.add("X-Evil", "a\r\nSet-Cookie: b=1")
        #expect(!String(decoding: ResponseWriter.serialize(split, head: false, keepAlive: true, date: []), as: UTF8.self)
            .contains("\r\nSet-Cookie"))
    }

    @Test("a prepared response sends the bytes an unprepared one would, until its fields change")
    func prepared() {
        var response = Response.text("hi")
        response.headers.set("Cache-Control", "no-store")
        response.headers.add("X-Evil", "a\r\nSet-Cookie: b=1")
        response.headers.add("Content-Length", "99")
        let plain = ResponseWriter.serialize(response, head: false, keepAlive: true, date: Array("D".utf8))
        response.prepare()
        #expect(response.preparedFields != nil)
        #expect(ResponseWriter.serialize(response, head: false, keepAlive: true, date: Array("D".utf8)) == plain)
        #expect(ResponseWriter.serialize(response, head: true, keepAlive: false, date: Array("D".utf8))
            == ResponseWriter.serialize(Response(status: 200, headers: response.headers, body: [0x68, 0x69]), head: true,
                                        keepAlive: false, date: Array("D".utf8)))
        let text = String(decoding: plain, as: UTF8.self)
        #expect(!text.contains("\r\nSet-Cookie") && !text.contains("Content-Length: 99"))
        // Any change to the fields drops the prepared bytes; the next answer shows the change.
        response.headers.set("Cache-Control", "max-age=1")
        #expect(response.preparedFields == nil)
        #expect(String(decoding: ResponseWriter.serialize(response, head: false, keepAlive: true, date: []), as: UTF8.self)
            .contains("\r\nCache-Control: max-age=1\r\n"))
        response.prepare()
        response.setCookie(Cookie(name: "s", value: "1"))
        #expect(String(decoding: ResponseWriter.serialize(response, head: false, keepAlive: true, date: []), as: UTF8.self)
            .contains("\r\nSet-Cookie: s=1"))
    }

    @Test("static files carry the given fields on every answer: 200, 304, 404 and 405")
    func staticFields() throws {
        let root = "/tmp/plusikc-static-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(root, 0o755)
        defer { unlink(root + "/a.css"); rmdir(root) }
        let file = fopen(root + "/a.css", "w")
        fputs("body{}", file)
        fclose(file)
        let files = StaticFiles(root: root, headers: ["X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff"])
        let ok = try #require(files.response(for: Request(target: "/static/a.css")))
        #expect(ok.status == 200 && ok.body == Array("body{}".utf8) && ok.preparedFields != nil)
        let etag = try #require(ok.headers["ETag"])
        let notModified = try #require(files.response(for: Request(target: "/static/a.css", headers: ["If-None-Match": etag])))
        let missing = try #require(files.response(for: Request(target: "/static/b.css")))
        let post = try #require(files.response(for: Request(method: .POST, target: "/static/a.css")))
        #expect([notModified.status, missing.status, post.status] == [304, 404, 405])
        for response in [ok, notModified, missing, post] {
            #expect(response.headers["X-Frame-Options"] == "DENY" && response.headers["X-Content-Type-Options"] == "nosniff")
        }
        let text = String(decoding: ResponseWriter.serialize(ok, head: false, keepAlive: true, date: []), as: UTF8.self)
        #expect(text.contains("\r\nContent-Type: text/css; charset=utf-8\r\nX-Frame-Options: DENY\r\n"))
        #expect(text.hasSuffix("Content-Length: 6\r\nConnection: keep-alive\r\n\r\nbody{}"))
    }

    @Test("a kept form is parsed once and read back as it was")
    func keptForm() {
        var request = Request(method: .POST, target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                              body: "csrf=t&a=1&a=2")
        request.keepForm()
        #expect(request.formValues()["csrf"] == "t" && request.formValues().all("a") == ["1", "2"])
        var other = Request(method: .POST, target: "/", headers: ["Content-Type": "text/plain"], body: "csrf=t")
        other.keepForm()
        #expect(other.formValues().isEmpty)
    }

    @Test("a thrown error in a guarded handler becomes a 500 page")
    func guarded() {
        struct Boom: Error {}
        let response = Response.guarded(Request()) { throw Boom() }
        #expect(response.status == 500)
    }
}

@Suite("Parser robustness")
struct FuzzTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    @Test("random bytes and mutated requests never crash the parser and get a 4xx/5xx or a request")
    func fuzz() {
        var random = SplitMix(state: 42)
        let seeds = [
            "POST /a?b=c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nCookie: a=b\r\n\r\nhello",
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nT: 1\r\n\r\n",
            "GET http://h/x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        ].map { Array($0.utf8) }
        let interesting: [UInt8] = [0, 9, 10, 13, 32, 37, 43, 44, 45, 46, 47, 48, 58, 59, 65, 70, 102, 127, 255]
        for round in 0..<3000 {
            var bytes: [UInt8]
            if round % 4 == 0 {
                bytes = (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                bytes = seeds[round % seeds.count]
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[index] = interesting.randomElement(using: &random) ?? 0
                    case 1: bytes.remove(at: index)
                    default: bytes.insert(interesting.randomElement(using: &random) ?? 0, at: index)
                    }
                }
            }
            let result = parse(bytes: bytes, bodyLimit: 1000, byteByByte: round % 2 == 0)
            if let status = result.status { #expect((400...505).contains(status)) }
        }
    }
}

@Suite("Redirect targets")
struct RedirectTests {
    @Test("a Location is percent-encoded ASCII: non-ASCII, controls and spaces are escaped", arguments: [
        ("/。evil", "/%E3%80%82evil"),
        ("/a b\t\u{7F}", "/a%20b%09%7F"),
        ("/x\"<>\\^`{|}", "/x%22%3C%3E%5C%5E%60%7B%7C%7D"),
        ("/100%", "/100%25"),
        ("/%zz%4", "/%25zz%254"),
    ])
    func encoded(_ location: String, _ expected: String) {
        let header = Response.redirect(to: location).headers["Location"]
        #expect(header == expected)
        #expect(header?.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } == true)
    }

    @Test("a valid reference keeps its reserved characters and escapes unchanged", arguments: [
        "/", "/ikcs/3?tab=plans&x=%C3%A9#top", "/login?next=%2Fikcs", "https://example.org:8080/a;b=c/@d!$'()*+,",
        "/a%2Fb", "/[v]~._-",
    ])
    func unchanged(_ location: String) {
        #expect(Response.redirect(to: location).headers["Location"] == location)
    }
}
