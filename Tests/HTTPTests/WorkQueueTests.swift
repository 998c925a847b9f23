import Glibc
import Synchronization
import Testing
import TestSupport
@testable import HTTP

/// The worker pool's queue: one worker waits awake for a while before it sleeps, and no job
/// pushed meanwhile is left waiting for a wake-up that nobody sends.
@Suite("The work queue")
struct WorkQueueTests {
    /// Workers that take one job each and then hold on to it until `release`, so that a second
    /// job can only be taken by a second worker.
    final class Workers: Sendable {
        let taken = Mutex<[Int]>([])
        let hold = Latch(count: 1)
        let finished = Latch(count: 0)

        func start(_ count: Int, on queue: WorkQueue<Int>) throws {
            for index in 0..<count {
                try startThread(name: "test-worker-\(index)") {
                    guard let job = queue.pop() else {
                        self.taken.withLock { $0.append(-1) }
                        return
                    }
                    self.taken.withLock { $0.append(job) }
                    self.hold.wait(untilMilliseconds: Posix.monotonicMilliseconds() + 10_000)
                }
            }
        }

        func release() { hold.countDown() }
    }

    @Test("two jobs pushed while one worker waits awake are taken by two workers: the one awake passes the second on")
    func passesJobsOn() throws {
        let queue = WorkQueue<Int>(spinMicroseconds: 5_000_000)
        let workers = Workers()
        defer { workers.release(); queue.stop() }
        try workers.start(1, on: queue)
        #expect(waitUntil { queue.hasSpinningWorker })
        // The second worker finds a worker awake and sleeps on the condition.
        try workers.start(1, on: queue)
        usleep(50_000)
        queue.push(1)
        queue.push(2)
        // The worker awake holds its job, so the second job needs the sleeping worker woken.
        #expect(waitUntil { workers.taken.withLock { $0.count } == 2 })
        #expect(workers.taken.withLock { $0.sorted() } == [1, 2])
    }

    @Test("a worker waits awake only for its window, then sleeps and is woken by the next push")
    func sleepsAfterWindow() throws {
        let queue = WorkQueue<Int>(spinMicroseconds: 200_000)
        let workers = Workers()
        defer { workers.release(); queue.stop() }
        try workers.start(1, on: queue)
        #expect(waitUntil { queue.hasSpinningWorker })
        #expect(waitUntil { !queue.hasSpinningWorker })
        usleep(20_000)
        #expect(workers.taken.withLock { $0 }.isEmpty)
        queue.push(7)
        #expect(waitUntil { workers.taken.withLock { $0 } == [7] })
    }

    @Test("stop ends a worker's awake wait at once: pop answers nil long before the window ends")
    func stopEndsAwakeWait() throws {
        let queue = WorkQueue<Int>(spinMicroseconds: 60_000_000)
        let workers = Workers()
        defer { workers.release() }
        try workers.start(1, on: queue)
        #expect(waitUntil { queue.hasSpinningWorker })
        queue.stop()
        #expect(waitUntil { workers.taken.withLock { $0 } == [-1] })
    }

    @Test("with no window a worker sleeps at once, and every job is taken in order")
    func noWindow() throws {
        let queue = WorkQueue<Int>(spinMicroseconds: 0)
        let workers = Workers()
        defer { workers.release(); queue.stop() }
        try workers.start(3, on: queue)
        usleep(20_000)
        #expect(!queue.hasSpinningWorker)
        for job in 1...3 { queue.push(job) }
        #expect(waitUntil { workers.taken.withLock { $0.count } == 3 })
        #expect(workers.taken.withLock { $0.sorted() } == [1, 2, 3])
    }
}

/// The event loop polls without sleeping only just after its last events.
@Suite("An event loop's awake window")
struct AwakeLoopTests {
    @Test("after a request the loop polls awake for a moment, then sleeps though the connection stays open")
    func loopSleepsAfterWindow() throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.eventLoopCount = 1
        configuration.accessLog = false
        configuration.awakeMicroseconds = 5_000
        let server = HTTPServer(configuration: configuration, responder: TestResponder(staticFiles: nil, gate: Gate()))
        try server.start()
        defer { server.shutdown() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "ok")
        // The keep-alive connection stays open and idle: the polls stop after the window.
        usleep(100_000)
        let settled = server.awakePolls
        #expect(settled > 0)
        usleep(300_000)
        #expect(server.awakePolls == settled)
        // The next request is answered as before.
        try client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().text == "ok")
    }

    @Test("with two requests at the workers the loop polls for a tenth of its window, with one for all of it; answers wake it")
    func loopPollsLessWhileWorkersAreBusy() throws {
        var configuration = ServerConfiguration(port: 0)
        configuration.eventLoopCount = 1
        configuration.workerCount = 2
        configuration.accessLog = false
        configuration.awakeMicroseconds = 3_000_000
        let gate = Gate()
        let server = HTTPServer(configuration: configuration, responder: TestResponder(staticFiles: nil, gate: gate))
        try server.start()
        defer { gate.open(2); server.shutdown() }
        let first = try RawHTTPClient(port: server.port), second = try RawHTTPClient(port: server.port)
        try first.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(waitUntil { gate.waiting == 1 })
        // One request at the workers: the loop polls awake for its answer, past a tenth of the window.
        usleep(400_000)
        let one = server.awakePolls
        usleep(50_000)
        #expect(server.awakePolls > one)
        try second.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(waitUntil { gate.waiting == 2 })
        // Two: after a tenth of the window (0.3 s) the loop sleeps, leaving the processors to the workers.
        usleep(500_000)
        let two = server.awakePolls
        usleep(300_000)
        #expect(server.awakePolls == two)
        // The answers wake it and reach both clients.
        gate.open(2)
        #expect(try first.readResponse().text == "slow done")
        #expect(try second.readResponse().text == "slow done")
    }
}
