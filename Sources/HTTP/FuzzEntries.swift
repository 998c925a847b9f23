/// Entry points of the HTTP fuzz targets (Tests/Fuzz/run.sh) and of the corpus replay in
/// `swift test`: each takes arbitrary bytes and must return normally for every input; a crash,
/// a sanitizer report or a broken property (`preconditionFailure`) is a finding.
public enum FuzzHTTP {
    /// Small limits, so that short inputs reach the 413, 414 and 431 paths too.
    static var limits: ParserLimits {
        var limits = ParserLimits()
        limits.requestLine = 256
        limits.headerBytes = 1024
        limits.headerFields = 16
        limits.body = 4096
        return limits
    }

    /// What a parser made of a stream: the requests in order, then whether it refused one.
    struct Outcome: Equatable {
        var requests: [String] = []
        var failed = false
    }

    /// Feeds `stream` to a parser in the chunks `sizes` cuts it into, as a connection would.
    static func feed(_ stream: ArraySlice<UInt8>, sizes: (Int) -> Int) -> Outcome {
        var parser = RequestParser(limits: limits)
        var buffer: [UInt8] = []
        var offset = 0
        var outcome = Outcome()
        var position = stream.startIndex
        var round = 0
        while position < stream.endIndex {
            let size = max(1, sizes(round))
            round += 1
            let end = min(stream.endIndex, position + size)
            buffer.append(contentsOf: stream[position..<end])
            position = end
            parsing: while true {
                switch parser.parse(buffer, from: &offset) {
                case .needMore:
                    break parsing
                case .head(let head):
                    parser.bodyLimit = limits.body
                    if case .length(let length) = head.framing, length > parser.bodyLimit {
                        outcome.failed = true
                        return outcome
                    }
                case .request(let head, let body):
                    let request = head.request(body: body, remoteAddress: "fuzz")
                    let fields = request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
                    outcome.requests.append("\(request.method.rawValue) \(request.target) \(request.path) \(fields) \(body)")
                    _ = request.formValues()
                    _ = request.multipartParts()
                case .failure:
                    outcome.failed = true
                    return outcome
                }
            }
            // A connection drops what the parser consumed (EventLoop.compactInput).
            if offset > 512 {
                buffer.removeFirst(offset)
                offset = 0
            }
        }
        return outcome
    }

    /// The first byte seeds how the rest is split; the parser must see the same requests as when
    /// it gets the stream in one piece (up to the first refusal, whose status may differ with
    /// where the bytes were cut).
    public static func requestParser(_ data: [UInt8]) {
        guard let seed = data.first else { return }
        let stream = data.dropFirst()
        let whole = feed(stream) { _ in stream.count }
        var state = UInt32(seed) &+ 0x9E37_79B9
        let split = feed(stream) { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return Int(state % 64) + 1
        }
        let common = min(whole.requests.count, split.requests.count)
        if whole.requests.prefix(common) != split.requests.prefix(common)
            || (!whole.failed && !split.failed && whole.requests != split.requests) {
            preconditionFailure("split parsing differs: \(whole) vs \(split)")
        }
    }

    /// The first line is the Content-Type value, the rest the body.
    public static func multipart(_ data: [UInt8]) {
        let newline = data.firstIndex(of: 10) ?? data.endIndex
        let contentType = String(decoding: data[..<newline], as: UTF8.self)
        let body = newline < data.endIndex ? Array(data[(newline + 1)...]) : []
        let request = Request(method: .POST, target: "/upload", headers: HTTPHeaders([("Content-Type", contentType)]), body: body)
        for part in request.multipartParts() ?? [] { _ = part.text }
    }

    /// Form and query decoding, percent-decoding, cookies and the Location encoding; the
    /// Location encoding must give ASCII and change nothing the second time.
    public static func urlencodedForm(_ data: [UInt8]) {
        let form = FormValues(parsing: data)
        for pair in form { _ = form.all(pair.name) }
        _ = PercentEncoding.decode(data)
        let text = String(decoding: data, as: UTF8.self)
        _ = Cookie.parse(text)
        let encoded = PercentEncoding.encodeURIReference(text)
        guard encoded.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
              PercentEncoding.encodeURIReference(encoded) == encoded else {
            preconditionFailure("Location encoding of \(Array(text.utf8)) gives \(encoded)")
        }
        _ = Request(method: .GET, target: "/" + text)
    }
}
