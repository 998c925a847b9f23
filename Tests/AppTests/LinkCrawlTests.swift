import Domain
import Foundation
import Testing
import TestSupport

/// No page links to a page its reader may not open: per role, every page reachable from home by
/// following same-site links (GET only) answers neither 403, 404 nor 5xx.
///
/// Every HTML page reached is opened, since any of them may link further. A download (a CSV:
/// no links in it) is opened for one target of each shape, the target with its numbers left
/// out (`/reports/editions/#/csv/results`): the other targets of that shape are the same handler
/// and table for another year or record. Opening every one was nearly half of the crawl's time
/// (24 years' and 18 sources' CSVs, and every edition's frozen figures decoded once per table).
@Suite("Every link leads somewhere")
struct LinkCrawlTests {
    /// The same-site targets of a page's `href` attributes (no fragments, static files or mail).
    static func links(in html: [UInt8]) -> [String] {
        let marker = Array("href=\"".utf8)
        var found: [String] = []
        var from = 0
        while let start = TextSearch.offset(of: marker, in: html, from: from) {
            let valueStart = start + marker.count
            guard let end = html[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            from = end
            var target = String(decoding: html[valueStart..<end], as: UTF8.self)
            if target.contains("&") { target = target.replacingOccurrences(of: "&amp;", with: "&") }
            if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
            guard target.hasPrefix("/"), !target.hasPrefix("//") else { continue }
            if target.hasPrefix("/static/") || target.hasPrefix("/css/") || target.hasPrefix("/img/") || target.hasPrefix("/js/") || target.hasPrefix("/favicon") { continue }
            found.append(target)
        }
        return found
    }

    /// A target with every run of digits as one `#`: `/reports/2024/ikcs/3` → `/reports/#/ikcs/#`.
    static func shape(of target: String) -> String {
        var shape = "", inNumber = false
        for character in target.unicodeScalars {
            let digit = ("0"..."9").contains(character)
            if digit && !inNumber { shape.unicodeScalars.append("#") }
            if !digit { shape.unicodeScalars.append(character) }
            inNumber = digit
        }
        return shape
    }

    struct Crawl {
        /// Pages opened.
        var visited = 0
        /// Each failure as "from → to: status".
        var failures: [String] = []
        /// Downloads left unopened: another target of their shape was opened instead.
        var skipped = 0
    }

    /// Visits up to `limit` pages breadth-first from home; a download (a 200 that is not HTML) for
    /// at most `downloadsPerShape` targets of each shape (one that fails is reported and does not
    /// count). `get` answers a target; `crawl(_:)` gives it the browser's.
    static func crawl(_ browser: Browser) throws -> Crawl {
        try crawl(get: { try browser.get($0) }, downloadsPerShape: 1, limit: 1500)
    }

    static func crawl(get: (String) throws -> Page, downloadsPerShape: Int, limit: Int) throws -> Crawl {
        var queue: [(String, String)] = [("/", "(start)")]
        var seen: Set<String> = ["/"]
        var downloads: [String: Int] = [:]
        var crawl = Crawl()
        var next = 0
        while next < queue.count, crawl.visited < limit {
            let (path, from) = queue[next]
            next += 1
            let shape = Self.shape(of: path)
            if downloads[shape, default: 0] >= downloadsPerShape {
                crawl.skipped += 1
                continue
            }
            let page = try get(path)
            crawl.visited += 1
            if page.status == 403 || page.status == 404 || page.status >= 500 {
                crawl.failures.append("\(from) → \(path): \(page.status)")
                continue
            }
            guard page.status == 200 else { continue }
            guard page.header("Content-Type")?.hasPrefix("text/html") == true else {
                downloads[shape, default: 0] += 1
                continue
            }
            for link in links(in: page.body) where !seen.contains(link) && link != "/logout" {
                seen.insert(link)
                queue.append((link, path))
            }
        }
        return crawl
    }

    @Test("a crawl from home opens every page linked (a download once per shape) and meets no 403, 404 or 5xx", arguments: [Role.projectleider, .ontwikkelgroep, .directeur, .partner])
    func crawl(role: Role) throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: role)
        let result = try LinkCrawlTests.crawl(browser)
        #expect(result.visited > 10)
        #expect(result.failures == [], "\(role): \(result.failures.count) broken links")
    }

    @Test("the crawl reports a dead link, a forbidden one and a failing download, and opens a download's shape twice at most")
    func crawlFindsFailures() throws {
        // A site of its own: home links to a page, a dead link and two downloads of one shape; the
        // page to a forbidden page, a third download of that shape and a failing one of another.
        let site: [String: (status: Int, type: String, body: String)] = [
            "/": (200, "text/html", #"<a href="/a">a</a> <a href="/dead#top">x</a> <a href="/x/1.csv">1</a> <a href="/x/2.csv">2</a>"#),
            "/a": (200, "text/html; charset=utf-8", #"<a href="/secret">s</a> <a href="/x/3.csv">3</a> <a href="/y.csv?jaar=2024&amp;n=1">y</a>"#),
            "/secret": (403, "text/html", ""),
            "/x/1.csv": (200, "text/csv", ""), "/x/2.csv": (200, "text/csv", ""), "/x/3.csv": (200, "text/csv", ""),
            "/y.csv?jaar=2024&n=1": (500, "text/plain", ""),
        ]
        var opened: [String] = []
        let result = try LinkCrawlTests.crawl(get: { path in
            opened.append(path)
            let answer = site[path] ?? (404, "text/html", "")
            return Page(status: answer.status, headers: [("Content-Type", answer.type)], body: Array(answer.body.utf8))
        }, downloadsPerShape: 2, limit: 100)
        #expect(result.failures.sorted() == ["/ → /dead: 404", "/a → /secret: 403", "/a → /y.csv?jaar=2024&n=1: 500"])
        #expect(opened == ["/", "/a", "/dead", "/x/1.csv", "/x/2.csv", "/secret", "/y.csv?jaar=2024&n=1"])
        #expect(result.visited == 7 && result.skipped == 1)
        #expect(LinkCrawlTests.shape(of: "/reports/2024/ikcs/13?jaar=2025") == "/reports/#/ikcs/#?jaar=#")
    }
}
