// The worker side: a FIFO of jobs guarded by a pthread mutex and condition variable, latches
// for shutdown, and named pthreads (visible as http-loop / http-worker in top -H).

import CSystem
import Glibc

/// A pthread mutex and condition variable, for the work queue and latches.
final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// A mutex and a condition variable on CLOCK_MONOTONIC, so deadlines ignore clock changes.
    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Plain pthread calls; `wait` must be called with the mutex held.
    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    func signal() { pthread_cond_signal(condition) }
    func broadcast() { pthread_cond_broadcast(condition) }
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits until the monotonic clock reaches `deadline` (milliseconds); false on timeout.
    func wait(untilMilliseconds deadline: UInt64) -> Bool {
        var time = timespec()
        time.tv_sec = Int(deadline / 1000)
        time.tv_nsec = Int(deadline % 1000) * 1_000_000
        return pthread_cond_timedwait(condition, mutex, &time) == 0
    }
}

/// Counts down to zero; `wait` returns when it gets there or at a deadline.
final class Latch: @unchecked Sendable {
    private let condition = Condition()
    /// Count-downs still to come.
    private var count: Int

    /// A latch that opens after `count` count-downs.
    init(count: Int) { self.count = count }

    /// One fewer to wait for; wakes the waiters at zero.
    func countDown() {
        condition.lock()
        count -= 1
        if count <= 0 { condition.broadcast() }
        condition.unlock()
    }

    /// True when the count reached zero before the deadline.
    @discardableResult
    func wait(untilMilliseconds deadline: UInt64) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count > 0 {
            if Posix.monotonicMilliseconds() >= deadline { return false }
            _ = condition.wait(untilMilliseconds: deadline)
        }
        return true
    }
}

/// A request handed from an event loop to the worker pool.
struct Job: Sendable {
    /// The request and whether its connection stays open.
    var request: Request
    var keepAlive: Bool
    /// The loop that owns the connection and gets the answer.
    var loop: EventLoop
    var fd: Int32
    var connectionID: UInt64
    /// When the request was complete (monotonic microseconds).
    var started: UInt64
}

/// A fixed pool's FIFO queue under one mutex and condition.
final class WorkQueue: @unchecked Sendable {
    private let condition = Condition()
    /// Jobs in arrival order; those before `head` are taken.
    private var jobs: [Job] = []
    private var head = 0
    /// Set by `stop()`.
    private var stopped = false

    /// Adds a job and wakes one worker.
    func push(_ job: Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// The next job, or nil once stopped and empty.
    func pop() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count && !stopped { condition.wait() }
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: jobs.capacity <= 1024)
            head = 0
        }
        return job
    }

    /// Wakes every worker; `pop` returns nil once the queue is empty.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Starts a detached pthread running `body`.
func startThread(name: String, _ body: @escaping @Sendable () -> Void) throws(SocketError) {
    /// Carries the closure through pthread_create's untyped argument.
    final class Box: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let named: @Sendable () -> Void = {
        csystem_set_thread_name(name)
        body()
    }
    let box = Unmanaged.passRetained(Box(named)).toOpaque()
    var thread = pthread_t()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    // Handlers render pages and run SQLite; 4 MiB of (virtual) stack is ample.
    pthread_attr_setstacksize(&attributes, 4 << 20)
    let result = pthread_create(&thread, &attributes, { argument in
        guard let argument else { return nil }
        let box = Unmanaged<Box>.fromOpaque(argument).takeRetainedValue()
        box.body()
        return nil
    }, box)
    pthread_attr_destroy(&attributes)
    if result != 0 {
        Unmanaged<Box>.fromOpaque(box).release()
        throw SocketError("pthread_create", errno: result)
    }
}
