import Foundation
import Synchronization

/// The lock writers queue on: first come, first served, with the next in line awake.
///
/// Writers take tickets and are let in in ticket order, so a save never waits behind writers
/// that came after it (a plain mutex lets whoever runs first take it, and the unlucky wait many
/// turns: the tail of the latency). Only the writer next in line waits awake, polling and
/// yielding the processor, for up to `awakeMicroseconds`; it takes the lock the moment it is
/// free instead of paying for a wake-up (tens of microseconds on a virtual machine, on every
/// hand-over when writers queue). The others sleep on a condition and are woken at each
/// hand-over, so that the new next in line starts waiting awake while the lock is still held.
final class WriterLock: @unchecked Sendable {
    /// The next ticket to hand out, and the ticket now let in.
    private let nextTicket = Atomic<UInt64>(0)
    private let serving = Atomic<UInt64>(0)
    /// Where writers further back sleep; `sleepers` (under its lock) counts them.
    private let condition = NSCondition()
    private var sleepers = 0
    /// How long the next in line waits awake before it sleeps too.
    let awakeMicroseconds: UInt64

    init(awakeMicroseconds: UInt64 = 1000) {
        self.awakeMicroseconds = awakeMicroseconds
    }

    /// Waits for this caller's turn.
    func lock() {
        let ticket = nextTicket.wrappingAdd(1, ordering: .relaxed).oldValue
        if serving.load(ordering: .acquiring) == ticket { return }
        var awakeUntil: UInt64 = 0
        while true {
            let now = WriterLock.monotonicMicroseconds()
            if awakeUntil == 0 && serving.load(ordering: .acquiring) &+ 1 == ticket { awakeUntil = now &+ awakeMicroseconds }
            if awakeUntil != 0 && now < awakeUntil {
                sched_yield()
                if serving.load(ordering: .acquiring) == ticket { return }
                continue
            }
            condition.lock()
            // Sleep until it is this ticket's turn, or it became the next in line (then wait awake).
            while serving.load(ordering: .acquiring) != ticket && (awakeUntil != 0 || serving.load(ordering: .acquiring) &+ 1 != ticket) {
                sleepers += 1
                condition.wait()
                sleepers -= 1
            }
            condition.unlock()
            if serving.load(ordering: .acquiring) == ticket { return }
        }
    }

    /// Tickets handed out so far (for tests: a writer has queued once it holds one).
    var ticketsTaken: UInt64 { nextTicket.load(ordering: .relaxed) }

    /// Lets the next ticket in and wakes the sleepers, so that the one after it starts waiting awake.
    func unlock() {
        serving.wrappingAdd(1, ordering: .releasing)
        condition.lock()
        if sleepers > 0 { condition.broadcast() }
        condition.unlock()
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000 &+ UInt64(now.tv_nsec / 1000)
    }
}
