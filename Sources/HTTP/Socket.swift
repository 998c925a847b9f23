import CSystem
import Glibc

/// A failed POSIX call: the call's name and `errno`, as FlyingFox's Socket.swift reports them.
public struct SocketError: Error, Sendable, CustomStringConvertible {
    /// The system call (and what it was for), e.g. `epoll_ctl(listener)`.
    public var call: String
    /// The `errno` it left.
    public var errno: Int32

    /// An error for `call`, taking the current `errno` unless given.
    public init(_ call: String, errno: Int32 = csystem_errno()) {
        self.call = call
        self.errno = errno
    }

    /// The call, strerror(3)'s text and the number.
    public var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// Errors of the HTTP module other than a failed system call.
public enum HTTPError: Error, Sendable, Equatable {
    /// The host to bind is not an IPv4 address.
    case invalidAddress(String)
    /// `start()` was called twice.
    case alreadyStarted
}

/// Each POSIX call the server uses, wrapped once: `-1` becomes a thrown `SocketError`.
enum Posix {
    /// The result of a call, or a thrown `SocketError` with its errno when negative.
    static func check(_ result: Int32, _ call: String) throws(SocketError) -> Int32 {
        if result < 0 { throw SocketError(call) }
        return result
    }

    /// A non-blocking TCP listening socket with SO_REUSEADDR, bound and listening.
    static func listeningSocket(host: String, port: Int, backlog: Int32) throws -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        let resolved = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, resolved, &address.sin_addr) == 1 else {
            throw HTTPError.invalidAddress(host)
        }
        let fd = try check(socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0), "socket")
        do {
            _ = try check(csystem_set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1), "setsockopt(SO_REUSEADDR)")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            _ = try check(bound, "bind")
            _ = try check(listen(fd, backlog), "listen")
            _ = try check(csystem_set_nonblocking(fd), "fcntl(O_NONBLOCK)")
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// The port a socket is bound to.
    static func boundPort(_ fd: Int32) throws(SocketError) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        _ = try check(result, "getsockname")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// What accept4(2) gave: a connection, nothing pending, or an error.
    enum Accepted {
        case connection(Int32, String)
        case wouldBlock
        case failed(SocketError)
    }

    /// accept4 with the new socket non-blocking, close-on-exec and TCP_NODELAY.
    static func accept(_ listener: Int32) -> Accepted {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                csystem_accept4(listener, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            }
        }
        if fd < 0 {
            let error = csystem_errno()
            if error == EAGAIN || error == EWOULDBLOCK || error == EINTR || error == ECONNABORTED {
                return .wouldBlock
            }
            return .failed(SocketError("accept4", errno: error))
        }
        _ = csystem_set_int_option(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        return .connection(fd, ipv4String(address.sin_addr))
    }

    /// Dotted-quad text of an IPv4 address (inet_ntop).
    static func ipv4String(_ address: in_addr) -> String {
        let value = UInt32(bigEndian: address.s_addr)
        return "\(value >> 24).\((value >> 16) & 0xff).\((value >> 8) & 0xff).\(value & 0xff)"
    }

    /// A non-blocking eventfd to wake a loop.
    static func eventFD() throws(SocketError) -> Int32 {
        try check(eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC)), "eventfd")
    }

    /// A new epoll instance (close-on-exec).
    static func epoll() throws(SocketError) -> Int32 {
        try check(epoll_create1(Int32(EPOLL_CLOEXEC)), "epoll_create1")
    }

    /// Adds one to an eventfd counter: wakes the thread waiting on it.
    static func signal(eventFD fd: Int32) {
        var one: UInt64 = 1
        _ = withUnsafePointer(to: &one) { write(fd, $0, 8) }
    }

    /// Resets an eventfd counter.
    static func drain(eventFD fd: Int32) {
        var value: UInt64 = 0
        _ = withUnsafeMutablePointer(to: &value) { read(fd, $0, 8) }
    }

    /// Raises the open-file limit to its hard maximum: 1,000 idle connections need 1,000 fds.
    static func raiseFileLimit() {
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }

    /// CLOCK_MONOTONIC in milliseconds: timeouts never jump with the wall clock.
    static func monotonicMilliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1000 &+ UInt64(now.tv_nsec / 1_000_000)
    }

    /// CLOCK_MONOTONIC in microseconds, for request durations.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000 &+ UInt64(now.tv_nsec / 1000)
    }
}
