// What a responder returns, the constructors handlers use (text, html, redirect, file,
// error), and the serializer that turns it into one buffer for one send(2).

import Glibc

/// An HTTP response: status, header fields and the whole body.
/// The server adds Date, Content-Length and Connection when it sends it.
public struct Response: Sendable {
    /// The status code (RFC 9110 §15); outside 100...999 the server sends 500.
    public var status: Int
    /// Fields to send; Date, Content-Length, Connection and Transfer-Encoding are the server's and
    /// are replaced. CR, LF and NUL are dropped from names and values when sent.
    public var headers: HTTPHeaders {
        didSet { preparedFields = nil }
    }
    /// `headers` serialized by `prepare()`; dropped when they change.
    private(set) var preparedFields: [UInt8]?
    /// The content; not sent for HEAD, 1xx, 204 and 304 (RFC 9110 §6.4.1).
    public var body: [UInt8] {
        didSet { bodyFile = nil }
    }
    /// `body` again in a sealed memory file (a large static file): the event loop sends it with
    /// sendfile(2), without copying it into the socket; dropped when `body` changes.
    var bodyFile: SealedFile?

    /// A response from its parts.
    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Serializes the fields once, for an answer sent many times unchanged (`/health`, a static
    /// file): each send then copies them in one piece instead of checking every field again.
    public mutating func prepare() {
        var fields: [UInt8] = []
        ResponseWriter.appendFields(headers, to: &fields)
        preparedFields = fields
    }

    /// A text/plain; charset=utf-8 response.
    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A text/html; charset=utf-8 response.
    public static func html(_ html: String, status: Int = 200) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// A redirect; 303 See Other by default, so a POST is followed by a GET (RFC 9110 §15.4.4).
    /// `Location` holds a URI-reference (RFC 9110 §10.2.2), which is ASCII: non-ASCII, controls,
    /// spaces and characters no URI may hold are percent-encoded; reserved characters and valid
    /// `%XX` escapes stay as given (`PercentEncoding.encodeURIReference`).
    public static func redirect(to location: String, status: Int = 303) -> Response {
        Response(status: status, headers: ["Location": PercentEncoding.encodeURIReference(location)])
    }

    /// A file's bytes, read now (call it on a worker thread); nil when it cannot be read.
    public static func file(at path: String, contentType: String? = nil, status: Int = 200) -> Response? {
        guard let bytes = FileBytes.read(path) else { return nil }
        let type = contentType ?? MediaTypes.forPath(path)
        return Response(status: status, headers: ["Content-Type": type], body: bytes)
    }

    /// The server's own small plain error page.
    public static func error(_ status: Int, _ detail: String? = nil) -> Response {
        let reason = Status.reason(status)
        return text("\(status) \(reason)\n" + (detail.map { $0 + "\n" } ?? ""), status: status)
    }

    /// Runs `body`, turning a thrown error into a 500 page and an error log line on stderr.
    public static func guarded(_ request: Request, _ body: () throws -> Response) -> Response {
        do {
            return try body()
        } catch {
            AccessLog.writeError("error: \(request.method.rawValue) \(request.path): \(error)")
            return .error(500)
        }
    }

    /// Adds a Set-Cookie field (RFC 6265 §4.1); several cookies give several fields.
    public mutating func setCookie(_ cookie: Cookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}

/// Reason phrases and body rules of status codes.
enum Status {
    /// The reason phrase the server sends (RFC 9110 §15; clients ignore it, §15.1).
    static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// 1xx, 204 and 304 never carry content (RFC 9110 §6.4.1).
    static func allowsBody(_ status: Int) -> Bool {
        !(status < 200 || status == 204 || status == 304)
    }
}

/// Serializes a response's head and a small body into one buffer, sent with one send(2); a
/// large body stays in its own storage and goes out with the head in one sendmsg(2) of two
/// buffers, never copied (a 200 KB file would otherwise cost a fresh allocation and a copy).
enum ResponseWriter {
    /// Bodies from this size on are sent from their own storage.
    static let separateBody = 32 * 1024

    /// The whole answer in one buffer (tests).
    static func serialize(_ response: Response, head: Bool, keepAlive: Bool, date: [UInt8]) -> [UInt8] {
        let (bytes, body) = parts(response, head: head, keepAlive: keepAlive, date: date)
        return body.isEmpty ? bytes : bytes + body
    }

    /// The status line, Date, the response's fields, Content-Length and Connection, then the
    /// body unless `head` (RFC 9112 §4, §6.3; RFC 9110 §9.3.2): behind the head when small,
    /// else returned apart as `body` (the response's own storage, shared).
    static func parts(_ response: Response, head: Bool, keepAlive: Bool, date: [UInt8]) -> (bytes: [UInt8], body: [UInt8]) {
        var status = response.status
        if status < 100 || status > 999 { status = 500 }
        let withBody = Status.allowsBody(status) && !head
        let apart = withBody && response.body.count >= separateBody
        var out: [UInt8] = []
        out.reserveCapacity(160 + response.headers.count * 40 + (withBody && !apart ? response.body.count : 0))
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status, to: &out)
        out.append(0x20)
        out.append(contentsOf: Status.reason(status).utf8)
        out.append(contentsOf: "\r\nDate: ".utf8)
        out.append(contentsOf: date)
        if let fields = response.preparedFields {
            out.append(contentsOf: fields)
        } else {
            appendFields(response.headers, to: &out)
        }
        if Status.allowsBody(status) {
            out.append(contentsOf: "\r\nContent-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
        }
        out.append(contentsOf: keepAlive ? "\r\nConnection: keep-alive\r\n\r\n".utf8 : "\r\nConnection: close\r\n\r\n".utf8)
        if apart { return (out, response.body) }
        if withBody { out.append(contentsOf: response.body) }
        return (out, [])
    }

    /// Appends each field as CRLF name ": " value, except the four the server sets itself.
    static func appendFields(_ headers: HTTPHeaders, to out: inout [UInt8]) {
        for field in headers {
            // Header names and values come from the application; CR, LF and NUL are dropped so a
            // value can never start a new field (response splitting).
            if HTTPHeaders.same(field.name, "Content-Length") || HTTPHeaders.same(field.name, "Connection")
                || HTTPHeaders.same(field.name, "Transfer-Encoding") || HTTPHeaders.same(field.name, "Date") { continue }
            out.append(13); out.append(10)
            appendClean(field.name, to: &out)
            out.append(0x3A); out.append(0x20)
            appendClean(field.value, to: &out)
        }
    }

    /// Appends `text` without CR, LF or NUL: in one copy when it has none (the usual case).
    @inline(__always) static func appendClean(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 where byte != 13 && byte != 10 && byte != 0 { out.append(byte) }
    }

    /// Appends a non-negative number in decimal without making a String.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 && count < 20 {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            while count > 0 {
                count -= 1
                out.append(buffer[count])
            }
        }
    }
}

/// IMF-fixdate formatting and parsing (RFC 9110 §5.6.7), without Foundation.
public enum HTTPDate {
    /// day-name and month of the IMF-fixdate grammar.
    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for seconds since the epoch.
    public static func format(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    /// Seconds since the epoch of an IMF-fixdate; nil for anything else.
    public static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 29, bytes[3] == UInt8(ascii: ","), bytes[4] == 0x20, bytes[7] == 0x20,
              bytes[11] == 0x20, bytes[16] == 0x20, bytes[19] == UInt8(ascii: ":"),
              bytes[22] == UInt8(ascii: ":"), bytes[25] == 0x20,
              String(decoding: bytes[26...], as: UTF8.self) == "GMT" else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int32(byte - 0x30)
            }
            return value
        }
        let monthName = String(decoding: bytes[8..<11], as: UTF8.self)
        guard let day = number(5..<7), let month = months.firstIndex(of: monthName), let year = number(12..<16),
              let hour = number(17..<19), let minute = number(20..<22), let second = number(23..<25) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Int(timegm(&parts))
    }
}

/// Whole-file reads for static files and `Response.file`.
enum FileBytes {
    /// Reads a whole regular file with POSIX calls; nil on any failure.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + done }, size - done)
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            done += count
        }
        return done == size ? bytes : nil
    }
}

/// Content-Type by file extension, for the few kinds a web site serves.
enum MediaTypes {
    /// The media type for `path`'s extension; application/octet-stream when unknown.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "html", "htm": return "text/html; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "pdf": return "application/pdf"
        case "map": return "application/json"
        default: return "application/octet-stream"
        }
    }
}
