// The HTTP module: bytes in, `Request` out; `Response` in, bytes out. It knows nothing of the
// application above it (STYLE.md). How a request travels:
//
// 1. An event loop (EventLoop.swift, one epoll thread each, `eventLoopCount` of them sharing
//    the listening socket with EPOLLEXCLUSIVE) accepts the connection and reads it
//    edge-triggered into the connection's input buffer.
// 2. The incremental parser (Parser.swift, RFC 9112) turns bytes into a head, then a body
//    (fixed length or chunked, ChunkedDecoder.swift), refusing anything ambiguous with a 4xx
//    and closing the connection, so that no request can be smuggled behind another.
// 3. Cheap answers (`respondOnEventLoop`: health, static files) are made on the loop; every
//    other request goes through the `WorkQueue` to a worker thread (Threads.swift), which
//    calls `HTTPResponder.respond(to:)` and serializes the response (Response.swift).
// 4. The worker hands the bytes back through the loop's inbox and wakes it (an eventfd); the
//    loop writes them and goes on with the next pipelined request of that connection, so
//    answers leave in request order (RFC 9112 §9.3.2).
//
// Limits and timeouts (ParserLimits, Timeouts) and backpressure (`maxPendingOutput`) bound
// what one client can cost: a slowloris head, a dripping body, a client that stops reading,
// a client that pipelines without reading.

import CSystem
import Glibc
import Synchronization

/// An HTTP/1.1 server on epoll: event loop threads do all socket I/O and parsing, a fixed pool
/// of worker threads runs the responder.
public final class HTTPServer: Sendable {
    /// What the server was made with; fixed once started.
    public let configuration: ServerConfiguration
    let responder: any HTTPResponder

    /// What `start()` made and `shutdown()` takes apart.
    private struct Running: @unchecked Sendable {
        var listener: Int32
        var port: Int
        var loops: [EventLoop]
        var queue: WorkQueue<Job>
        var loopsDone: Latch
        var workersDone: Latch
    }
    /// nil before `start()`.
    private let running = Mutex<Running?>(nil)
    /// Shared with the loops: set once by `shutdown()`.
    private let shuttingDown = Flag()

    /// A server that is not yet listening; `start()` binds and starts the threads.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// The bound port (the ephemeral one when configured with 0); 0 before `start()`.
    public var port: Int { running.withLock { $0?.port ?? 0 } }

    /// Bytes read from clients so far, over every connection (tests of backpressure).
    var bytesRead: Int {
        running.withLock { $0?.loops.reduce(0) { $0 + $1.bytesRead.load(ordering: .relaxed) } ?? 0 }
    }

    /// The most one connection has held at once, read but unparsed plus answered but unsent.
    var peakBufferedBytes: Int {
        running.withLock { $0?.loops.map { $0.peakBuffered.load(ordering: .relaxed) }.max() ?? 0 }
    }

    /// Connections the server has closed so far (tests wait for it instead of sleeping).
    var closedConnections: Int {
        running.withLock { $0?.loops.reduce(0) { $0 + $1.closedCount.load(ordering: .relaxed) } ?? 0 }
    }

    /// Connections each event loop owns now, in loop order.
    var connectionsPerLoop: [Int] {
        running.withLock { $0?.loops.map { $0.load.load(ordering: .relaxed) } ?? [] }
    }

    /// Polls the event loops made without sleeping so far (`EventLoop.waitForEvents`).
    var awakePolls: Int {
        running.withLock { $0?.loops.reduce(0) { $0 + $1.awakePolls.load(ordering: .relaxed) } ?? 0 }
    }

    /// Binds, listens, starts the event loops and workers, and returns.
    public func start() throws {
        try running.withLock { running in
            guard running == nil else { throw HTTPError.alreadyStarted }
            Glibc.signal(SIGPIPE, SIG_IGN)
            Posix.raiseFileLimit()
            let listener = try Posix.listeningSocket(host: configuration.host, port: configuration.port,
                                                     backlog: max(configuration.backlog, 1024))
            let port: Int
            do { port = try Posix.boundPort(listener) } catch { close(listener); throw error }
            let queue = WorkQueue<Job>(spinMicroseconds: configuration.awakeMicroseconds)
            let loopCount = max(1, configuration.eventLoopCount)
            let workerCount = max(1, configuration.workerCount)
            let loopsDone = Latch(count: loopCount)
            let workersDone = Latch(count: workerCount)
            var loops: [EventLoop] = []
            for _ in 0..<loopCount {
                loops.append(try EventLoop(listener: listener, configuration: configuration, responder: responder,
                                           queue: queue, shuttingDown: shuttingDown))
            }
            for loop in loops { loop.siblings = loops.map { WeakLoop(loop: $0) } }
            for loop in loops {
                try startThread(name: "http-loop") {
                    loop.run()
                    loopsDone.countDown()
                }
            }
            let responder = self.responder
            for _ in 0..<workerCount {
                try startThread(name: "http-worker") {
                    Worker(queue: queue, responder: responder).run()
                    workersDone.countDown()
                }
            }
            running = Running(listener: listener, port: port, loops: loops, queue: queue,
                              loopsDone: loopsDone, workersDone: workersDone)
        }
    }

    /// Stops accepting, lets requests in flight finish (up to `shutdownDeadline`), closes every
    /// connection and stops the threads. Returns when done.
    public func shutdown() {
        guard let state = running.withLock({ $0 }), !shuttingDown.set() else {
            return
        }
        let deadline = Posix.monotonicMilliseconds() + UInt64(max(0, configuration.shutdownDeadline) * 1000)
        for loop in state.loops { loop.stopAccepting() }
        close(state.listener)
        for loop in state.loops { loop.wake() }
        if !state.loopsDone.wait(untilMilliseconds: deadline) {
            for loop in state.loops { loop.forceStop() }
            state.loopsDone.wait(untilMilliseconds: Posix.monotonicMilliseconds() + 2000)
        }
        state.queue.stop()
        state.workersDone.wait(untilMilliseconds: max(deadline, Posix.monotonicMilliseconds() + 100))
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully and returns.
    public func runUntilSignalled() {
        let fd = eventfd(0, Int32(EFD_CLOEXEC))
        guard fd >= 0 else {
            AccessLog.writeError("runUntilSignalled: \(SocketError("eventfd"))")
            return
        }
        signalEventFD = fd
        // The handler only does an async-signal-safe write(2) to the eventfd.
        let handler: @convention(c) (Int32) -> Void = { _ in
            var one: UInt64 = 1
            _ = withUnsafePointer(to: &one) { write(signalEventFD, $0, 8) }
        }
        Glibc.signal(SIGTERM, handler)
        Glibc.signal(SIGINT, handler)
        var value: UInt64 = 0
        while withUnsafeMutablePointer(to: &value, { read(fd, $0, 8) }) < 0 && errno == EINTR {}
        Glibc.signal(SIGTERM, SIG_DFL)
        Glibc.signal(SIGINT, SIG_DFL)
        shutdown()
        close(fd)
    }
}

nonisolated(unsafe) private var signalEventFD: Int32 = -1

/// A worker thread: takes jobs, runs the responder, serializes the response and hands it back
/// to the connection's event loop.
struct Worker {
    /// Where jobs come from.
    let queue: WorkQueue<Job>
    let responder: any HTTPResponder

    /// Takes jobs until the queue stops; a status outside 100...999 becomes a 500.
    func run() {
        var dates = DateCache()
        while let job = queue.pop() {
            var response = responder.respond(to: job.request)
            if response.status < 100 || response.status > 999 {
                AccessLog.writeError("error: responder returned status \(response.status) for \(job.request.path)")
                response = .error(500)
            }
            let keepAlive = job.keepAlive && !job.loop.isShuttingDown
            let (bytes, body) = ResponseWriter.parts(response, head: job.request.method == .HEAD, keepAlive: keepAlive,
                                                     date: dates.current())
            job.loop.complete(Completion(fd: job.fd, connectionID: job.connectionID, bytes: bytes, body: body, keepAlive: keepAlive,
                                         status: response.status, bodyBytes: response.body.count,
                                         method: job.request.method, path: job.request.path, started: job.started))
            queue.finished()
        }
    }
}

/// A serialized response coming back from a worker.
struct Completion: Sendable {
    /// The connection the answer is for (fd and id, in case the fd was reused).
    var fd: Int32
    var connectionID: UInt64
    /// The serialized response: head (and small body), and a large body apart.
    var bytes: [UInt8]
    var body: [UInt8]
    var keepAlive: Bool
    /// For the access log: status, body size, method, path and when the request was complete.
    var status: Int
    var bodyBytes: Int
    var method: HTTPMethod
    var path: String
    var started: UInt64
}

/// A flag shared between threads.
final class Flag: Sendable {
    /// Once true, stays true.
    private let value = Atomic<Bool>(false)
    /// Whether the flag was set.
    var isSet: Bool { value.load(ordering: .acquiring) }
    /// Sets the flag; true when it was already set.
    func set() -> Bool { value.exchange(true, ordering: .acquiringAndReleasing) }
}
