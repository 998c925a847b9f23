import Glibc

/// What the application plugs into the server.
public protocol HTTPResponder: Sendable {
    /// Called on a worker thread with a complete request; may block (SQLite).
    /// The server answers 500 for a status outside 100...999; use `Response.guarded` to turn
    /// thrown errors into a 500 page.
    func respond(to request: Request) -> Response
    /// Cheap answers (health, in-memory static files) served on the event loop thread, skipping
    /// the worker hop. Return nil to send the request to a worker. Default: nil.
    func respondOnEventLoop(to request: Request) -> Response?
    /// Body limit in bytes for this request head, asked before the body is read.
    /// Default: `ServerConfiguration.limits.body` (1 MiB); a negative answer means the same.
    func bodyLimit(method: HTTPMethod, path: String) -> Int
}

extension HTTPResponder {
    /// Default: every request goes to a worker.
    public func respondOnEventLoop(to request: Request) -> Response? { nil }
    /// Default: `ServerConfiguration.limits.body` for every request.
    public func bodyLimit(method: HTTPMethod, path: String) -> Int { -1 }
}

/// Timeouts in seconds.
public struct Timeouts: Sendable, Equatable {
    /// From the first byte of a request head to its end, else 408 and close (slowloris).
    public var header: Double = 10
    /// Longest pause between two reads of a body, else 408 and close.
    public var bodyIdle: Double = 10
    /// An idle keep-alive connection is closed after this.
    public var keepAliveIdle: Double = 60
    /// Longest time a pending response may make no progress before the connection is dropped.
    public var writeStall: Double = 10
    /// The defaults: 10 s for a head or a body pause, 60 s idle, 10 s write stall.
    public init() {}
    /// Every timeout given, in seconds (tests use short ones).
    public init(header: Double, bodyIdle: Double, keepAliveIdle: Double, writeStall: Double) {
        self.header = header
        self.bodyIdle = bodyIdle
        self.keepAliveIdle = keepAliveIdle
        self.writeStall = writeStall
    }
}

/// Everything the server can be told.
public struct ServerConfiguration: Sendable {
    /// The IPv4 address to bind; `localhost` means 127.0.0.1. Behind a reverse proxy keep the
    /// default, so that only the proxy can connect.
    public var host = "127.0.0.1"
    /// 0 binds an ephemeral port; `HTTPServer.port` tells which.
    public var port = 8080
    /// Threads that run `respond(to:)`.
    public var workerCount = max(4, ServerConfiguration.cores * 2)
    /// epoll threads doing all socket I/O and parsing; they share one listening socket.
    public var eventLoopCount = min(2, ServerConfiguration.cores)
    /// Queue length of listen(2); at least 1024 is used.
    public var backlog: Int32 = 1024
    /// Limits on request heads and bodies, checked while bytes arrive.
    public var limits = ParserLimits()
    /// Unsent response bytes per connection above which the server stops reading that
    /// connection until the client takes them (backpressure against pipelining non-readers).
    public var maxPendingOutput = 256 * 1024
    /// Timeouts against slow and stalled clients.
    public var timeouts = Timeouts()
    /// One line per request on stderr: method, path, status, bytes, microseconds.
    public var accessLog = true
    /// Seconds `shutdown()` waits for requests in flight.
    public var shutdownDeadline: Double = 10
    /// Microseconds an idle event loop and one idle worker stay awake (polling, yielding the
    /// processor) after their last work before they sleep; 0 sleeps at once (see `WorkQueue`).
    public var awakeMicroseconds: UInt64 = 500

    /// A configuration with the defaults for everything but the address.
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// Processors online (sysconf), at least 1: the defaults for loops and workers derive from it.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
