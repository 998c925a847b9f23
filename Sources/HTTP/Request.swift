// What a responder gets: the parsed request with its decoded path, query, headers, cookies
// and body, plus the body decoders (urlencoded forms, multipart/form-data) a handler asks for.

/// A complete, parsed HTTP request.
public struct Request: Sendable {
    /// The method token as sent (RFC 9110 §9); any token, not only GET, HEAD and POST.
    public var method: HTTPMethod
    /// The request-target exactly as received.
    public var target: String
    /// The path of the target, percent-decoded once (an absolute-form target contributes its path).
    public var path: String
    /// The query of the target, decoded as a form (`+` is a space, WHATWG URL §5.1).
    public var query: FormValues
    /// HTTP/1.0 or HTTP/1.1; a higher 1.x is recorded as 1.1 (RFC 9110 §2.5).
    public var version: HTTPVersion
    /// The header fields in the order received; trailer fields of a chunked body are dropped.
    public var headers: HTTPHeaders
    /// The whole body, de-chunked (RFC 9112 §7.1), at most the route's body limit.
    public var body: [UInt8]
    /// The peer's IPv4 address as text; behind a proxy this is the proxy.
    public var remoteAddress: String
    /// The urlencoded body once `keepForm()` parsed it, so that later readers do not parse it again.
    private var keptForm: FormValues?

    /// Builds a request; tests use it to call a responder without a socket.
    /// `path` and `query` are derived from `target` unless given.
    public init(method: HTTPMethod = .GET, target: String = "/", path: String? = nil,
                query: FormValues? = nil, version: HTTPVersion = .http1_1,
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], remoteAddress: String = "127.0.0.1") {
        self.method = method
        self.target = target
        if let path, let query {
            self.path = path
            self.query = query
        } else {
            let split = RequestTarget.split(Array(target.utf8))
            self.path = path ?? split.flatMap { PercentEncoding.decode($0.path) } ?? target
            self.query = query ?? split.map { FormValues(parsing: $0.query) } ?? FormValues()
        }
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Cookies from the Cookie fields (the first of a name wins), parsed when asked for: most
    /// requests (/health, a stylesheet a browser sends the session cookie with) never ask.
    public var cookies: [String: String] {
        var cookies: [String: String] = [:]
        for field in headers.values(for: "Cookie") {
            for (name, value) in Cookie.parse(field) where cookies[name] == nil { cookies[name] = value }
        }
        return cookies
    }

    /// A request with a string body, for tests.
    public init(method: HTTPMethod, target: String, headers: HTTPHeaders = HTTPHeaders(), body: String) {
        self.init(method: method, target: target, headers: headers, body: Array(body.utf8))
    }

    /// The media type of the Content-Type field, lowercased, without parameters.
    public var mediaType: String? {
        guard let contentType = headers["Content-Type"] else { return nil }
        let base = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces() } ?? ""
        return base.lowercased()
    }

    /// Whether the connection stays open after this request (RFC 9112 §9.3).
    public var keepAlive: Bool {
        var close = false
        var keep = false
        for value in headers.values(for: "Connection") {
            for token in value.split(separator: ",") {
                let option = token.trimmingSpaces().lowercased()
                if option == "close" { close = true }
                if option == "keep-alive" { keep = true }
            }
        }
        if close { return false }
        return version.minor >= 1 || keep
    }

    /// The application/x-www-form-urlencoded body; empty for any other content type.
    public func formValues() -> FormValues {
        if let keptForm { return keptForm }
        guard mediaType == "application/x-www-form-urlencoded" else { return FormValues() }
        return FormValues(parsing: body)
    }

    /// Parses the urlencoded body now and keeps it: every later `formValues()` returns it as is
    /// (the CSRF check and the handler read one parse). Changing `body` afterwards is not seen.
    public mutating func keepForm() {
        keptForm = formValues()
    }

    /// The parts of a multipart/form-data body (RFC 7578), or nil when it is not one or is malformed.
    public func multipartParts() -> [MultipartPart]? {
        guard let contentType = headers["Content-Type"], mediaType == "multipart/form-data",
              let boundary = Multipart.boundary(from: contentType) else { return nil }
        return Multipart.parse(body, boundary: boundary)
    }
}

/// One part of a multipart/form-data body.
public struct MultipartPart: Sendable, Equatable {
    /// The `name` parameter of the part's Content-Disposition (RFC 7578 §4.2).
    public var name: String
    /// The `filename` parameter, for a file field; nil for a plain field.
    public var filename: String?
    /// The part's Content-Type as sent; nil when absent (text/plain by RFC 7578 §4.4).
    public var contentType: String?
    /// The part's content, byte for byte.
    public var data: [UInt8]

    /// A part, for tests.
    public init(name: String, filename: String? = nil, contentType: String? = nil, data: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }

    /// The content as UTF-8 text; invalid sequences become U+FFFD.
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// The request-target forms of RFC 9112 §3.2 this server accepts.
enum RequestTarget {
    /// Splits an origin-form or absolute-form target into raw path and query bytes
    /// (RFC 9112 §3.2.1, §3.2.2); nil for any other form.
    static func split(_ target: [UInt8]) -> (path: ArraySlice<UInt8>, query: ArraySlice<UInt8>)? {
        var start = 0
        if target.first != UInt8(ascii: "/") {
            // absolute-form: scheme "://" authority path-abempty
            guard let colon = target.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                  target[..<colon].allSatisfy({ ASCII.isToken($0) && $0 != UInt8(ascii: "%") }),
                  target.count >= colon + 3, target[colon + 1] == UInt8(ascii: "/"),
                  target[colon + 2] == UInt8(ascii: "/") else { return nil }
            let scheme = target[..<colon]
            guard ASCII.equalsIgnoringCase(scheme, "http") || ASCII.equalsIgnoringCase(scheme, "https") else { return nil }
            let authorityStart = colon + 3
            let rest = target[authorityStart...]
            guard let slash = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
                return (path: ArraySlice(Array("/".utf8)), query: [])
            }
            if target[slash] == UInt8(ascii: "?") {
                return (path: ArraySlice(Array("/".utf8)), query: target[(slash + 1)...])
            }
            start = slash
        }
        if let question = target[start...].firstIndex(of: UInt8(ascii: "?")) {
            return (path: target[start..<question], query: target[(question + 1)...])
        }
        return (path: target[start...], query: [])
    }
}

/// multipart/form-data (RFC 7578, framing of RFC 2046 §5.1.1).
enum Multipart {
    /// The boundary parameter of a Content-Type, unquoted; nil when missing, empty or over 70
    /// characters (RFC 2046 §5.1.1).
    static func boundary(from contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The named parts of a body; nil when the framing is broken (no closing delimiter, a part
    /// without its header section). Parts without a name are skipped.
    static func parse(_ body: [UInt8], boundary: String) -> [MultipartPart]? {
        let delimiter = Array(("--" + boundary).utf8)
        let separator = Array(("\r\n--" + boundary).utf8)
        guard var cursor = find(delimiter, in: body, from: 0) else { return nil }
        cursor += delimiter.count
        var parts: [MultipartPart] = []
        while true {
            // After a delimiter: "--" ends the body, otherwise CRLF and the part's header fields.
            if cursor + 2 <= body.count, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") {
                return parts
            }
            while cursor < body.count, body[cursor] == 0x20 || body[cursor] == 0x09 { cursor += 1 }
            guard cursor + 2 <= body.count, body[cursor] == 13, body[cursor + 1] == 10 else { return nil }
            cursor += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: cursor - 2) else { return nil }
            var name: String?
            var filename: String?
            var contentType: String?
            let headerBytes = headerEnd > cursor ? Array(body[cursor..<headerEnd]) : []
            for line in String(decoding: headerBytes, as: UTF8.self).split(separator: Character("\r\n")) {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let field = line[..<colon].lowercased()
                let value = line[line.index(after: colon)...].trimmingSpaces()
                if field == "content-disposition" {
                    name = parameter("name", in: value)
                    filename = parameter("filename", in: value)
                } else if field == "content-type" {
                    contentType = value
                }
            }
            let dataStart = headerEnd + 4
            guard let dataEnd = find(separator, in: body, from: dataStart) else { return nil }
            if let name {
                parts.append(MultipartPart(name: name, filename: filename, contentType: contentType,
                                           data: Array(body[dataStart..<dataEnd])))
            }
            cursor = dataEnd + separator.count
        }
    }

    /// A parameter of a Content-Disposition value, quoted or not: `form-data; name="a"; filename="b.txt"`.
    static func parameter(_ wanted: String, in value: String) -> String? {
        var remaining = Substring(value)
        while let semicolon = remaining.firstIndex(of: ";") {
            remaining = remaining[remaining.index(after: semicolon)...]
            let trimmed = remaining.drop { $0 == " " || $0 == "\t" }
            guard let equals = trimmed.firstIndex(of: "=") else { return nil }
            let key = trimmed[..<equals].lowercased()
            var rest = trimmed[trimmed.index(after: equals)...]
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                var end = rest.endIndex
                for index in rest.indices {
                    let character = rest[index]
                    if escaped { parsed.append(character); escaped = false; continue }
                    if character == "\\" { escaped = true; continue }
                    if character == "\"" { end = index; break }
                    parsed.append(character)
                }
                remaining = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = String(rest[..<end]).trimmingCharactersSpaces()
                remaining = rest[end...]
            }
            if key == wanted { return parsed }
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (OWS, RFC 9110 §5.6.3).
    func trimmingCharactersSpaces() -> String { Substring(self).trimmingSpaces() }
}
