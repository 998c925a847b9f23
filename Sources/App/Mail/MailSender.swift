import Domain
import Foundation
import Mail
import Store
import Views

/// Wakes the sender thread: a verb that wrote to the outbox signals, so a message leaves within
/// moments instead of at the next periodic wake-up.
public final class MailSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var raised = false

    public init() {}

    public func signal() {
        condition.lock()
        raised = true
        condition.signal()
        condition.unlock()
    }

    /// Waits until signalled or `seconds` passed; returns whether it was signalled.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !raised {
            if !condition.wait(until: deadline) { break }
        }
        let was = raised
        raised = false
        return was
    }
}

/// The sender thread of `plusikc serve` (issue 20): every few seconds, and whenever signalled,
/// it writes the deadline reminders that are due and delivers the outbox's due rows, marking
/// each sent, retried later or failed. A row is marked only after the transport accepted it: a
/// crash in between sends it again, with the same Message-ID, after the restart.
public final class MailSender: @unchecked Sendable {
    let store: DataStore
    let configuration: AppConfiguration
    let transport: MailTransport
    let from: Mailbox
    let signal: MailSignal
    /// Unix seconds; tests move it to walk through the backoff.
    let now: @Sendable () -> Int64
    public var intervalSeconds: Double = 5
    /// How often the reminder job looks (it also runs when the date changes).
    public var reminderIntervalSeconds: Int64 = 600

    private let lock = NSLock()
    private var stopping = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    private var lastReminderRun: (day: Day, at: Int64)?

    public init(application: Application, transport: MailTransport, now: @escaping @Sendable () -> Int64 = { Timestamp.unixNow() }) throws {
        guard let from = Mailbox(parsing: application.configuration.mailFrom) else {
            throw MailDelivery.ParseError(message: "--mail-from '\(application.configuration.mailFrom)' is not an e-mail address")
        }
        self.store = application.store
        self.configuration = application.configuration
        self.transport = transport
        self.from = from
        self.signal = application.mailSignal
        self.now = now
    }

    public func start() {
        let thread = Thread { [self] in
            while !isStopping {
                runOnce()
                signal.wait(seconds: intervalSeconds)
            }
            finished.signal()
        }
        thread.name = "mail-sender"
        self.thread = thread
        thread.start()
    }

    /// Stops after the message in hand (waits at most `seconds`).
    public func stop(waitSeconds seconds: Double = 40) {
        lock.lock()
        stopping = true
        lock.unlock()
        signal.signal()
        if thread != nil { _ = finished.wait(timeout: .now() + seconds) }
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    /// One round: reminders when due, then every due message. Errors are logged, never fatal.
    public func runOnce() {
        do {
            let today = configuration.today(), at = now()
            if lastReminderRun.map({ $0.day != today || at - $0.at >= reminderIntervalSeconds }) ?? true {
                try runReminders(today: today)
                lastReminderRun = (today, at)
            }
            _ = try deliverDue()
        } catch {
            Application.log("mail: \(error)")
        }
    }

    /// The deadline reminders due on `today`, written to the outbox once each.
    @discardableResult
    public func runReminders(today: Day) throws -> Int {
        try DeadlineReminders.run(today: today, link: { [configuration] _, _, planID in
            configuration.link(planID.map { Route.plans(.plan($0)) } ?? Route.plans(.index))
        }, in: store)
    }

    /// Delivers the rows due now; returns how many were accepted by the transport.
    @discardableResult
    public func deliverDue() throws -> Int {
        var sent = 0
        for row in try store.read({ try Outbox.due(now: now(), $0) }) {
            if isStopping { break }
            if let problem = try store.read({ try Outbox.recipientProblem(row, $0) }) {
                try Outbox.markRefused(id: row.id, reason: problem, in: store)
                continue
            }
            let message = MailMessage(from: from, to: Mailbox(name: row.toName, address: row.toAddress), subject: row.subject,
                                      body: row.body, messageID: row.messageID, date: MailSender.date(row.createdAt),
                                      autoSubmitted: row.autoSubmitted)
            switch transport.deliver(message) {
            case .sent:
                try Outbox.markSent(id: row.id, in: store)
                sent += 1
            case .retryLater(let reason):
                try Outbox.markAttemptFailed(id: row.id, error: reason, final: false, now: now(), in: store)
            case .failed(let reason):
                try Outbox.markAttemptFailed(id: row.id, error: reason, final: true, now: now(), in: store)
            }
        }
        return sent
    }

    /// The row's creation time (ISO-8601 UTC) as the message's Date: the same on every attempt.
    static func date(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso) ?? Date()
    }
}
