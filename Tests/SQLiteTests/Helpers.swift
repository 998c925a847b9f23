import Foundation
import Synchronization
import SQLite
import TestSupport

/// Runs `body(index)` on `count` new threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// A thread-safe list of things that went wrong (or happened) on other threads.
final class Collected<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])
    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
}

/// A thread-safe flag.
/// A flag a thread can wait for, with a deadline, instead of polling with sleeps.
final class Flag: @unchecked Sendable {
    private let condition = NSCondition()
    private var value = false

    func set() {
        condition.lock()
        value = true
        condition.broadcast()
        condition.unlock()
    }

    var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    /// Waits until the flag is set or `seconds` have passed; true when it was set.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !value {
            if !condition.wait(until: deadline) { return value }
        }
        return true
    }
}

/// An empty temporary database (no application migrations).
func emptyDatabase(readers: Int = 2) throws -> TemporaryDatabase {
    try TemporaryDatabase(migrationsDirectory: nil, readers: readers)
}
