import Foundation

/// Timestamps as the database stores them: ISO-8601 UTC text for moments, unix seconds for
/// session bookkeeping (cheap comparisons in SQL).
public enum Timestamp {
    public static func now() -> String { iso(Date()) }

    public static func iso(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    public static func unixNow() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
