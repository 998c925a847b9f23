import Domain
import Foundation
import Testing
import TestSupport

/// No page links to a page its reader may not open: per role, every page reachable from home by
/// following same-site links (GET only) answers neither 403, 404 nor 5xx.
@Suite("Every link leads somewhere")
struct LinkCrawlTests {
    /// The same-site targets of a page's `href` attributes (no fragments, static files or mail).
    static func links(in html: String) -> [String] {
        let bytes = Array(html.utf8), marker = Array("href=\"".utf8)
        var found: [String] = []
        var from = 0
        while let start = TextSearch.offset(of: marker, in: bytes, from: from) {
            let valueStart = start + marker.count
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            from = end
            var target = String(decoding: bytes[valueStart..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
            if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
            guard target.hasPrefix("/"), !target.hasPrefix("//") else { continue }
            if target.hasPrefix("/static/") || target.hasPrefix("/css/") || target.hasPrefix("/img/") || target.hasPrefix("/js/") || target.hasPrefix("/favicon") { continue }
            found.append(target)
        }
        return found
    }

    /// Visits up to `limit` pages breadth-first from home; returns the failures as "from → to: status".
    static func crawl(_ browser: Browser, limit: Int = 1500) throws -> (visited: Int, failures: [String]) {
        var queue: [(String, String)] = [("/", "(start)")]
        var seen: Set<String> = ["/"]
        var failures: [String] = []
        var visited = 0
        while !queue.isEmpty, visited < limit {
            let (path, from) = queue.removeFirst()
            let page = try browser.get(path)
            visited += 1
            if page.status == 403 || page.status == 404 || page.status >= 500 {
                failures.append("\(from) → \(path): \(page.status)")
                continue
            }
            guard page.status == 200, page.header("Content-Type")?.hasPrefix("text/html") == true else { continue }
            for link in links(in: page.text) where !seen.contains(link) && link != "/logout" {
                seen.insert(link)
                queue.append((link, path))
            }
        }
        return (visited, failures)
    }

    @Test("a crawl from home follows every link and meets no 403, 404 or 5xx", arguments: [Role.projectleider, .ontwikkelgroep, .directeur, .partner])
    func crawl(role: Role) throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: role)
        let result = try LinkCrawlTests.crawl(browser)
        #expect(result.visited > 10)
        #expect(result.failures == [], "\(role): \(result.failures.count) broken links")
    }
}
