// Rules of RFC 9112 and RFC 9110 enforced here, each refused with the status in brackets and
// the connection closed:
// - request-line = method SP request-target SP HTTP-version (§3) [400]; a line over the limit
//   [414]; a major version other than 1 [505]; a higher 1.x is served as 1.1 (RFC 9110 §2.5).
// - the method is a token (RFC 9110 §9.1); which methods a resource has is the responder's
//   business (405 with Allow), never the parser's.
// - origin-form or absolute-form targets only (§3.2.1, §3.2.2), visible ASCII, percent-decoded
//   once; an encoded NUL or invalid UTF-8 in the path [400].
// - CRLF line endings only: a bare CR or LF, a NUL, obs-fold, whitespace before the colon, a
//   control character in a value [400] (§2.2, §5.1, §5.2, RFC 9110 §5.5).
// - exactly one valid Host in HTTP/1.1, with a numeric port of at most 65535 (§3.2) [400].
// - body length (§6.3): Transfer-Encoding with Content-Length, differing or malformed
//   Content-Length values, chunked not last or twice [400]; any other transfer-coding [501].
// - a header section over the limit, or too many fields [431] (RFC 6585 §5).

/// An incremental, strict HTTP/1.1 request parser (RFC 9112). It is fed the connection's input
/// buffer and an offset, consumes what it can, and never looks at a byte twice while waiting
/// for the end of a head, so a client dripping bytes costs O(n).
struct RequestParser {
    /// What `parse` made of the bytes so far.
    enum Step {
        case needMore
        /// A head whose body follows: the caller sets `bodyLimit` (413 when the declared length
        /// is already too big) and answers `Expect: 100-continue`.
        case head(RequestHead)
        case request(RequestHead, [UInt8])
        case failure(ParseFailure)
    }

    /// Reading a head, a body of known length, or a chunked body.
    private enum State {
        case head
        case fixed(remaining: Int)
        case chunked(ChunkedDecoder)
    }

    /// The limits for every request on this connection.
    var limits: ParserLimits
    /// The body limit of the current request, set by the caller from the responder.
    var bodyLimit: Int
    private var state = State.head
    /// The head whose body is being read.
    private var head: RequestHead?
    /// The body read so far.
    private var body: [UInt8] = []
    // Head scanning progress, relative to the head's first byte.
    private var scanned = 0
    /// Where the request line ends, once seen.
    private var requestLineEnd: Int?
    /// Field lines seen so far (431 past the limit).
    private var lineCount = 0

    /// A parser waiting for a request line.
    init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
        self.bodyLimit = limits.body
    }

    /// True while no byte of a next request has been seen (for the keep-alive idle timeout).
    var isIdle: Bool {
        if case .head = state { return scanned == 0 }
        return false
    }

    /// True between a head with a body and that body's end (for the body timeout).
    var isReadingBody: Bool {
        if case .head = state { return false }
        return true
    }

    /// Consumes bytes of `buffer` from `offset` (advancing it) and says what they made: not yet
    /// enough, a head whose body follows, a complete request, or a refusal.
    mutating func parse(_ buffer: [UInt8], from offset: inout Int) -> Step {
        switch state {
        case .head:
            return buffer.withUnsafeBufferPointer { parseHead($0, from: &offset) }
        case .fixed(let remaining):
            let available = min(remaining, buffer.count - offset)
            if available > 0 {
                body.append(contentsOf: buffer[offset..<(offset + available)])
                offset += available
            }
            if remaining - available > 0 {
                state = .fixed(remaining: remaining - available)
                return .needMore
            }
            return finish()
        case .chunked(var decoder):
            let result = buffer.withUnsafeBufferPointer {
                decoder.decode($0, from: &offset, into: &body, limit: bodyLimit, limits: limits)
            }
            state = .chunked(decoder)
            switch result {
            case .needMore: return .needMore
            case .done: return finish()
            case .failure(let failure): return .failure(failure)
            }
        }
    }

    /// Hands out the complete request and gets ready for the next one.
    private mutating func finish() -> Step {
        guard let head else { return .failure(ParseFailure(500, "parser state")) }
        let complete = body
        reset()
        return .request(head, complete)
    }

    /// Back to waiting for a request line.
    private mutating func reset() {
        state = .head
        head = nil
        body = []
        scanned = 0
        requestLineEnd = nil
        lineCount = 0
        bodyLimit = limits.body
    }

    /// Scans for the end of the head (an empty line), checking line endings and limits as it
    /// goes, then parses the whole head at once.
    private mutating func parseHead(_ bytes: UnsafeBufferPointer<UInt8>, from offset: inout Int) -> Step {
        // RFC 9112 §2.2: ignore empty lines received before the request line.
        if scanned == 0 {
            while offset + 1 < bytes.count, bytes[offset] == 13, bytes[offset + 1] == 10 { offset += 2 }
            if offset < bytes.count, bytes[offset] == 10 { return .failure(ParseFailure(400, "bare LF")) }
        }
        let start = offset
        var index = start + scanned
        var headEnd: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 { return .failure(ParseFailure(400, "NUL in head")) }
            if byte == 13 {
                // A CR must be followed by LF (RFC 9112 §2.2: a bare CR is invalid).
                guard index + 1 < bytes.count else { break }
                if bytes[index + 1] != 10 { return .failure(ParseFailure(400, "bare CR")) }
                index += 1
                let lineEnd = index - 1 - start
                if requestLineEnd == nil {
                    if lineEnd > limits.requestLine { return .failure(ParseFailure(414, "request line too long")) }
                    requestLineEnd = lineEnd
                } else {
                    lineCount += 1
                    if lineCount > limits.headerFields + 1 { return .failure(ParseFailure(431, "too many fields")) }
                    // An empty line ends the head.
                    if index >= 3, bytes[index - 2] == 10, index - 3 >= start, bytes[index - 3] == 13 {
                        headEnd = index + 1
                        index += 1
                        break
                    }
                }
            } else if byte == 10 {
                return .failure(ParseFailure(400, "bare LF"))
            }
            index += 1
        }
        scanned = index - start
        if let lineEnd = requestLineEnd {
            if scanned - lineEnd - 2 > limits.headerBytes + 2 { return .failure(ParseFailure(431, "header section too large")) }
        } else if scanned > limits.requestLine {
            return .failure(ParseFailure(414, "request line too long"))
        }
        guard let end = headEnd, let lineEnd = requestLineEnd else { return .needMore }
        let parsed = Self.parseHeadLines(UnsafeBufferPointer(rebasing: bytes[start..<end]), requestLineEnd: lineEnd,
                                         limits: limits)
        offset = end
        switch parsed {
        case .failure(let failure):
            return .failure(failure)
        case .success(let parsedHead):
            head = parsedHead
            switch parsedHead.framing {
            case .none:
                return finish()
            case .length(let length):
                state = .fixed(remaining: length)
                if length == 0 { return finish() }
                return .head(parsedHead)
            case .chunked:
                state = .chunked(ChunkedDecoder())
                return .head(parsedHead)
            }
        }
    }

    /// Parses a complete head (request line, fields, final CRLF) whose line endings are known CRLF.
    static func parseHeadLines(_ bytes: UnsafeBufferPointer<UInt8>, requestLineEnd: Int,
                               limits: ParserLimits) -> Result<RequestHead, ParseFailure> {
        // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
        let line = UnsafeBufferPointer(rebasing: bytes[0..<requestLineEnd])
        guard let firstSpace = line.firstIndex(of: 0x20), firstSpace > 0 else {
            return .failure(ParseFailure(400, "malformed request line"))
        }
        let targetStart = firstSpace + 1
        guard let secondSpace = line[targetStart...].firstIndex(of: 0x20), secondSpace > targetStart else {
            return .failure(ParseFailure(400, "malformed request line"))
        }
        let methodBytes = line[0..<firstSpace]
        let targetBytes = line[targetStart..<secondSpace]
        let versionBytes = line[(secondSpace + 1)...]
        guard methodBytes.allSatisfy(ASCII.isToken) else { return .failure(ParseFailure(400, "invalid method")) }
        // The target holds visible ASCII only: no whitespace, controls or raw non-ASCII (RFC 3986 §2).
        guard targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(ParseFailure(400, "invalid request target"))
        }
        // HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3)
        let version = Array(versionBytes)
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == UInt8(ascii: "."),
              (0x30...0x39).contains(version[5]), (0x30...0x39).contains(version[7]) else {
            return .failure(ParseFailure(400, "invalid HTTP version"))
        }
        let major = Int(version[5] - 0x30)
        let minor = Int(version[7] - 0x30)
        guard major == 1 else { return .failure(ParseFailure(505, "HTTP/\(major) is not supported")) }
        // A higher minor version is served as HTTP/1.1 (RFC 9110 §2.5).
        let httpVersion = HTTPVersion(major: 1, minor: min(minor, 1))
        let methodName = String(decoding: methodBytes, as: UTF8.self)
        // Any token is a method (RFC 9110 §9.1); the responder decides whether the resource has it.
        guard let method = HTTPMethod(rawValue: methodName) else { return .failure(ParseFailure(400, "invalid method")) }
        let targetArray = Array(targetBytes)
        guard let split = RequestTarget.split(targetArray) else {
            return .failure(ParseFailure(400, "unsupported request-target form"))
        }
        guard let path = PercentEncoding.decode(split.path), !path.utf8.contains(0) else {
            return .failure(ParseFailure(400, "invalid percent-encoding in path"))
        }
        let query = FormValues(parsing: split.query)

        // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5)
        var headers = HTTPHeaders()
        var hostCount = 0
        var contentLengths: [Substring] = []
        var transferCodings: [String] = []
        var index = requestLineEnd + 2
        let end = bytes.count - 2
        while index < end {
            var lineStop = index
            while bytes[lineStop] != 13 { lineStop += 1 }
            let fieldLine = UnsafeBufferPointer(rebasing: bytes[index..<lineStop])
            index = lineStop + 2
            // obs-fold (RFC 9112 §5.2) and whitespace before the first field are rejected.
            if fieldLine.first == 0x20 || fieldLine.first == 0x09 {
                return .failure(ParseFailure(400, "obsolete line folding"))
            }
            guard let colon = fieldLine.firstIndex(of: UInt8(ascii: ":")), colon > 0 else {
                return .failure(ParseFailure(400, "field line without a name"))
            }
            // No whitespace between name and colon (RFC 9112 §5.1), and the name is a token.
            guard fieldLine[0..<colon].allSatisfy(ASCII.isToken) else {
                return .failure(ParseFailure(400, "invalid field name"))
            }
            var valueStart = colon + 1
            var valueEnd = fieldLine.count
            while valueStart < valueEnd, fieldLine[valueStart] == 0x20 || fieldLine[valueStart] == 0x09 { valueStart += 1 }
            while valueEnd > valueStart, fieldLine[valueEnd - 1] == 0x20 || fieldLine[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            let valueBytes = fieldLine[valueStart..<valueEnd]
            // field-vchar / SP / HTAB only (RFC 9110 §5.5).
            guard valueBytes.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                return .failure(ParseFailure(400, "control character in field value"))
            }
            let name = String(decoding: fieldLine[0..<colon], as: UTF8.self)
            let value = String(decoding: valueBytes, as: UTF8.self)
            headers.add(name, value)
            if headers.count > limits.headerFields { return .failure(ParseFailure(431, "too many fields")) }
            if HTTPHeaders.same(name, "Host") {
                hostCount += 1
                guard Self.isValidHost(valueBytes) else { return .failure(ParseFailure(400, "invalid Host")) }
            } else if HTTPHeaders.same(name, "Content-Length") {
                contentLengths.append(contentsOf: value.split(separator: ",", omittingEmptySubsequences: false))
            } else if HTTPHeaders.same(name, "Transfer-Encoding") {
                for coding in value.split(separator: ",", omittingEmptySubsequences: false) {
                    transferCodings.append(coding.trimmingSpaces().lowercased())
                }
            }
        }
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1; never two.
        if hostCount > 1 { return .failure(ParseFailure(400, "more than one Host")) }
        if hostCount == 0 && httpVersion.minor >= 1 { return .failure(ParseFailure(400, "missing Host")) }

        // Message body length (RFC 9112 §6.3); anything ambiguous is refused and the connection
        // closed, so no request can be smuggled behind another.
        var framing = BodyFraming.none
        if !transferCodings.isEmpty {
            if !contentLengths.isEmpty {
                return .failure(ParseFailure(400, "both Transfer-Encoding and Content-Length"))
            }
            if httpVersion.minor == 0 { return .failure(ParseFailure(400, "Transfer-Encoding in HTTP/1.0")) }
            for coding in transferCodings where coding != "chunked" {
                return .failure(ParseFailure(coding.isEmpty ? 400 : 501, "transfer-coding \(coding) not implemented"))
            }
            guard transferCodings.count == 1 else { return .failure(ParseFailure(400, "chunked applied twice")) }
            framing = .chunked
        } else if !contentLengths.isEmpty {
            var length: Int?
            for text in contentLengths {
                let digits = text.trimmingSpaces()
                guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    return .failure(ParseFailure(400, "invalid Content-Length"))
                }
                // More than 18 digits cannot fit; such a body is far over any limit.
                guard digits.utf8.count <= 18, let value = Int(digits) else {
                    return .failure(ParseFailure(413, "Content-Length too large"))
                }
                if let length, length != value { return .failure(ParseFailure(400, "differing Content-Length values")) }
                length = value
            }
            framing = .length(length ?? 0)
        }

        // Persistence (RFC 9112 §9.3): HTTP/1.1 stays open unless "close"; HTTP/1.0 only with "keep-alive".
        var sawClose = false
        var sawKeepAlive = false
        for value in headers.values(for: "Connection") {
            for token in value.split(separator: ",") {
                let option = token.trimmingSpaces().lowercased()
                if option == "close" { sawClose = true }
                if option == "keep-alive" { sawKeepAlive = true }
            }
        }
        let keepAlive = !sawClose && (httpVersion.minor >= 1 || sawKeepAlive)
        let expectsContinue = httpVersion.minor >= 1
            && (headers["Expect"].map { $0.lowercased() == "100-continue" } ?? false)
        return .success(RequestHead(method: method, target: String(decoding: targetArray, as: UTF8.self), path: path,
                                    query: query, version: httpVersion, headers: headers, framing: framing,
                                    keepAlive: keepAlive, expectsContinue: expectsContinue))
    }

    /// Host = uri-host [ ":" port ] (RFC 9110 §7.2, RFC 3986 §3.2.2-3.2.3). RFC 9112 §3.2: a
    /// Host with an invalid value, such as a port that is not a number in 0...65535, gets 400.
    /// An empty value is allowed (a target without an authority).
    static func isValidHost(_ value: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        var hostEnd = value.endIndex
        if value.first == UInt8(ascii: "[") {
            // IP-literal = "[" ( IPv6address / IPvFuture ) "]": hex digits, colons, dots and the
            // IPvFuture characters; the exact address is left to the resolver, never used here.
            guard let close = value.firstIndex(of: UInt8(ascii: "]")), close > value.startIndex + 1 else { return false }
            let literal = value[(value.startIndex + 1)..<close]
            guard literal.allSatisfy({ ASCII.isUnreserved($0) || ASCII.isSubDelimiter($0) || $0 == UInt8(ascii: ":") })
            else { return false }
            hostEnd = close + 1
            guard hostEnd == value.endIndex || value[hostEnd] == UInt8(ascii: ":") else { return false }
        } else {
            // reg-name = *( unreserved / pct-encoded / sub-delims ): it holds no ":", so the first
            // one starts the port.
            hostEnd = value.firstIndex(of: UInt8(ascii: ":")) ?? value.endIndex
            var index = value.startIndex
            while index < hostEnd {
                let byte = value[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < hostEnd, ASCII.hexValue(value[index + 1]) != nil,
                          ASCII.hexValue(value[index + 2]) != nil else { return false }
                    index += 3
                    continue
                }
                guard ASCII.isUnreserved(byte) || ASCII.isSubDelimiter(byte) else { return false }
                index += 1
            }
        }
        guard hostEnd < value.endIndex else { return true }
        // port = *DIGIT; an empty port is allowed (RFC 3986 §3.2.3), a number over 65535 is not.
        let port = value[(hostEnd + 1)...]
        guard port.count <= 5, port.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return port.reduce(0) { $0 * 10 + Int($1 - 0x30) } <= 65535
    }
}
