/// Decodes a chunked body (RFC 9112 §7.1) as bytes arrive; trailer fields are read and discarded.
struct ChunkedDecoder {
    /// Where in the chunked grammar the next byte belongs.
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer(bytes: Int)
    }
    /// A body starts with a chunk-size line.
    private var state = State.size

    /// What one call made of the bytes available.
    enum Result {
        case needMore
        case done
        case failure(ParseFailure)
    }

    /// Index of the LF ending the CRLF-terminated line at `offset`, or nil when incomplete;
    /// a bare CR or LF, or a NUL, is a failure.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, max: Int) -> Swift.Result<Int?, ParseFailure> {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 { return .failure(ParseFailure(400, "NUL in chunked framing")) }
            if byte == 10 { return .failure(ParseFailure(400, "bare LF in chunked framing")) }
            if byte == 13 {
                guard index + 1 < bytes.count else { return .success(nil) }
                guard bytes[index + 1] == 10 else { return .failure(ParseFailure(400, "bare CR in chunked framing")) }
                return .success(index + 1)
            }
            index += 1
            if index - offset > max { return .failure(ParseFailure(400, "chunk line too long")) }
        }
        return .success(nil)
    }

    /// Decodes from `offset` as far as the bytes go, appending chunk data to `body`;
    /// `.done` after the last-chunk and the trailer section, 413 when `body` would pass `limit`.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, from offset: inout Int, into body: inout [UInt8],
                         limit: Int, limits: ParserLimits) -> Result {
        while true {
            switch state {
            case .size:
                // chunk-size [ chunk-ext ] CRLF ; chunk-size = 1*HEXDIG
                let found: Int?
                switch Self.lineEnd(bytes, from: offset, max: 4096) {
                case .failure(let failure): return .failure(failure)
                case .success(let end): found = end
                }
                guard let lf = found else { return .needMore }
                var index = offset
                var size = 0
                var digits = 0
                while index < lf - 1, let value = ASCII.hexValue(bytes[index]) {
                    digits += 1
                    if digits > 15 { return .failure(ParseFailure(413, "chunk size too large")) }
                    size = size * 16 + value
                    index += 1
                }
                guard digits > 0 else { return .failure(ParseFailure(400, "invalid chunk size")) }
                // Only BWS and a chunk extension may follow the size.
                while index < lf - 1, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                if index < lf - 1 {
                    guard bytes[index] == UInt8(ascii: ";") else { return .failure(ParseFailure(400, "invalid chunk size")) }
                    for position in index..<(lf - 1) where bytes[position] < 0x20 && bytes[position] != 0x09 {
                        return .failure(ParseFailure(400, "control character in chunk extension"))
                    }
                }
                offset = lf + 1
                if size == 0 {
                    state = .trailer(bytes: 0)
                } else {
                    if body.count + size > limit { return .failure(ParseFailure(413, "body too large")) }
                    state = .data(remaining: size)
                }
            case .data(let remaining):
                let available = min(remaining, bytes.count - offset)
                if available > 0 {
                    body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + available)]))
                    offset += available
                }
                if available < remaining {
                    state = .data(remaining: remaining - available)
                    return .needMore
                }
                state = .dataEnd
            case .dataEnd:
                guard bytes.count - offset >= 2 else { return .needMore }
                guard bytes[offset] == 13, bytes[offset + 1] == 10 else {
                    return .failure(ParseFailure(400, "chunk data not followed by CRLF"))
                }
                offset += 2
                state = .size
            case .trailer(let seen):
                let found: Int?
                switch Self.lineEnd(bytes, from: offset, max: limits.headerBytes) {
                case .failure(let failure): return .failure(failure)
                case .success(let end): found = end
                }
                guard let lf = found else {
                    if seen + bytes.count - offset > limits.headerBytes { return .failure(ParseFailure(431, "trailers too large")) }
                    return .needMore
                }
                let length = lf + 1 - offset
                if lf - 1 == offset {
                    offset = lf + 1
                    state = .size
                    return .done
                }
                if bytes[offset] == 0x20 || bytes[offset] == 0x09 { return .failure(ParseFailure(400, "obsolete line folding")) }
                if seen + length > limits.headerBytes { return .failure(ParseFailure(431, "trailers too large")) }
                offset = lf + 1
                state = .trailer(bytes: seen + length)
            }
        }
    }
}
