/// Byte classes of the HTTP and URI grammars, without allocating.
enum ASCII {
    /// The lowercase of an ASCII letter; other bytes unchanged.
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

    /// Whether `byte` may appear in a token (a method or a field name).
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

    /// The value of a HEXDIG (RFC 5234 B.1, either case), or nil.
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// ASCII case-insensitive comparison of bytes with a literal (a URI scheme, RFC 3986 §3.1).
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
