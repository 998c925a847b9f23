/// Name/value pairs from a query string or an urlencoded form, in order, repeated keys kept.
public struct FormValues: Sendable, Equatable, Sequence {
    /// One decoded `name=value`.
    public struct Pair: Sendable, Equatable {
        /// The decoded name.
        public var name: String
        /// The decoded value; empty for a bare `name`.
        public var value: String
    }
    /// Every pair in order.
    public private(set) var pairs: [Pair] = []

    /// No pairs.
    public init() {}
    /// The pairs as given (already decoded), for tests and handlers.
    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.map { Pair(name: $0.0, value: $0.1) }
    }

    /// Parses application/x-www-form-urlencoded text: `&`-separated, `+` is a space, percent-decoded
    /// (WHATWG URL §5.1). Undecodable escapes are kept literally; invalid UTF-8 is repaired.
    public init(parsing urlencoded: String) {
        self.init(parsing: Array(urlencoded.utf8))
    }

    /// The same, from raw bytes (a query or a body); empty pieces between `&` are skipped.
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

    /// Adds a pair at the end.
    public mutating func append(_ name: String, _ value: String) {
        pairs.append(Pair(name: name, value: value))
    }

    /// Whether there are no pairs.
    public var isEmpty: Bool { pairs.isEmpty }
    /// The pairs in order.
    public func makeIterator() -> IndexingIterator<[Pair]> { pairs.makeIterator() }
}
