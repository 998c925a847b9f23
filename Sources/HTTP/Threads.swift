// The worker side: a FIFO of jobs guarded by a pthread mutex and condition variable, latches
// for shutdown, and named pthreads (visible as http-loop / http-worker in top -H).

import CSystem
import Glibc
import Synchronization

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
///
/// A worker that finds the queue empty first waits awake for a short while (`spinMicroseconds`,
/// yielding the processor on every turn) before it sleeps on the condition, and only one worker
/// at a time does so. On a virtual machine, waking a thread whose processor has halted costs
/// tens of microseconds, twice per request at one client: a request that comes within the
/// window is taken without that wake-up. Go's scheduler keeps "spinning" threads for the same
/// reason. Under load the queue is rarely empty, so nothing spins.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
    private let condition = Condition()
    /// Jobs in arrival order; those before `head` are taken.
    private var jobs: [Item] = []
    private var head = 0
    /// Set by `stop()`.
    private var stopped = false
    /// Whether a worker is waiting awake: then `push` need not wake a sleeping one.
    private var spinning = false
    /// Jobs pushed, read without the lock by the waiting-awake worker.
    private let pushed = Atomic<Int>(0)
    /// How long a worker waits awake for the next job.
    let spinMicroseconds: UInt64
    /// Jobs pushed and not yet `finished`: waiting or being answered.
    let inFlight = Atomic<Int>(0)

    init(spinMicroseconds: UInt64 = 0) {
        self.spinMicroseconds = spinMicroseconds
    }

    /// Adds a job and wakes one worker unless one is waiting awake.
    func push(_ job: Item) {
        inFlight.add(1, ordering: .relaxed)
        condition.lock()
        jobs.append(job)
        pushed.add(1, ordering: .releasing)
        if !spinning { condition.signal() }
        condition.unlock()
    }

    /// The next job, or nil once stopped and empty.
    func pop() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        var spun = spinMicroseconds == 0
        while head == jobs.count && !stopped {
            if !spun && !spinning {
                spun = true
                spinning = true
                let seen = pushed.load(ordering: .acquiring)
                condition.unlock()
                let deadline = Posix.monotonicMicroseconds() &+ spinMicroseconds
                while pushed.load(ordering: .acquiring) == seen && Posix.monotonicMicroseconds() < deadline { sched_yield() }
                condition.lock()
                spinning = false
                continue
            }
            condition.wait()
        }
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: jobs.capacity <= 1024)
            head = 0
        } else {
            // Jobs pushed while a worker waited awake woke nobody: pass them on.
            condition.signal()
        }
        return job
    }

    /// A worker has answered a job it popped.
    func finished() {
        inFlight.subtract(1, ordering: .relaxed)
    }

    /// Whether a worker is waiting awake for the next job now (for tests).
    var hasSpinningWorker: Bool {
        condition.lock()
        defer { condition.unlock() }
        return spinning
    }

    /// Wakes every worker; `pop` returns nil once the queue is empty.
    func stop() {
        condition.lock()
        stopped = true
        pushed.add(1, ordering: .releasing)   // ends a worker's awake wait too
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
