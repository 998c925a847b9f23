import Foundation
import Synchronization

/// The lock writers queue on: first come, first served, with the next in line awake.
///
/// Writers take tickets and are let in in ticket order, so a save never waits behind writers
/// that came after it (a plain mutex lets whoever runs first take it, and the unlucky wait many
/// turns: the tail of the latency). Only the writer next in line waits awake, polling and
/// yielding the processor, for up to `awakeMicroseconds`; it takes the lock the moment it is
/// free instead of paying for a wake-up (tens of microseconds on a virtual machine, on every
/// hand-over when writers queue). The others sleep, each on the condition of its ticket's slot,
/// and a hand-over wakes only the two writers it concerns: the one let in and the new next in
/// line, which starts waiting awake while the lock is still held. Waking every sleeper at each
/// hand-over cost the writer that had just been let in its processor: at 16 clients on two
/// cores it spent a third of its turn waiting to run, with the whole queue waiting behind it.
final class WriterLock: @unchecked Sendable {
    /// The next ticket to hand out, and the ticket now let in.
    private let nextTicket = Atomic<UInt64>(0)
    private let serving = Atomic<UInt64>(0)
    /// Where writers further back sleep: the one with ticket `t` on `slots[t % slotCount]`.
    /// Tickets `slotCount` apart share a slot, and the later one may wake for nothing: it
    /// checks its turn and sleeps again.
    private static let slotCount: UInt64 = 16
    private let slots = (0..<WriterLock.slotCount).map { _ in NSCondition() }
    /// Times a sleeping writer was woken (for tests: a hand-over wakes at most two).
    let wakeUps = Atomic<Int>(0)
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
            let slot = slot(of: ticket)
            slot.lock()
            // Sleep until it is this ticket's turn, or it became the next in line (then wait awake).
            while serving.load(ordering: .acquiring) != ticket && (awakeUntil != 0 || serving.load(ordering: .acquiring) &+ 1 != ticket) {
                slot.wait()
                wakeUps.add(1, ordering: .relaxed)
            }
            slot.unlock()
            if serving.load(ordering: .acquiring) == ticket { return }
        }
    }

    /// Tickets handed out so far (for tests: a writer has queued once it holds one).
    var ticketsTaken: UInt64 { nextTicket.load(ordering: .relaxed) }

    /// Lets the next ticket in and wakes the writer let in (asleep if its awake wait ran out) and
    /// the one after it, which starts waiting awake. A writer checks `serving` under its slot's
    /// lock before it waits, and the broadcast comes after `serving` moved, under that lock: no
    /// wake-up is missed.
    func unlock() {
        let next = serving.wrappingAdd(1, ordering: .releasing).newValue
        wake(slot(of: next))
        wake(slot(of: next &+ 1))
    }

    private func slot(of ticket: UInt64) -> NSCondition {
        slots[Int(ticket % Self.slotCount)]
    }

    private func wake(_ slot: NSCondition) {
        slot.lock()
        slot.broadcast()
        slot.unlock()
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000 &+ UInt64(now.tv_nsec / 1000)
    }
}
