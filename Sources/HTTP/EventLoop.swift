// The event loop's reading, parsing and dispatching. Writing and closing are in
// EventLoop+Write.swift, accepting and the timeouts sweep in EventLoop+Sweep.swift.
//
// Backpressure: a connection is not read while more than `maxPendingOutput` bytes of its
// answers wait unsent, nor while a worker has its request and `maxBufferedInput` bytes wait
// unparsed. Its bytes then stay in the kernel, the client's sends block, and memory per
// connection stays bounded however much it pipelines. Reading resumes when EPOLLOUT shows
// the client took its answers (below half the bound) or when the worker answers.

import CSystem
import Glibc
import Synchronization

/// An epoll loop (edge-triggered for connections): accepts, reads, parses, answers cheap requests
/// itself, hands the rest to the worker queue and writes what the workers send back.
/// Everything but `inbox`, `stopAccepting`, `wake`, `forceStop` and `complete` is confined to
/// the loop's own thread.
final class EventLoop: @unchecked Sendable {
    /// epoll tokens of the listener and the wake-up eventfd; a connection's token is its fd.
    static let listenerToken: UInt64 = UInt64.max
    static let wakeToken: UInt64 = UInt64.max - 1
    /// Bytes asked of one read(2).
    static let readChunk = 64 * 1024
    /// Input kept while a request is at a worker before the loop stops reading (backpressure).
    static let maxBufferedInput = 256 * 1024
    /// Unsent answers above which a connection is neither parsed nor read until EPOLLOUT says the
    /// client took some (backpressure): a client that pipelines requests and never reads the
    /// answers holds at most this, one read chunk and one answer in memory.
    let maxPendingOutput: Int
    /// Bytes read from clients, and the most one connection held unparsed plus unsent; tests read them.
    let bytesRead = Atomic<Int>(0)
    /// The most one connection has held, unparsed input plus unsent output.
    let peakBuffered = Atomic<Int>(0)
    /// Connections this loop has closed, for tests that wait for a close.
    let closedCount = Atomic<Int>(0)
    /// Connections this loop owns, open or handed to it and not yet taken: what the loops
    /// compare to spread new connections (`acceptConnections`).
    let load = Atomic<Int>(0)
    /// Connections another loop accepted for this one, taken when the loop is woken.
    let arrivals = Mutex<[(fd: Int32, address: String)]>([])
    /// Every loop of the server, this one included (weak: the server owns the loops); set
    /// once before the threads start.
    var siblings: [WeakLoop] = []

    /// This loop's epoll instance.
    let epfd: Int32
    /// An eventfd that workers and `shutdown()` signal to wake the loop.
    let wakeFD: Int32
    /// The shared listening socket.
    let listener: Int32
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    /// Where requests for workers go.
    let queue: WorkQueue<Job>
    /// Set by `shutdown()`: no new connections, no keep-alive.
    let shutdownFlag: Flag
    /// Set when the shutdown deadline passed: stop now.
    let forceFlag = Flag()
    /// Answers from workers, taken by the loop when woken.
    let inbox = Mutex<[Completion]>([])

    /// Open connections indexed by fd.
    var connections: [Connection?] = []
    /// How many entries of `connections` are open.
    var openCount = 0
    /// The next connection's id.
    var nextID: UInt64 = 1
    /// Buffered access log lines of this loop.
    var accessLog: AccessLog
    /// The Date field value, formatted once a second.
    var dates = DateCache()
    /// One read buffer for every connection of the loop.
    var scratch: UnsafeMutableRawBufferPointer
    /// Space for epoll_wait's events.
    var events: UnsafeMutablePointer<csystem_event>
    /// False while accepting is paused (out of file descriptors).
    var listening = true
    /// When to try accepting again after running out of file descriptors.
    var acceptPausedUntil: UInt64 = 0
    /// When the timeouts are next checked.
    var nextSweep: UInt64 = 0
    /// Monotonic milliseconds, read once per wake-up.
    var now: UInt64 = 0
    /// Monotonic microseconds of the last events (`waitForEvents`).
    var lastEvents: UInt64 = 0
    /// Polls without sleeping so far (`waitForEvents`; tests check that they stop).
    let awakePolls = Atomic<Int>(0)
    /// The timeouts of `ServerConfiguration`, in milliseconds.
    let headerTimeout: UInt64
    let bodyTimeout: UInt64
    let idleTimeout: UInt64
    let writeTimeout: UInt64

    /// Whether the server is shutting down (workers then answer with `Connection: close`).
    var isShuttingDown: Bool { shutdownFlag.isSet }

    /// A loop with its own epoll set holding the listener (EPOLLEXCLUSIVE) and a wake-up eventfd.
    init(listener: Int32, configuration: ServerConfiguration, responder: any HTTPResponder, queue: WorkQueue<Job>,
         shuttingDown: Flag) throws {
        self.listener = listener
        self.configuration = configuration
        self.responder = responder
        self.queue = queue
        self.shutdownFlag = shuttingDown
        accessLog = AccessLog(enabled: configuration.accessLog)
        func milliseconds(_ seconds: Double) -> UInt64 { UInt64(max(0.001, seconds) * 1000) }
        headerTimeout = milliseconds(configuration.timeouts.header)
        bodyTimeout = milliseconds(configuration.timeouts.bodyIdle)
        idleTimeout = milliseconds(configuration.timeouts.keepAliveIdle)
        writeTimeout = milliseconds(configuration.timeouts.writeStall)
        maxPendingOutput = max(4096, configuration.maxPendingOutput)
        epfd = try Posix.epoll()
        do {
            wakeFD = try Posix.eventFD()
        } catch {
            close(epfd)
            throw error
        }
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readChunk, alignment: 16)
        events = UnsafeMutablePointer<csystem_event>.allocate(capacity: 256)
        _ = try Posix.check(csystem_epoll_ctl(epfd, EPOLL_CTL_ADD, wakeFD, CSYSTEM_EPOLLIN, Self.wakeToken), "epoll_ctl(eventfd)")
        // Several loops share the listener; EPOLLEXCLUSIVE wakes one of them per connection.
        _ = try Posix.check(csystem_epoll_ctl(epfd, EPOLL_CTL_ADD, listener, CSYSTEM_EPOLLIN | CSYSTEM_EPOLLEXCLUSIVE,
                                              Self.listenerToken), "epoll_ctl(listener)")
    }

    deinit {
        close(epfd)
        close(wakeFD)
        scratch.deallocate()
        events.deallocate()
    }

    // MARK: Called from other threads

    /// Wakes the loop from epoll_wait (any thread).
    func wake() { Posix.signal(eventFD: wakeFD) }

    /// Takes the listener out of this loop's epoll set (epoll_ctl is thread-safe).
    func stopAccepting() {
        _ = csystem_epoll_ctl(epfd, EPOLL_CTL_DEL, listener, 0, 0)
    }

    /// Makes the loop close everything and return (any thread).
    func forceStop() {
        _ = forceFlag.set()
        wake()
    }

    /// Hands a worker's response back; wakes the loop when the inbox was empty.
    func complete(_ completion: Completion) {
        let wasEmpty = inbox.withLock { inbox in
            inbox.append(completion)
            return inbox.count == 1
        }
        if wasEmpty { wake() }
    }

    // MARK: The loop

    /// Runs until shutdown: waits for events (at most 100 ms while connections are open, for the
    /// timeouts), handles them, then closes what is left.
    func run() {
        while true {
            let timeout: Int32 = openCount > 0 || !listening ? 100 : 1000
            let count = waitForEvents(timeout: timeout)
            now = Posix.monotonicMilliseconds()
            if count < 0 && errno != EINTR {
                AccessLog.writeError("http: \(SocketError("epoll_wait"))")
                break
            }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                switch event.token {
                case Self.listenerToken: acceptConnections()
                case Self.wakeToken:
                    drainInbox()
                    takeArrivals()
                default: handle(fd: Int32(truncatingIfNeeded: event.token), events: event.events)
                }
            }
            if now >= nextSweep {
                nextSweep = now + 100
                sweep()
            }
            accessLog.flushIfDue(now: now)
            if forceFlag.isSet || (shutdownFlag.isSet && openCount == 0) { break }
        }
        for case let connection? in connections { closeConnection(connection) }
        for arrival in arrivals.withLock({ $0 }) { close(arrival.fd) }
        accessLog.flush(now: now)
    }

    /// Sends the answers workers finished and resumes each connection's reading and parsing.
    func drainInbox() {
        Posix.drain(eventFD: wakeFD)
        let completions = inbox.withLock { inbox in
            let taken = inbox
            inbox.removeAll(keepingCapacity: true)
            return taken
        }
        for completion in completions {
            guard Int(completion.fd) < connections.count, let connection = connections[Int(completion.fd)],
                  connection.id == completion.connectionID, case .busy = connection.state else { continue }
            accessLog.record(method: completion.method, path: completion.path, status: completion.status,
                             bytes: completion.bodyBytes, microseconds: Posix.monotonicMicroseconds() &- completion.started)
            enqueue(completion.bytes, body: completion.body, on: connection)
            connection.state = completion.keepAlive ? .reading : .closingAfterWrite
            connection.headStarted = now
            connection.lastRead = now
            if connection.state == .reading {
                guard pump(connection) else { continue }
            } else {
                guard flush(connection) else { continue }
            }
            if connection.readPaused {
                connection.readPaused = false
                readAvailable(connection)
            } else if connection.peerClosed && connection.state == .reading && !connection.hasPendingOutput {
                closeConnection(connection)
            }
        }
    }

    /// One epoll event of a connection: writes pending output on EPOLLOUT (resuming a paused
    /// connection), reads on EPOLLIN, closes on EPOLLERR.
    func handle(fd: Int32, events: UInt32) {
        guard Int(fd) < connections.count, let connection = connections[Int(fd)] else { return }
        if events & (CSYSTEM_EPOLLERR) != 0 {
            closeConnection(connection)
            return
        }
        if events & CSYSTEM_EPOLLOUT != 0 && connection.hasPendingOutput {
            guard flush(connection) else { return }
            // The backlog drained below half the bound: resume reading (edge-triggered: no new
            // EPOLLIN comes for bytes that arrived while paused). Half, so that a slow reader
            // does not flip the connection between paused and reading for every packet.
            if connection.readPaused && connection.pendingOutput <= maxPendingOutput / 2 {
                connection.readPaused = false
                readAvailable(connection)
                return
            }
            if !connection.hasPendingOutput && connection.state == .reading && connection.hasBufferedInput {
                guard pump(connection) else { return }
            }
        }
        if events & (CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLHUP) != 0 {
            readAvailable(connection)
        }
    }

    /// Reads until EAGAIN (edge-triggered), parsing and answering after each chunk, and stops
    /// early (pausing the connection) while its answers pile up unsent or a worker has its
    /// request and enough input waits: the client's sends then block in its own kernel.
    func readAvailable(_ connection: Connection) {
        guard !connection.isClosed else { return }
        while true {
            if connection.pendingOutput > maxPendingOutput
                || (connection.state == .busy && connection.bufferedInput >= Self.maxBufferedInput) {
                connection.readPaused = true
                break
            }
            let count = read(connection.fd, scratch.baseAddress, Self.readChunk)
            if count > 0 {
                bytesRead.add(count, ordering: .relaxed)
                connection.lastRead = now
                // After the last answer the rest is drained and dropped, never parsed.
                if connection.state == .lingering || connection.state == .closingAfterWrite { continue }
                if connection.parser.isIdle && !connection.hasBufferedInput { connection.headStarted = now }
                connection.input.append(contentsOf: UnsafeRawBufferPointer(start: scratch.baseAddress, count: count)
                    .bindMemory(to: UInt8.self))
                if connection.state == .reading {
                    // Parse now, so that the answers' size, not the input's, decides when to stop.
                    guard pump(connection) else { return }
                }
                notePeak(connection)
                if count < Self.readChunk { break }
            } else if count == 0 {
                connection.peerClosed = true
                break
            } else {
                let error = errno
                if error == EINTR { continue }
                if error == EAGAIN || error == EWOULDBLOCK { break }
                closeConnection(connection)
                return
            }
        }
        switch connection.state {
        case .lingering:
            if connection.peerClosed { closeConnection(connection) }
            return
        case .reading:
            guard pump(connection) else { return }
        case .busy, .closingAfterWrite:
            break
        }
        if connection.peerClosed && connection.state == .reading && !connection.hasPendingOutput {
            closeConnection(connection)
        }
    }

    /// Records the most a connection has held in memory (for the backpressure test).
    func notePeak(_ connection: Connection) {
        let held = connection.bufferedInput + connection.pendingOutput
        if held > peakBuffered.load(ordering: .relaxed) { peakBuffered.store(held, ordering: .relaxed) }
    }

    /// Parses and answers buffered requests, writing as it goes, until input runs out, a worker
    /// takes a request, or unsent answers pile up; false when the connection was closed.
    func pump(_ connection: Connection) -> Bool {
        while true {
            let heldBack = processInput(connection)
            guard flush(connection) else { return false }
            if !heldBack || connection.hasPendingOutput { return true }
        }
    }

    /// Parses and answers buffered requests in order while the connection is free; true when it
    /// stopped because answers are piling up unsent.
    @discardableResult
    func processInput(_ connection: Connection) -> Bool {
        guard !connection.isClosed else { return false }
        while connection.state == .reading && connection.hasBufferedInput {
            // Pipelined answers pile up in `output`; stop parsing when the client is not reading them.
            if connection.pendingOutput > maxPendingOutput {
                compactInput(connection)
                return true
            }
            let step = connection.parser.parse(connection.input, from: &connection.inputStart)
            switch step {
            case .needMore:
                compactInput(connection)
                return false
            case .head(let head):
                var limit = responder.bodyLimit(method: head.method, path: head.path)
                if limit < 0 { limit = configuration.limits.body }
                if case .length(let length) = head.framing, length > limit {
                    // Refused before the body is read (RFC 9110 §15.5.14).
                    fail(connection, ParseFailure(413, "body larger than \(limit) bytes"))
                    return false
                }
                connection.parser.bodyLimit = limit
                if head.expectsContinue && !connection.hasBufferedInput {
                    // RFC 9110 §10.1.1: the client waits for this before sending the body.
                    enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), on: connection)
                }
            case .request(let head, let body):
                connection.requestStarted = Posix.monotonicMicroseconds()
                connection.headStarted = now
                dispatch(head.request(body: body, remoteAddress: connection.remoteAddress),
                         keepAlive: head.keepAlive, on: connection)
            case .failure(let failure):
                fail(connection, failure)
                return false
            }
        }
        compactInput(connection)
        return false
    }

    /// Answers on the loop when the responder can (`respondOnEventLoop`), else hands the
    /// request to a worker and marks the connection busy: answers stay in request order (RFC 9112 §9.3.2).
    func dispatch(_ request: Request, keepAlive requested: Bool, on connection: Connection) {
        let keepAlive = requested && !shutdownFlag.isSet
        if let response = responder.respondOnEventLoop(to: request) {
            let (bytes, body) = ResponseWriter.parts(response, head: request.method == .HEAD, keepAlive: keepAlive,
                                                     date: dates.current())
            accessLog.record(method: request.method, path: request.path, status: response.status,
                             bytes: response.body.count,
                             microseconds: Posix.monotonicMicroseconds() &- connection.requestStarted)
            enqueue(bytes, body: body, file: body.isEmpty ? nil : response.bodyFile, on: connection)
            if !keepAlive { connection.state = .closingAfterWrite }
            return
        }
        connection.state = .busy
        queue.push(Job(request: request, keepAlive: keepAlive, loop: self, fd: connection.fd,
                       connectionID: connection.id, started: connection.requestStarted))
    }
}
