/// Limits on what a client may send, checked while bytes arrive.
public struct ParserLimits: Sendable, Equatable {
    /// Request line (method, target, version) in bytes, else 414 (RFC 9112 §3).
    public var requestLine = 8 * 1024
    /// Header section in bytes, else 431 (RFC 6585 §5).
    public var headerBytes = 32 * 1024
    /// Number of header fields, else 431.
    public var headerFields = 100
    /// Default body size in bytes, else 413; a responder may raise it per route.
    public var body = 1024 * 1024
    /// The defaults above.
    public init() {}
}

/// How the length of a request body is known (RFC 9112 §6.3).
enum BodyFraming: Equatable {
    case none
    case length(Int)
    case chunked
}

/// A parsed request head, before its body.
struct RequestHead {
    /// The fields of the request line and head, as `Request` will carry them.
    var method: HTTPMethod
    var target: String
    var path: String
    var query: FormValues
    var version: HTTPVersion
    var headers: HTTPHeaders
    /// How the body that follows is delimited.
    var framing: BodyFraming
    /// Whether the connection persists after this request (RFC 9112 §9.3).
    var keepAlive: Bool
    /// Whether the client waits for 100 Continue before sending the body (RFC 9110 §10.1.1).
    var expectsContinue: Bool

    /// The complete request, once its body is read.
    func request(body: [UInt8], remoteAddress: String) -> Request {
        var request = Request(method: method, target: target, path: path, query: query, version: version,
                              headers: headers, body: body, remoteAddress: remoteAddress)
        request.version = version
        return request
    }
}

/// Why a request is refused; the connection is always closed after it.
struct ParseFailure: Error, Equatable {
    /// The status to answer (400, 413, 414, 431, 501, 505).
    var status: Int
    /// What was wrong, for the access log.
    var reason: String
    /// A refusal with its status and reason.
    init(_ status: Int, _ reason: String) {
        self.status = status
        self.reason = reason
    }
}
