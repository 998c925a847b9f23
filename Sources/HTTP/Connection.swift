/// One connection, owned by one event loop thread.
final class Connection {
    /// Where a connection is in its request/response cycle.
    enum State {
        /// Reading and parsing requests (answers from the loop itself may be pending in `output`).
        case reading
        /// A request is at a worker; later pipelined bytes wait in `input`.
        case busy
        /// The last response is being written; then the write side is shut.
        case closingAfterWrite
        /// Write side shut; unread input is drained until EOF or a short deadline, so the
        /// client gets our last response instead of a reset (RFC 9112 §9.6).
        case lingering
    }

    /// The socket, non-blocking; also the index in the loop's table.
    let fd: Int32
    /// A number never reused, so a late worker answer cannot reach a new connection on the same fd.
    let id: UInt64
    /// The peer's address, copied into every request.
    let remoteAddress: String
    /// Reading, waiting for a worker, writing the last answer, or lingering.
    var state = State.reading
    /// The incremental parser; keeps its place between reads.
    var parser: RequestParser
    /// Bytes read and not yet parsed start at `inputStart`.
    var input: [UInt8] = []
    /// Offset of the first unparsed byte of `input`.
    var inputStart = 0
    /// Serialized answers; the unsent ones start at `outputStart`.
    var output: [UInt8] = []
    /// Offset of the first unsent byte of `output`.
    var outputStart = 0
    /// A large body (a static file, a big page) sent after `output` straight from its own
    /// storage, shared, not copied; its unsent bytes start at `bodyStart`.
    var body: [UInt8] = []
    var bodyStart = 0
    /// `body` again in a sealed memory file (a large static file): sent with sendfile(2) instead.
    var bodyFile: SealedFile?
    /// Monotonic milliseconds of the last read (idle and body timeouts).
    var lastRead: UInt64
    /// Monotonic milliseconds of the last progress writing (write-stall timeout).
    var lastWrite: UInt64
    /// When the current head's first byte arrived (header timeout, against slowloris).
    var headStarted: UInt64
    /// Monotonic microseconds when the request was complete, for the access log.
    var requestStarted: UInt64 = 0
    /// When a lingering close gives up draining input.
    var lingerDeadline: UInt64 = 0
    /// The client half-closed (read returned 0).
    var peerClosed = false
    /// Reading stopped for backpressure; whoever relieves it must call `readAvailable`.
    var readPaused = false
    /// Set by `closeConnection`: the fd number may already belong to a new connection.
    var isClosed = false

    /// A fresh connection, just accepted at `now`.
    init(fd: Int32, id: UInt64, remoteAddress: String, limits: ParserLimits, now: UInt64) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.parser = RequestParser(limits: limits)
        lastRead = now
        lastWrite = now
        headStarted = now
    }

    /// Whether some answer is not yet sent.
    var hasPendingOutput: Bool { outputStart < output.count || bodyStart < body.count }
    /// Whether some read bytes are not yet parsed.
    var hasBufferedInput: Bool { inputStart < input.count }
    /// Answers waiting for the client to read them.
    var pendingOutput: Int { output.count - outputStart + body.count - bodyStart }
    /// Bytes read and not yet parsed.
    var bufferedInput: Int { input.count - inputStart }
}
