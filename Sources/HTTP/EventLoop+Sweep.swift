import CSystem
import Glibc

// Accepting connections and the timeouts sweep of an event loop; like the rest of the loop,
// they run only on the loop's own thread.
extension EventLoop {
    /// Accepts up to 256 pending connections and gives each to the loop with the fewest
    /// (this one on a tie), which adds it to its epoll set (edge-triggered). Whichever loop the
    /// kernel wakes for a burst of connects (wrk's 64, a proxy's pool) would otherwise take them
    /// all: measured, 64 of 64 on one loop, the other core idle and half the throughput.
    /// Out of file descriptors, the listener leaves the epoll set for 100 ms instead of spinning.
    func acceptConnections() {
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
                let target = lightestLoop()
                // Counted at once, so that the next connection of a burst sees it.
                target.load.add(1, ordering: .relaxed)
                if target === self {
                    register(fd: fd, address: address)
                } else {
                    target.adopt(fd: fd, address: address)
                }
            }
        }
    }

    /// The loop owning the fewest connections; this one unless another has fewer.
    func lightestLoop() -> EventLoop {
        var lightest = self
        var fewest = load.load(ordering: .relaxed)
        for sibling in siblings {
            guard let loop = sibling.loop, loop !== self else { continue }
            let count = loop.load.load(ordering: .relaxed)
            if count < fewest {
                lightest = loop
                fewest = count
            }
        }
        return lightest
    }

    /// Hands this loop a connection another loop accepted (any thread); wakes it when it had none waiting.
    func adopt(fd: Int32, address: String) {
        let wasEmpty = arrivals.withLock { arrivals in
            arrivals.append((fd: fd, address: address))
            return arrivals.count == 1
        }
        if wasEmpty { wake() }
    }

    /// Registers the connections other loops handed over.
    func takeArrivals() {
        let taken = arrivals.withLock { arrivals in
            let taken = arrivals
            arrivals.removeAll(keepingCapacity: true)
            return taken
        }
        for arrival in taken { register(fd: arrival.fd, address: arrival.address) }
    }

    /// Makes an accepted socket one of this loop's connections (its `load` is already counted).
    func register(fd: Int32, address: String) {
        let connection = Connection(fd: fd, id: nextID, remoteAddress: address, limits: configuration.limits, now: now)
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

    /// Timeouts, checked every 100 ms.
    func sweep() {
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

    /// `epoll_wait` with `timeout` (milliseconds), but within `awakeMicroseconds` of the last
    /// events, with connections open, it first polls without sleeping, yielding the processor
    /// between polls: a client's next request and a worker's answer then find the loop awake
    /// instead of paying for a wake-up (see `WorkQueue`). With more than one request at the
    /// workers, for a tenth as long: the workers need the processors, and two loops polling
    /// beside them took a third of them (16 saves at once on two cores); not polling at all made
    /// a busy read-only page 10–15 % slower, its next requests coming within the shorter window.
    func waitForEvents(timeout: Int32) -> Int32 {
        if openCount > 0 && configuration.awakeMicroseconds > 0 {
            let busy = queue.inFlight.load(ordering: .relaxed) > 1
            let deadline = lastEvents &+ (busy ? configuration.awakeMicroseconds / 10 : configuration.awakeMicroseconds)
            while Posix.monotonicMicroseconds() < deadline {
                let count = csystem_epoll_wait(epfd, events, 256, 0)
                awakePolls.add(1, ordering: .relaxed)
                if count != 0 {
                    if count > 0 { lastEvents = Posix.monotonicMicroseconds() }
                    return count
                }
                sched_yield()
            }
        }
        let count = csystem_epoll_wait(epfd, events, 256, timeout)
        if count > 0 { lastEvents = Posix.monotonicMicroseconds() }
        return count
    }

}

/// A loop known to its siblings without keeping it alive.
struct WeakLoop {
    weak var loop: EventLoop?

}
