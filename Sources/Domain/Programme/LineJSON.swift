/// A small JSON reader (RFC 8259) that remembers the line of every value, so that a programme
/// definition file's problems can be reported as "line 12: …". Foundation's JSONSerialization
/// gives no positions for values, only for syntax errors, and not on every platform.
public indirect enum LineJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Located])
    /// Members in file order, each with the line of its key.
    case object([(key: String, line: Int, value: Located)])

    public struct Located: Sendable, Equatable {
        public var line: Int
        public var value: LineJSON
    }

    public static func == (lhs: LineJSON, rhs: LineJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    /// A syntax error: the line and what is wrong.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var problem: String
    }

    public static func parse(_ text: String) throws -> Located {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw SyntaxError(line: reader.line, problem: "text after the end of the JSON value") }
        return value
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"): line += 1; index += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
                default: return
                }
            }
        }

        func fail(_ problem: String) -> SyntaxError { SyntaxError(line: line, problem: problem) }

        mutating func value(depth: Int) throws -> Located {
            guard depth < 64 else { throw fail("nested too deeply") }
            guard index < bytes.count else { throw fail("the file ends in the middle of a value") }
            let start = line
            switch bytes[index] {
            case UInt8(ascii: "{"): return Located(line: start, value: try object(depth: depth))
            case UInt8(ascii: "["): return Located(line: start, value: try array(depth: depth))
            case UInt8(ascii: "\""): return Located(line: start, value: .string(try string()))
            case UInt8(ascii: "t"): try literal("true"); return Located(line: start, value: .bool(true))
            case UInt8(ascii: "f"): try literal("false"); return Located(line: start, value: .bool(false))
            case UInt8(ascii: "n"): try literal("null"); return Located(line: start, value: .null)
            default: return Located(line: start, value: .number(try number()))
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { throw fail("unknown word; expected a value") }
            index += w.count
        }

        mutating func number() throws -> Double {
            let start = index
            while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                throw fail("unexpected character ‘\(index < bytes.count ? String(decoding: [bytes[index]], as: UTF8.self) : "")’; expected a value")
            }
            return value
        }

        mutating func string() throws -> String {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\n"): throw fail("a string runs past the end of the line (missing \")")
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw fail("a string ends after a \\") }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape in a string") }
                        index += 4
                        out += Array(String(Character(scalar)).utf8)
                    default: throw fail("unknown \\ escape in a string")
                    }
                default: out.append(byte)
                }
            }
            throw fail("a string is not closed with \"")
        }

        mutating func array(depth: Int) throws -> LineJSON {
            index += 1
            var items: [Located] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail("an array is not closed with ]") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw fail("expected , or ] in an array")
            }
        }

        mutating func object(depth: Int) throws -> LineJSON {
            index += 1
            var members: [(key: String, line: Int, value: Located)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a field name in \"\"") }
                let keyLine = line
                let key = try string()
                if members.contains(where: { $0.key == key }) { throw fail("field ‘\(key)’ appears twice in one object") }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected : after ‘\(key)’") }
                index += 1
                skipSpace()
                members.append((key, keyLine, try value(depth: depth + 1)))
                skipSpace()
                guard index < bytes.count else { throw fail("an object is not closed with }") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw fail("expected , or } in an object")
            }
        }
    }
}
