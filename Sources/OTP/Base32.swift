/// Base32 (RFC 4648, section 6): the alphabet A-Z2-7, how authenticator apps take a TOTP secret.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// `bytes` as base32; with `padding`, '=' fills the last group to 8 characters (section 6).
    /// The otpauth URI and the text shown to the user leave the padding out.
    public static func encode(_ bytes: [UInt8], padding: Bool = true) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        if padding { while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a base32 text, or nil when it has a character outside the alphabet or an
    /// impossible length. Lower case, spaces and hyphens (as people type a secret) and trailing
    /// '=' are accepted.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var count = 0
        var sawPadding = false
        for char in text.utf8 {
            if char == UInt8(ascii: " ") || char == UInt8(ascii: "-") { continue }
            if char == UInt8(ascii: "=") { sawPadding = true; continue }
            guard !sawPadding, let value = value(of: char) else { return nil }
            buffer = ((buffer << 5) | UInt32(value)) & 0xFFFF
            bits += 5
            count += 1
            if bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits - 8)))
                bits -= 8
            }
        }
        // A group of 8 characters holds 5 bytes; 1, 3 and 6 leftover characters never occur.
        guard ![1, 3, 6].contains(count % 8) else { return nil }
        return out
    }

    private static func value(of char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): char - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): char - UInt8(ascii: "a")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): char - UInt8(ascii: "2") + 26
        default: nil
        }
    }
}
