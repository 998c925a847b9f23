import Foundation
import Synchronization
import Testing
import TestSupport
@testable import SQLite

/// Writers are let in in the order they came; the next in line waits awake, the others sleep.
@Suite("The writers' lock")
struct WriterLockTests {
    /// `count` writers queue one after another behind a held lock; the holder lets go and at once
    /// asks again. First come, first served: the holder comes after all of them, though it was
    /// running while they still had to be woken (a plain mutex lets it straight back in).
    func queueInOrder(_ lock: WriterLock, holdMilliseconds: UInt32, count: Int = 4) throws -> [Int] {
        let order = Collected<Int>()
        lock.lock()
        let done = DispatchGroup()
        for index in 1...count {
            done.enter()
            Thread {
                lock.lock()
                order.append(index)
                lock.unlock()
                done.leave()
            }.start()
            let deadline = Date(timeIntervalSinceNow: 10)
            while lock.ticketsTaken < UInt64(index + 1) && Date() < deadline { usleep(1000) }
        }
        usleep(holdMilliseconds * 1000)
        lock.unlock()
        lock.lock()
        order.append(0)
        lock.unlock()
        #expect(done.wait(timeout: .now() + 10) == .success)
        return order.all
    }

    @Test("first come, first served, also against the holder that lets go and asks again at once")
    func firstComeFirstServed() throws {
        #expect(try queueInOrder(WriterLock(awakeMicroseconds: 1000), holdMilliseconds: 0) == [1, 2, 3, 4, 0])
    }

    @Test("a hold longer than the awake wait: the next in line sleeps too and is still let in first")
    func longHold() throws {
        #expect(try queueInOrder(WriterLock(awakeMicroseconds: 1000), holdMilliseconds: 50) == [1, 2, 3, 4, 0])
    }

    @Test("without an awake wait every writer sleeps, in the same order")
    func noAwakeWait() throws {
        #expect(try queueInOrder(WriterLock(awakeMicroseconds: 0), holdMilliseconds: 10) == [1, 2, 3, 4, 0])
    }

    @Test("more sleepers than slots: writers whose tickets share a slot still go in order")
    func sharedSlots() throws {
        #expect(try queueInOrder(WriterLock(awakeMicroseconds: 0), holdMilliseconds: 10, count: 40) == Array(1...40) + [0])
    }

    @Test("a hand-over wakes the writer let in and the next in line, not every sleeper")
    func targetedWakeUps() throws {
        // Without an awake wait each of the eight sleeps twice at most: until it is next in
        // line, then until it is let in. Waking every sleeper at each hand-over gave 26-27.
        let lock = WriterLock(awakeMicroseconds: 0)
        #expect(try queueInOrder(lock, holdMilliseconds: 10, count: 8) == Array(1...8) + [0])
        #expect(lock.wakeUps.load(ordering: .relaxed) <= 16)
        #expect(lock.wakeUps.load(ordering: .relaxed) >= 1)
    }

    @Test("eight threads of a thousand turns each: every increment inside the lock counts")
    func mutualExclusion() {
        final class Counter: @unchecked Sendable { var value = 0 }
        let lock = WriterLock()
        let counter = Counter()
        onThreads(8) { _ in
            for _ in 0..<1000 {
                lock.lock()
                counter.value += 1
                lock.unlock()
            }
        }
        #expect(counter.value == 8000)
    }
}
