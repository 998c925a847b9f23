/// Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1: what every
/// authenticator app computes from a shared secret and the clock.
public struct TOTP: Sendable {
    public let secret: [UInt8]
    public let digits: Int
    /// The time step X in seconds (RFC 6238, section 4.1; 30 is the recommended default).
    public let period: Int64

    public init(secret: [UInt8], digits: Int = 6, period: Int64 = 30) {
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// HOTP(K, C) (RFC 4226, section 5.3): HMAC-SHA1 of the 8-byte big-endian counter, dynamic
    /// truncation to 31 bits, modulo 10^digits, left-padded with zeros.
    public static func hotp(secret: [UInt8], counter: UInt64, digits: Int) -> String {
        var message: [UInt8] = []
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: counter >> UInt64(shift))) }
        let mac = SHA1.hmac(key: secret, message: message)
        let offset = Int(mac[19] & 0x0F)
        let binary = (UInt32(mac[offset]) & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The time step T of a unix time (RFC 6238, section 4.2, with T0 = 0).
    public func step(at unixTime: Int64) -> Int64 { unixTime >= 0 ? unixTime / period : 0 }

    /// The code of step `step`.
    public func code(step: Int64) -> String { TOTP.hotp(secret: secret, counter: UInt64(max(0, step)), digits: digits) }

    /// The code shown at `unixTime`.
    public func code(at unixTime: Int64) -> String { code(step: step(at: unixTime)) }

    /// Whether `text` has the shape of a code: exactly `digits` ASCII digits.
    public func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == digits && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The step whose code `text` is, looking `window` steps either side of now for clock drift
    /// (RFC 6238, section 5.2), and only at steps after `usedStep`: a code is accepted once, and
    /// nothing older than an accepted one (section 5.2, "MUST NOT accept the second attempt").
    public func matchingStep(_ text: String, at unixTime: Int64, window: Int64 = 1, after usedStep: Int64? = nil) -> Int64? {
        guard isWellFormed(text) else { return nil }
        let now = step(at: unixTime)
        var found: Int64?
        // Every candidate is computed and compared in constant time, so timing tells nothing.
        for candidate in (now - window)...(now + window) where candidate >= 0 {
            if TOTP.constantTimeEquals(code(step: candidate), text) && candidate > (usedStep ?? -1) && found == nil {
                found = candidate
            }
        }
        return found
    }

    /// The otpauth URI an authenticator app scans (Google Authenticator's "Key Uri Format"):
    /// `otpauth://totp/Issuer:account?secret=…&issuer=Issuer`.
    public func uri(issuer: String, account: String) -> String {
        let label = TOTP.percentEncode(issuer) + ":" + TOTP.percentEncode(account)
        var query = "secret=" + Base32.encode(secret, padding: false) + "&issuer=" + TOTP.percentEncode(issuer)
        if digits != 6 { query += "&digits=\(digits)" }
        if period != 30 { query += "&period=\(period)" }
        return "otpauth://totp/" + label + "?" + query
    }

    static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            let char = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (char.isLetter || char.isNumber || "-._~@".contains(char)) {
                out.append(char)
            } else {
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
