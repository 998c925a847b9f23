import HTTP

/// The address a request comes from, for log-in throttling and the session record.
///
/// Behind a reverse proxy every connection comes from the proxy, so the socket's peer says
/// nothing about the user. When the peer is a trusted proxy, the client is the last hop in
/// `X-Forwarded-For` that is not itself a trusted proxy: each proxy appends the address it
/// received the request from (RFC 7239 §5.2 describes the same chain for `Forwarded`), so the
/// entries to the left of that hop are whatever the client chose to send and are never used.
/// An untrusted peer's `X-Forwarded-For` is ignored: anyone can write the header.
enum ClientAddress {
    static func of(_ request: Request, trustedProxies: Set<String>) -> String {
        let peer = request.remoteAddress
        guard trustedProxies.contains(peer) else { return peer }
        // Several header lines form one comma-separated list (RFC 9110 §5.3).
        let hops = request.headers.values(for: "X-Forwarded-For")
            .flatMap { $0.split(separator: ",") }
            .map(normalise)
            .filter { !$0.isEmpty }
        var client = peer
        for hop in hops.reversed() {
            client = hop
            if !trustedProxies.contains(hop) { break }
        }
        return client
    }

    /// One entry without spaces, brackets around an IPv6 address or an IPv4 port, and never
    /// longer than an address can be (the value is stored and counted).
    static func normalise(_ entry: Substring) -> String {
        var text = entry.trimmingCharacters(in: " \t")
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])
        }
        return String(text.prefix(64))
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
