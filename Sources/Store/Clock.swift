import Foundation
import Synchronization

/// Timestamps as the database stores them: ISO-8601 UTC text for moments, unix seconds for
/// session bookkeeping (cheap comparisons in SQL).
public enum Timestamp {
    /// Whole days added to the real clock for the moments stored (0 in production). A server
    /// whose day is fixed (PLUSIKC_TODAY, tests and demos) sets it, so that a plan submitted
    /// "now" is submitted on that day and is late or on time by that day's deadline. Sessions
    /// and two-factor codes keep the real clock (`unixNow`).
    private static let shiftDays = Mutex(0)

    /// Moves the stored moments' day to `day`, keeping the time of day.
    public static func shift(to day: Int) {
        let real = Int(unixNow() / 86_400)
        shiftDays.withLock { $0 = day - real }
    }

    public static func now() -> String { iso(Date().addingTimeInterval(Double(shiftDays.withLock { $0 }) * 86_400)) }

    public static func iso(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    public static func unixNow() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
