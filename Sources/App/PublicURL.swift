/// The site's own address, from which every absolute link is made (set-password links, a
/// report's share link). It comes from the configuration and never from the request: the
/// `Host` header is whatever the client sent, and a link built from it could point a user at
/// another site (a set-password link that hands the token to `evil.example`).
public enum PublicURL {
    /// `text` as a base for links (scheme and host lower-cased, no trailing slash), or nil unless
    /// it is `http` or `https` with a host, an optional port and no user, path (other than one
    /// `/`), query or fragment.
    public static func validated(_ text: String) -> String? {
        let lowered = text.lowercased()
        let scheme: String
        if lowered.hasPrefix("https://") { scheme = "https" } else if lowered.hasPrefix("http://") { scheme = "http" } else { return nil }
        var authority = Substring(lowered.dropFirst(scheme.count + 3))
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.isEmpty, !authority.contains(where: { "/?#@\\".contains($0) || $0.isWhitespace }) else { return nil }
        var host = authority, port: Substring? = nil
        if authority.hasPrefix("[") {
            // An IPv6 literal (RFC 3986 §3.2.2), perhaps with a port after the bracket.
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.startIndex...close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }
                port = rest.dropFirst()
            }
            guard host.dropFirst().dropLast().allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            if let colon = authority.firstIndex(of: ":") {
                host = authority[..<colon]
                port = authority[authority.index(after: colon)...]
            }
            guard !host.isEmpty, host.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." }) else { return nil }
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port), (1...65535).contains(number) else { return nil }
        }
        return scheme + "://" + authority
    }

    /// Whether a listening address is this machine only (then a default public URL is safe).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
