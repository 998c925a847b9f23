import Domain
import Foundation

extension CommandLineTool {
    /// PLUSIKC_TODAY=YYYY-MM-DD fixes "today" for due dates, deadlines and the demo (tests, demos); nil: not set.
    static func injectedToday() throws -> Day? {
        guard let text = ProcessInfo.processInfo.environment["PLUSIKC_TODAY"] else { return nil }
        guard let fixed = Day(iso: text) else { throw UsageError(message: "PLUSIKC_TODAY must be a date YYYY-MM-DD, not '\(text)'") }
        return fixed
    }
}
