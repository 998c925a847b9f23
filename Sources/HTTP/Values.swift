// The small values of the protocol: methods, versions and header fields. Forms are in
// FormValues.swift, cookies in Cookie.swift, byte classes and percent-encoding in
// PercentEncoding.swift.

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

    /// For the named methods, whose names are known tokens.
    private init(known: String) { rawValue = known }

    /// Retrieves a representation (RFC 9110 §9.3.1).
    public static let GET = HTTPMethod(known: "GET")
    /// GET without the content (RFC 9110 §9.3.2).
    public static let HEAD = HTTPMethod(known: "HEAD")
    /// Processes the enclosed content (RFC 9110 §9.3.3).
    public static let POST = HTTPMethod(known: "POST")

    /// The name, as in a request line.
    public var description: String { rawValue }
}

/// The HTTP version of a request; the server answers as HTTP/1.1.
public struct HTTPVersion: Sendable, Equatable, CustomStringConvertible {
    /// Always 1: other major versions get 505 (RFC 9110 §15.6.6).
    public var major: Int
    /// 0 or 1.
    public var minor: Int
    /// A version from its digits.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }
    /// HTTP/1.0: no Host needed; persistent only with `Connection: keep-alive`.
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    /// HTTP/1.1 (RFC 9112): persistent unless `Connection: close`.
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)
    /// `HTTP/1.1`, as in a request line.
    public var description: String { "HTTP/\(major).\(minor)" }
}

/// Header fields in the order received; names compare case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Every field as (name, value), in order, names as given.
    public private(set) var fields: [(name: String, value: String)] = []

    /// No fields.
    public init() {}
    /// The fields in the given order.
    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }
    /// `["Content-Type": "text/plain"]`, in the literal's order.
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

    /// Removes every field `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.same($0.name, name) }
    }

    /// Whether a field `name` is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }
    /// Number of fields, repeated names counted each time.
    public var count: Int { fields.count }

    /// The fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// ASCII case-insensitive comparison without allocating.
    static func same(_ a: String, _ b: String) -> Bool {
        // Different lengths never match (ASCII case folding keeps the length); O(1) for native strings.
        guard a.utf8.count == b.utf8.count else { return false }
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

extension Substring {
    /// Without leading and trailing spaces and tabs (OWS, RFC 9110 §5.6.3).
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
