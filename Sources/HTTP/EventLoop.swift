import CSystem
import Glibc
import Synchronization

/// One connection, owned by one event loop thread.
final class Connection {
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

    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    var state = State.reading
    var parser: RequestParser
    var input: [UInt8] = []
    var inputStart = 0
    var output: [UInt8] = []
    var outputStart = 0
    var lastRead: UInt64
    var lastWrite: UInt64
    var headStarted: UInt64
    var requestStarted: UInt64 = 0
    var lingerDeadline: UInt64 = 0
    var peerClosed = false
    var readPaused = false
    /// Set by `closeConnection`: the fd number may already belong to a new connection.
    var isClosed = false

    init(fd: Int32, id: UInt64, remoteAddress: String, limits: ParserLimits, now: UInt64) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.parser = RequestParser(limits: limits)
        lastRead = now
        lastWrite = now
        headStarted = now
    }

    var hasPendingOutput: Bool { outputStart < output.count }
    var hasBufferedInput: Bool { inputStart < input.count }
    /// Answers waiting for the client to read them.
    var pendingOutput: Int { output.count - outputStart }
    /// Bytes read and not yet parsed.
    var bufferedInput: Int { input.count - inputStart }
}

/// An epoll loop (edge-triggered for connections): accepts, reads, parses, answers cheap requests
/// itself, hands the rest to the worker queue and writes what the workers send back.
/// Everything but `inbox`, `stopAccepting`, `wake`, `forceStop` and `complete` is confined to
/// the loop's own thread.
final class EventLoop: @unchecked Sendable {
    private static let listenerToken: UInt64 = UInt64.max
    private static let wakeToken: UInt64 = UInt64.max - 1
    private static let readChunk = 64 * 1024
    /// Input kept while a request is at a worker before the loop stops reading (backpressure).
    private static let maxBufferedInput = 256 * 1024
    /// Unsent answers above which a connection is neither parsed nor read until EPOLLOUT says the
    /// client took some (backpressure): a client that pipelines requests and never reads the
    /// answers holds at most this, one read chunk and one answer in memory.
    private let maxPendingOutput: Int
    /// Bytes read from clients, and the most one connection held unparsed plus unsent; tests read them.
    let bytesRead = Atomic<Int>(0)
    let peakBuffered = Atomic<Int>(0)
    /// Connections this loop has closed, for tests that wait for a close.
    let closedCount = Atomic<Int>(0)

    private let epfd: Int32
    private let wakeFD: Int32
    private let listener: Int32
    private let configuration: ServerConfiguration
    private let responder: any HTTPResponder
    private let queue: WorkQueue
    private let shutdownFlag: Flag
    private let forceFlag = Flag()
    private let inbox = Mutex<[Completion]>([])

    private var connections: [Connection?] = []
    private var openCount = 0
    private var nextID: UInt64 = 1
    private var accessLog: AccessLog
    private var dates = DateCache()
    private var scratch: UnsafeMutableRawBufferPointer
    private var events: UnsafeMutablePointer<csystem_event>
    private var listening = true
    private var acceptPausedUntil: UInt64 = 0
    private var nextSweep: UInt64 = 0
    private var now: UInt64 = 0
    private let headerTimeout: UInt64
    private let bodyTimeout: UInt64
    private let idleTimeout: UInt64
    private let writeTimeout: UInt64

    var isShuttingDown: Bool { shutdownFlag.isSet }

    init(listener: Int32, configuration: ServerConfiguration, responder: any HTTPResponder, queue: WorkQueue,
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

    func wake() { Posix.signal(eventFD: wakeFD) }

    /// Takes the listener out of this loop's epoll set (epoll_ctl is thread-safe).
    func stopAccepting() {
        _ = csystem_epoll_ctl(epfd, EPOLL_CTL_DEL, listener, 0, 0)
    }

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

    func run() {
        while true {
            let timeout: Int32 = openCount > 0 || !listening ? 100 : 1000
            let count = csystem_epoll_wait(epfd, events, 256, timeout)
            now = Posix.monotonicMilliseconds()
            if count < 0 && errno != EINTR {
                AccessLog.writeError("http: \(SocketError("epoll_wait"))")
                break
            }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                switch event.token {
                case Self.listenerToken: acceptConnections()
                case Self.wakeToken: drainInbox()
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
        accessLog.flush(now: now)
    }

    private func acceptConnections() {
        guard !shutdownFlag.isSet else { return }
        for _ in 0..<256 {
            switch Posix.accept(listener) {
            case .wouldBlock:
                return
            case .failed(let error):
                // Out of file descriptors: stop accepting for a moment instead of spinning.
                AccessLog.writeError("http: \(error)")
                if error.errno == EMFILE || error.errno == ENFILE || error.errno == ENOBUFS || error.errno == ENOMEM {
                    _ = csystem_epoll_ctl(epfd, EPOLL_CTL_DEL, listener, 0, 0)
                    listening = false
                    acceptPausedUntil = now + 100
                }
                return
            case .connection(let fd, let address):
                let connection = Connection(fd: fd, id: nextID, remoteAddress: address,
                                            limits: configuration.limits, now: now)
                nextID += 1
                let index = Int(fd)
                if index >= connections.count {
                    connections.append(contentsOf: repeatElement(nil, count: index + 1 - connections.count + 64))
                }
                connections[index] = connection
                openCount += 1
                let mask = CSYSTEM_EPOLLIN | CSYSTEM_EPOLLOUT | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLET
                if csystem_epoll_ctl(epfd, EPOLL_CTL_ADD, fd, mask, UInt64(fd)) < 0 {
                    AccessLog.writeError("http: \(SocketError("epoll_ctl(connection)"))")
                    closeConnection(connection)
                }
            }
        }
    }

    private func drainInbox() {
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
            enqueue(completion.bytes, on: connection)
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

    private func handle(fd: Int32, events: UInt32) {
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
    private func readAvailable(_ connection: Connection) {
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

    private func notePeak(_ connection: Connection) {
        let held = connection.bufferedInput + connection.pendingOutput
        if held > peakBuffered.load(ordering: .relaxed) { peakBuffered.store(held, ordering: .relaxed) }
    }

    /// Parses and answers buffered requests, writing as it goes, until input runs out, a worker
    /// takes a request, or unsent answers pile up; false when the connection was closed.
    private func pump(_ connection: Connection) -> Bool {
        while true {
            let heldBack = processInput(connection)
            guard flush(connection) else { return false }
            if !heldBack || connection.hasPendingOutput { return true }
        }
    }

    /// Parses and answers buffered requests in order while the connection is free; true when it
    /// stopped because answers are piling up unsent.
    @discardableResult
    private func processInput(_ connection: Connection) -> Bool {
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

    private func compactInput(_ connection: Connection) {
        if connection.inputStart >= connection.input.count {
            connection.input.removeAll(keepingCapacity: connection.input.capacity <= 8192)
            connection.inputStart = 0
        } else if connection.inputStart > 64 * 1024 {
            connection.input.removeFirst(connection.inputStart)
            connection.inputStart = 0
        }
    }

    private func dispatch(_ request: Request, keepAlive requested: Bool, on connection: Connection) {
        let keepAlive = requested && !shutdownFlag.isSet
        if let response = responder.respondOnEventLoop(to: request) {
            let bytes = ResponseWriter.serialize(response, head: request.method == .HEAD, keepAlive: keepAlive,
                                                 date: dates.current())
            accessLog.record(method: request.method, path: request.path, status: response.status,
                             bytes: response.body.count,
                             microseconds: Posix.monotonicMicroseconds() &- connection.requestStarted)
            enqueue(bytes, on: connection)
            if !keepAlive { connection.state = .closingAfterWrite }
            return
        }
        connection.state = .busy
        queue.push(Job(request: request, keepAlive: keepAlive, loop: self, fd: connection.fd,
                       connectionID: connection.id, started: connection.requestStarted))
    }

    /// Answers a refused request with a small plain page and closes the connection.
    private func fail(_ connection: Connection, _ failure: ParseFailure) {
        let response = Response.error(failure.status)
        let bytes = ResponseWriter.serialize(response, head: false, keepAlive: false, date: dates.current())
        accessLog.record(method: nil, path: failure.reason, status: failure.status, bytes: response.body.count,
                         microseconds: 0)
        enqueue(bytes, on: connection)
        connection.state = .closingAfterWrite
        connection.input = []
        connection.inputStart = 0
        _ = flush(connection)
    }

    private func enqueue(_ bytes: [UInt8], on connection: Connection) {
        if connection.hasPendingOutput {
            // Drop what a slow reader already took, so the buffer holds only what is unsent.
            if connection.outputStart >= 64 * 1024 {
                connection.output.removeFirst(connection.outputStart)
                connection.outputStart = 0
            }
            connection.output.append(contentsOf: bytes)
        } else {
            connection.output = bytes
            connection.outputStart = 0
        }
    }

    /// Writes pending output; false when the connection was closed.
    private func flush(_ connection: Connection) -> Bool {
        guard !connection.isClosed else { return false }
        while connection.hasPendingOutput {
            let count = connection.output.withUnsafeBytes { raw in
                csystem_send(connection.fd, raw.baseAddress.map { $0 + connection.outputStart },
                             raw.count - connection.outputStart)
            }
            if count > 0 {
                connection.outputStart += count
                connection.lastWrite = now
            } else {
                let error = errno
                if count < 0 && error == EINTR { continue }
                if count < 0 && (error == EAGAIN || error == EWOULDBLOCK) { return true }
                closeConnection(connection)
                return false
            }
        }
        if connection.output.capacity > 64 * 1024 || !connection.output.isEmpty {
            connection.output = []
            connection.outputStart = 0
        }
        connection.lastWrite = now
        if connection.state == .closingAfterWrite {
            Glibc.shutdown(connection.fd, Int32(SHUT_WR))
            connection.state = .lingering
            connection.lingerDeadline = now + 2000
            if connection.peerClosed {
                closeConnection(connection)
                return false
            }
        }
        return true
    }

    private func closeConnection(_ connection: Connection) {
        let index = Int(connection.fd)
        guard index < connections.count, connections[index] === connection else { return }
        connections[index] = nil
        connection.isClosed = true
        openCount -= 1
        // close(2) also removes the fd from the epoll set.
        close(connection.fd)
        closedCount.add(1, ordering: .relaxed)
    }

    /// Timeouts, checked every 100 ms.
    private func sweep() {
        if !listening && now >= acceptPausedUntil && !shutdownFlag.isSet {
            if csystem_epoll_ctl(epfd, EPOLL_CTL_ADD, listener, CSYSTEM_EPOLLIN | CSYSTEM_EPOLLEXCLUSIVE, Self.listenerToken) == 0 {
                listening = true
            }
        }
        let draining = shutdownFlag.isSet
        for case let connection? in connections {
            if connection.hasPendingOutput && now &- connection.lastWrite > writeTimeout {
                closeConnection(connection)
                continue
            }
            switch connection.state {
            case .reading:
                // Parsing waits for our own unsent answers: only the write-stall timeout applies.
                if connection.hasPendingOutput { continue }
                if connection.parser.isIdle && !connection.hasBufferedInput {
                    if draining || now &- connection.lastRead > idleTimeout { closeConnection(connection) }
                } else if connection.parser.isReadingBody {
                    if now &- connection.lastRead > bodyTimeout {
                        fail(connection, ParseFailure(408, "body read timed out"))
                    }
                } else if now &- connection.headStarted > headerTimeout {
                    fail(connection, ParseFailure(408, "header read timed out"))
                }
            case .busy:
                break
            case .closingAfterWrite:
                if draining && !connection.hasPendingOutput { closeConnection(connection) }
            case .lingering:
                if now >= connection.lingerDeadline || draining { closeConnection(connection) }
            }
        }
    }
}
