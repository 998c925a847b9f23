/// `text` with the five characters that are special in HTML and XML text and attribute
/// values replaced by entities: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, `"` → `&quot;`,
/// `'` → `&#39;`. Everything else, including all non-ASCII text, is left as it is.
///
/// `HTML` interpolation uses the same rule; this function is for text that is not built
/// as `HTML`, such as SVG or XML written as a string.
public func escapeText(_ text: String) -> String {
    guard text.utf8.contains(where: isSpecialByte) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    appendEscaped(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

@inline(__always)
private func isSpecialByte(_ byte: UInt8) -> Bool {
    // All five are ASCII below 0x3F, so most bytes are rejected by the first comparison.
    byte <= 0x3E && (byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27)
}

/// Appends the UTF-8 of `text` to `output`, escaped; runs without special bytes are copied
/// in one piece. UTF-8 never uses bytes below 0x80 inside a multi-byte sequence, so
/// scanning bytes cannot split a character.
@usableFromInline
func appendEscaped(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { buffer in
        var runStart = 0
        for index in 0..<buffer.count {
            let byte = buffer[index]
            guard byte <= 0x3E else { continue }
            let entity: StaticString
            switch byte {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            if runStart < index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            }
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        if runStart < buffer.count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...]))
        }
    }
}
