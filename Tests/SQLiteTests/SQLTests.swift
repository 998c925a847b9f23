import Foundation
import Testing
import SQLite

@Suite("SQL interpolation") struct SQLTests {
    @Test("every interpolated value becomes a ? and a binding")
    func valuesAreBound() {
        let name = "Robert'); DROP TABLE ikcs;--"
        let year = 2026
        let sql: SQL = "SELECT id FROM ikcs WHERE name = \(name) AND year = \(year)"
        #expect(sql.text == "SELECT id FROM ikcs WHERE name = ? AND year = ?")
        #expect(sql.bindings == [.text(name), .integer(2026)])
    }

    @Test("optionals bind as NULL or their value, Bool as 0/1, Date as ISO-8601 text")
    func bindableTypes() {
        let missing: String? = nil
        let present: Int64? = 7
        let date = Date(timeIntervalSince1970: 1_795_428_900)
        let sql: SQL = "\(missing) \(present) \(true) \(false) \(date) \(Int32(3)) \(1.5) \([UInt8]([1, 2]))"
        #expect(sql.bindings == [.null, .integer(7), .integer(1), .integer(0), .text("2026-11-23T10:15:00.000Z"), .integer(3), .real(1.5), .blob([1, 2])])
    }

    @Test("a literal fragment is spliced, nested SQL keeps its bindings, a list gives one ? per element")
    func fragments() {
        let filter: SQL = "year = \(2026)"
        let sql: SQL = "SELECT \(literal: "name") FROM ikcs WHERE \(sql: filter) AND id IN (\(list: [1, 2, 3]))"
        #expect(sql.text == "SELECT name FROM ikcs WHERE year = ? AND id IN (?, ?, ?)")
        #expect(sql.bindings == [.integer(2026), .integer(1), .integer(2), .integer(3)])
    }

    @Test("SQL values can be appended with +")
    func appending() {
        let sql = ("SELECT * FROM ikcs WHERE id = \(1)" as SQL) + " ORDER BY \(literal: "name")"
        #expect(sql.text == "SELECT * FROM ikcs WHERE id = ? ORDER BY name")
        #expect(sql.bindings == [.integer(1)])
    }

    @Test("dates are written as UTC with milliseconds and read back in the lenient forms")
    func dates() throws {
        let date = Date(timeIntervalSince1970: 1_795_428_900.123)
        #expect(SQLDate.format(date) == "2026-11-23T10:15:00.123Z")
        #expect(SQLDate.parse("2026-11-23T10:15:00.123Z") == date)
        #expect(SQLDate.parse("2026-11-23T10:15:00Z") == Date(timeIntervalSince1970: 1_795_428_900))
        #expect(SQLDate.parse("2026-11-23 10:15:00") == Date(timeIntervalSince1970: 1_795_428_900))
        #expect(SQLDate.parse("2026-11-23") == Date(timeIntervalSince1970: 1_795_392_000))
        #expect(SQLDate.format(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
        #expect(SQLDate.parse("23-11-2026") == nil)
        #expect(SQLDate.parse("2026-13-01") == nil)
    }
}
