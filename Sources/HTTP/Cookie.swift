/// A cookie to set (RFC 6265 §4.1).
public struct Cookie: Sendable, Equatable {
    /// The cookie-name (a token; other characters are dropped when sent).
    public var name: String
    /// The cookie-value; characters RFC 6265 §4.1.1 forbids are dropped when sent.
    public var value: String
    /// The Path attribute (§5.2.4); `/` by default.
    public var path: String
    /// Max-Age in seconds (§5.2.2); 0 deletes the cookie, nil makes it last the session.
    public var maxAge: Int?
    /// HttpOnly (§5.2.6): not readable from scripts.
    public var httpOnly: Bool
    /// Secure (§5.2.5): sent over HTTPS only; set it behind a TLS proxy.
    public var secure: Bool
    /// SameSite (RFC 6265bis §5.4.7): `Lax` by default, `Strict` or nil.
    public var sameSite: String?

    /// A cookie with safe defaults: path `/`, HttpOnly, SameSite=Lax.
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

    /// Keeps only the characters a cookie-octet may be (RFC 6265 §4.1.1).
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
