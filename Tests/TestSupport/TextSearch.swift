import Glibc

/// Text search for tests, byte for byte in UTF-8.
///
/// With Foundation imported, `String.contains(_:)` and `range(of:)` on Linux go through NSString
/// (UTF-16 breadcrumbs, a copy per call): an eighth of the app tests' time went there. These
/// compare the UTF-8 bytes (`memchr` for the first byte, then `memcmp`), which is what a literal
/// search means for valid text. (`memmem` is a GNU extension the Glibc module does not export.)
public enum TextSearch {
    /// Where `needle` first occurs in `haystack`, as an offset.
    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let needleBase = needle.baseAddress else { return 0 }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        let first = Int32(needle[0]), last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let hit = memchr(base + offset, first, last - offset + 1) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, needleBase, needle.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    /// The offset of the first occurrence of `pattern` in `bytes` at or after `from`, if any.
    public static func offset(of pattern: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        guard from <= bytes.count else { return nil }
        if pattern.isEmpty { return from }
        return bytes.withUnsafeBytes { haystack in
            pattern.withUnsafeBytes { needle in
                find(needle, in: UnsafeRawBufferPointer(rebasing: haystack[from...])).map { $0 + from }
            }
        }
    }

    /// Whether `pattern` occurs in `bytes`.
    public static func contains(_ pattern: String, in bytes: [UInt8]) -> Bool {
        offset(of: Array(pattern.utf8), in: bytes) != nil
    }
}

extension String {
    /// Whether `other` occurs in this text (a literal, byte-for-byte search; see `TextSearch`).
    /// More specific than Foundation's generic `contains`, so test code that says
    /// `text.contains("…")` uses this one.
    public func contains(_ other: String) -> Bool {
        if other.isEmpty { return true }
        var text = self, pattern = other
        return text.withUTF8 { haystack in
            pattern.withUTF8 { needle in
                TextSearch.find(UnsafeRawBufferPointer(needle), in: UnsafeRawBufferPointer(haystack)) != nil
            }
        }
    }
}
