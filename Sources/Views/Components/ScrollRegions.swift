import Markup

/// Boxes that scroll a wide table sideways (`<div class="table-scroll">`) must be reachable by
/// keyboard (WCAG 2.1.1) and named: each gets `role="region"`, `tabindex="0"` and
/// `aria-labelledby` its table's caption (which gets an id when it has none). Done once over a
/// page's content, so every such box on every page is covered, however the page built it.
public enum ScrollRegions {
    static let marker = Array("<div class=\"table-scroll".utf8)

    public static func label(_ content: HTML) -> HTML {
        let bytes = content.bytes
        guard let first = find(marker, in: bytes, from: 0) else { return content }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 512)
        var position = 0
        var next: Int? = first
        var number = 0
        while let start = next {
            guard let tagEnd = find(Array(">".utf8), in: bytes, from: start) else { break }
            let tag = Array(bytes[start..<tagEnd])
            out += bytes[position..<tagEnd]
            position = tagEnd
            if find(Array("role=".utf8), in: tag, from: 0) == nil {
                number += 1
                let tableEnd = find(Array("</table>".utf8), in: bytes, from: tagEnd) ?? bytes.count
                if let caption = find(Array("<caption".utf8), in: bytes, from: tagEnd), caption < tableEnd,
                   let captionEnd = find(Array(">".utf8), in: bytes, from: caption) {
                    let captionTag = Array(bytes[caption..<captionEnd])
                    let id: String
                    if let existing = attribute("id", in: captionTag) {
                        id = existing
                        out += Array(" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\"".utf8)
                    } else {
                        id = "tabel-\(number)"
                        out += Array(" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\"".utf8)
                        // Copy up to the caption's name and give it the id.
                        let nameEnd = caption + "<caption".utf8.count
                        out += bytes[position..<nameEnd]
                        out += Array(" id=\"\(id)\"".utf8)
                        position = nameEnd
                    }
                } else {
                    out += Array(" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\"".utf8)
                }
            }
            next = find(marker, in: bytes, from: max(position, tagEnd))
        }
        out += bytes[position...]
        // Safe: only static attribute text with generated ids was inserted into markup that was
        // already escaped when it was built.
        return HTML(unsafeRaw: String(decoding: out, as: UTF8.self))
    }

    static func attribute(_ name: String, in tag: [UInt8]) -> String? {
        let key = Array(" \(name)=\"".utf8)
        guard let at = find(key, in: tag, from: 0) else { return nil }
        let valueStart = at + key.count
        guard let valueEnd = tag[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: tag[valueStart..<valueEnd], as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
