/// A fragment of HTML whose text is escaped by construction (STYLE.md rule 1).
///
/// - The literal parts of an `HTML` literal are static markup: they are `StaticString`s,
///   so they can only come from our source code, never from a request or the database.
/// - An interpolated `String` (or any `CustomStringConvertible`) is escaped with
///   ``escapeText(_:)``: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`.
/// - An interpolated `HTML` passes unchanged, an `[HTML]` is concatenated, a `nil` `HTML?`
///   adds nothing.
/// - ``init(unsafeRaw:)`` is the single way around escaping.
///
/// ```swift
/// let row: HTML = "<tr\(attr: "class", rowClass)><td>\(school.name)</td>\(cells)</tr>"
/// ```
///
/// Numbers and money belong in the text through ``DutchFormat`` (`\(DutchFormat.euros(cents: c))`);
/// interpolating a `Double` directly would print an English decimal point.
///
/// The fragment is kept as UTF-8 bytes: literals, escaped text and nested fragments are
/// appended by copying bytes, and ``bytes`` is what a response body sends.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public typealias StringLiteralType = StaticString

    @usableFromInline
    var storage: [UInt8]

    @usableFromInline
    init(storage: [UInt8]) {
        self.storage = storage
    }

    /// Markup that is used exactly as given, without escaping.
    ///
    /// This is the one way around escaping. Every call site must carry a comment saying why
    /// the string is safe (for example: "SVG produced by ChartRenderer, which escapes its
    /// labels with escapeText"). Never pass text that came from a request or the database.
    public init(unsafeRaw markup: String) {
        self.storage = Array(markup.utf8)
    }

    /// Static markup from a string literal in our source.
    public init(stringLiteral literal: StaticString) {
        var bytes: [UInt8] = []
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        self.storage = bytes
    }

    public init(stringInterpolation: Interpolation) {
        self.storage = stringInterpolation.storage
    }

    /// The empty fragment.
    public static let empty = HTML(storage: [])

    /// The markup as UTF-8 bytes, ready for a response body.
    public var bytes: [UInt8] { storage }

    /// The markup as a string.
    public var rendered: String { String(decoding: storage, as: UTF8.self) }

    /// The markup as a string (for test messages and debugging).
    public var description: String { rendered }

    /// Whether the fragment has no markup at all.
    public var isEmpty: Bool { storage.isEmpty }

    /// The two fragments one after the other.
    public static func + (lhs: HTML, rhs: HTML) -> HTML {
        var bytes = lhs.storage
        bytes.append(contentsOf: rhs.storage)
        return HTML(storage: bytes)
    }

    /// Appends a fragment in place.
    public static func += (lhs: inout HTML, rhs: HTML) {
        lhs.storage.append(contentsOf: rhs.storage)
    }

    /// The fragments one after the other, with `separator` between each two.
    public static func joined(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        var capacity = separator.storage.count * max(0, parts.count - 1)
        for part in parts { capacity += part.storage.count }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(contentsOf: separator.storage) }
            bytes.append(contentsOf: part.storage)
        }
        return HTML(storage: bytes)
    }

    /// `<name attributes>content</name>`; every attribute quoted and its value escaped,
    /// attributes whose value is `nil` left out.
    ///
    /// ```swift
    /// HTML.element("td", attributes: [("class", "num")], "\(amount)")
    /// ```
    public static func element(
        _ name: StaticString,
        attributes: [(StaticString, String?)] = [],
        _ content: HTML
    ) -> HTML {
        var result = Interpolation(literalCapacity: 16 + content.storage.count, interpolationCount: attributes.count)
        result.appendLiteral("<")
        result.appendLiteral(name)
        for (attribute, value) in attributes {
            result.appendInterpolation(attr: attribute, value)
        }
        result.appendLiteral(">")
        result.appendInterpolation(content)
        result.appendLiteral("</")
        result.appendLiteral(name)
        result.appendLiteral(">")
        return HTML(stringInterpolation: result)
    }

    /// `<name attributes>` for elements without content or end tag (`input`, `br`, `img`,
    /// `meta`, `link`); attributes as in ``element(_:attributes:_:)``.
    public static func voidElement(_ name: StaticString, attributes: [(StaticString, String?)] = []) -> HTML {
        var result = Interpolation(literalCapacity: 16, interpolationCount: attributes.count)
        result.appendLiteral("<")
        result.appendLiteral(name)
        for (attribute, value) in attributes {
            result.appendInterpolation(attr: attribute, value)
        }
        result.appendLiteral(">")
        return HTML(stringInterpolation: result)
    }

    /// Builds an `HTML` literal: static literal parts, escaped interpolated text.
    public struct Interpolation: StringInterpolationProtocol, Sendable {
        public typealias StringLiteralType = StaticString

        @usableFromInline
        var storage: [UInt8]

        public init(literalCapacity: Int, interpolationCount: Int) {
            storage = []
            // Room for typical interpolated text, so that most fragments are built without regrowing.
            storage.reserveCapacity(literalCapacity + interpolationCount * 64)
        }

        /// Static markup from our source.
        public mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { storage.append(contentsOf: $0) }
        }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) {
            appendEscaped(text, to: &storage)
        }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: Substring) {
            appendEscaped(String(text), to: &storage)
        }

        /// An integer's digits (nothing to escape). Use `DutchFormat.integer` for grouping.
        public mutating func appendInterpolation(_ value: Int) {
            storage.append(contentsOf: String(value).utf8)
        }

        /// The value's `description`, escaped.
        public mutating func appendInterpolation<Value: CustomStringConvertible>(_ value: Value) {
            appendEscaped(value.description, to: &storage)
        }

        /// A fragment, unchanged (it is escaped already).
        public mutating func appendInterpolation(_ html: HTML) {
            storage.append(contentsOf: html.storage)
        }

        /// A fragment, or nothing for `nil`.
        public mutating func appendInterpolation(_ html: HTML?) {
            if let html { storage.append(contentsOf: html.storage) }
        }

        /// The fragments one after the other.
        public mutating func appendInterpolation(_ list: [HTML]) {
            for html in list { storage.append(contentsOf: html.storage) }
        }

        /// ` name="value"` with the value escaped: `<a\(attr: "href", url)>`.
        public mutating func appendInterpolation(attr name: StaticString, _ value: String) {
            storage.append(0x20)  // space
            name.withUTF8Buffer { storage.append(contentsOf: $0) }
            storage.append(0x3D)  // =
            storage.append(0x22)  // "
            appendEscaped(value, to: &storage)
            storage.append(0x22)
        }

        /// ` name="value"`, or nothing when `value` is `nil`.
        public mutating func appendInterpolation(attr name: StaticString, _ value: String?) {
            if let value { appendInterpolation(attr: name, value) }
        }

        /// ` name="123"`.
        public mutating func appendInterpolation(attr name: StaticString, _ value: Int) {
            appendInterpolation(attr: name, String(value))
        }

        /// A boolean attribute: ` name` when `condition` holds, otherwise nothing:
        /// `<input type="checkbox"\(attr: "checked", if: isChosen)>`.
        public mutating func appendInterpolation(attr name: StaticString, if condition: Bool) {
            guard condition else { return }
            storage.append(0x20)
            name.withUTF8Buffer { storage.append(contentsOf: $0) }
        }
    }
}
