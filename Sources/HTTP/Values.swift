/// A request method (RFC 9110 §9): any token, case-sensitive (§9.1). GET, HEAD and POST have
/// names; every other method reaches the responder too, which answers 405 with `Allow` for a
/// known path (§15.5.6) — the server itself never refuses a well-formed method.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method's name exactly as sent, e.g. `GET` or `PROPFIND`.
    public let rawValue: String

    /// A method from its name; nil unless the name is a non-empty token (RFC 9110 §5.6.2).
    public init?(rawValue: String) {
        guard !rawValue.isEmpty, rawValue.utf8.allSatisfy(ASCII.isToken) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    /// Retrieves a representation (RFC 9110 §9.3.1).
    public static let GET = HTTPMethod(known: "GET")
    /// GET without the content (RFC 9110 §9.3.2).
    public static let HEAD = HTTPMethod(known: "HEAD")
    /// Processes the enclosed content (RFC 9110 §9.3.3).
    public static let POST = HTTPMethod(known: "POST")

    public var description: String { rawValue }
}

/// The HTTP version of a request; the server answers as HTTP/1.1.
public struct HTTPVersion: Sendable, Equatable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)
    public var description: String { "HTTP/\(major).\(minor)" }
}

/// Header fields in the order received; names compare case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}
    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of the field `name`, or nil.
    public subscript(name: String) -> String? {
        for field in fields where Self.same(field.name, name) { return field.value }
        return nil
    }

    /// Every value of the field `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.same($0.name, name) }.map(\.value)
    }

    /// Appends a field, keeping any earlier ones of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field `name` by one with `value`.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.same($0.name, name) }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// ASCII case-insensitive comparison without allocating.
    static func same(_ a: String, _ b: String) -> Bool {
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                if x != y && ASCII.lower(x) != ASCII.lower(y) { return false }
            default: return false
            }
        }
    }
}

/// Name/value pairs from a query string or an urlencoded form, in order, repeated keys kept.
public struct FormValues: Sendable, Equatable, Sequence {
    public struct Pair: Sendable, Equatable {
        public var name: String
        public var value: String
    }
    public private(set) var pairs: [Pair] = []

    public init() {}
    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.map { Pair(name: $0.0, value: $0.1) }
    }

    /// Parses application/x-www-form-urlencoded text: `&`-separated, `+` is a space, percent-decoded
    /// (WHATWG URL §5.1). Undecodable escapes are kept literally; invalid UTF-8 is repaired.
    public init(parsing urlencoded: String) {
        self.init(parsing: Array(urlencoded.utf8))
    }

    public init<Bytes: Collection>(parsing bytes: Bytes) where Bytes.Element == UInt8 {
        for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: Bytes.SubSequence
            let value: Bytes.SubSequence
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = piece[piece.startIndex..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = piece[piece.endIndex...]
            }
            pairs.append(Pair(name: PercentEncoding.decodeForm(name), value: PercentEncoding.decodeForm(value)))
        }
    }

    /// The first value for `name`.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    public mutating func append(_ name: String, _ value: String) {
        pairs.append(Pair(name: name, value: value))
    }

    public var isEmpty: Bool { pairs.isEmpty }
    public func makeIterator() -> IndexingIterator<[Pair]> { pairs.makeIterator() }
}

/// A cookie to set (RFC 6265 §4.1).
public struct Cookie: Sendable, Equatable {
    public var name: String
    public var value: String
    public var path: String
    public var maxAge: Int?
    public var httpOnly: Bool
    public var secure: Bool
    public var sameSite: String?

    public init(name: String, value: String, path: String = "/", maxAge: Int? = nil,
                httpOnly: Bool = true, secure: Bool = false, sameSite: String? = "Lax") {
        self.name = name
        self.value = value
        self.path = path
        self.maxAge = maxAge
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// The Set-Cookie field value. Characters a cookie-value may not hold (RFC 6265 §4.1.1:
    /// controls, whitespace, `"` `,` `;` `\`) are dropped, so a value can never add attributes.
    public var headerValue: String {
        var text = Self.clean(name) + "=" + Self.clean(value)
        text += "; Path=" + Self.clean(path)
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if httpOnly { text += "; HttpOnly" }
        if secure { text += "; Secure" }
        if let sameSite { text += "; SameSite=" + Self.clean(sameSite) }
        return text
    }

    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar.value > 0x20 && scalar.value < 0x7f && scalar != "\"" && scalar != ","
                && scalar != ";" && scalar != "\\"
        }))
    }

    /// Parses a Cookie request field: `a=1; b=2` (RFC 6265 §5.4). The first of a repeated name wins.
    public static func parse(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for piece in header.split(separator: ";") {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingSpaces()
            var value = piece[piece.index(after: equals)...].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty, result[name] == nil { result[name] = value }
        }
        return result
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

enum ASCII {
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// tchar of RFC 9110 §5.6.2.
    static let tokenTable: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    @inline(__always) static func isToken(_ byte: UInt8) -> Bool { tokenTable[Int(byte)] }

    /// unreserved of RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~".
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// gen-delims of RFC 3986 §2.2: ":" / "/" / "?" / "#" / "[" / "]" / "@".
    static func isGenDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// sub-delims of RFC 3986 §2.2: "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=".
    static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func equalsIgnoringCase<C: Collection>(_ bytes: C, _ literal: String) -> Bool where C.Element == UInt8 {
        bytes.count == literal.utf8.count && zip(bytes, literal.utf8).allSatisfy { lower($0) == lower($1) }
    }
}

/// Percent-decoding (RFC 3986 §2.1), applied exactly once.
public enum PercentEncoding {
    /// Decodes `%XX` escapes; nil when an escape is malformed or the result is not UTF-8.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        if !bytes.contains(UInt8(ascii: "%")) { return String(validating: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                guard first != bytes.endIndex else { return nil }
                let second = bytes.index(after: first)
                guard second != bytes.endIndex, let high = ASCII.hexValue(bytes[first]),
                      let low = ASCII.hexValue(bytes[second]) else { return nil }
                output.append(UInt8(high * 16 + low))
                index = bytes.index(after: second)
            } else {
                output.append(byte)
                index = bytes.index(after: index)
            }
        }
        return String(validating: output, as: UTF8.self)
    }

    /// Form decoding: `+` is a space; bad escapes stay literal; bad UTF-8 is repaired.
    static func decodeForm<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "+") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "%"), index != bytes.endIndex {
                let second = bytes.index(after: index)
                if second != bytes.endIndex, let high = ASCII.hexValue(bytes[index]),
                   let low = ASCII.hexValue(bytes[second]) {
                    output.append(UInt8(high * 16 + low))
                    index = bytes.index(after: second)
                } else {
                    output.append(byte)
                }
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Makes `text` a valid URI-reference (RFC 3986 §4.1) without changing what it means:
    /// unreserved and reserved characters (§2.2, §2.3) and well-formed `%XX` escapes are kept;
    /// every other byte of its UTF-8 (non-ASCII, controls, space, `"<>\^`{|}`, a stray `%`) is
    /// percent-encoded (§2.1). Applied to an already valid reference it changes nothing.
    public static func encodeURIReference(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let keep: Bool
            if byte == UInt8(ascii: "%") {
                keep = index + 2 < bytes.count && ASCII.hexValue(bytes[index + 1]) != nil
                    && ASCII.hexValue(bytes[index + 2]) != nil
            } else {
                keep = ASCII.isUnreserved(byte) || ASCII.isSubDelimiter(byte) || ASCII.isGenDelimiter(byte)
            }
            if keep {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0f)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes everything but unreserved characters (RFC 3986 §2.3).
    public static func encode(_ text: String) -> String {
        var output = ""
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                output.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0f)]))
            }
        }
        return output
    }
}
