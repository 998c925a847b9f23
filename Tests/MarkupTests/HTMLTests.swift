import Markup
import Testing

@Suite("HTML")
struct HTMLTests {
    @Test("a literal is static markup and passes unchanged")
    func literalIsStatic() {
        let html: HTML = "<p class=\"intro\">Welkom</p>"
        #expect(html.rendered == "<p class=\"intro\">Welkom</p>")
    }

    @Test("each special character in interpolated text is escaped", arguments: [
        ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
    ])
    func specialCharacterIsEscaped(character: String, entity: String) {
        let html: HTML = "<td>\(character)</td>"
        #expect(html.rendered == "<td>\(entity)</td>")
    }

    @Test("a script in a name becomes text")
    func scriptBecomesText() {
        let name = "<script>alert('x') && \"y\"</script>"
        let html: HTML = "<h1>\(name)</h1>"
        #expect(html.rendered == "<h1>&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; &quot;y&quot;&lt;/script&gt;</h1>")
    }

    @Test("an interpolated string literal is escaped too")
    func interpolatedStringLiteralIsEscaped() {
        let html: HTML = "<b>\("a<b")</b>"
        #expect(html.rendered == "<b>a&lt;b</b>")
    }

    @Test("nested HTML is not escaped a second time")
    func nestedIsNotDoubleEscaped() {
        let inner: HTML = "<em>\("Tom & Jerry")</em>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.rendered == "<p><em>Tom &amp; Jerry</em></p>")
    }

    @Test("a list of fragments is concatenated and nil adds nothing")
    func listAndOptional() {
        let cells: [HTML] = ["<td>1</td>", "<td>\("<2>")</td>"]
        let missing: HTML? = nil
        let present: HTML? = "<i>x</i>"
        let row: HTML = "<tr>\(cells)\(missing)\(present)</tr>"
        #expect(row.rendered == "<tr><td>1</td><td>&lt;2&gt;</td><i>x</i></tr>")
    }

    @Test("integers and other values are interpolated as escaped text")
    func numbersAndDescriptions() {
        struct Label: CustomStringConvertible { var description: String { "A&B" } }
        let count = 42
        let big: Int64 = -7
        let html: HTML = "\(count) \(big) \(Label())"
        #expect(html.rendered == "42 -7 A&amp;B")
    }

    @Test("unsafeRaw passes its markup through unchanged")
    func unsafeRawPassesThrough() {
        // Safe: a fixed test string, no input.
        let svg = HTML(unsafeRaw: "<svg><text>&amp;</text></svg>")
        let html: HTML = "<div>\(svg)</div>"
        #expect(html.rendered == "<div><svg><text>&amp;</text></svg></div>")
    }

    @Test("Frisian letters and emoji are left as they are")
    func unicodeUnchanged() {
        let place = "Fryslân 🎓 Ljouwert – “leare”"
        let html: HTML = "<p>\(place)</p>"
        #expect(html.rendered == "<p>Fryslân 🎓 Ljouwert – “leare”</p>")
        #expect(html.bytes == Array("<p>Fryslân 🎓 Ljouwert – “leare”</p>".utf8))
        #expect(escapeText("Fryslân <🎓>") == "Fryslân &lt;🎓&gt;")
    }

    @Test("an attribute value is quoted and each special character in it escaped")
    func attributeIsQuotedAndEscaped() {
        let title = "Tom & \"Jerry\" <'s>"
        let html: HTML = "<a\(attr: "title", title)\(attr: "href", "/ikc/1?a=1&b=2")>x</a>"
        #expect(html.rendered == "<a title=\"Tom &amp; &quot;Jerry&quot; &lt;&#39;s&gt;\" href=\"/ikc/1?a=1&amp;b=2\">x</a>")
    }

    @Test("a nil attribute is left out and an integer attribute is quoted")
    func optionalAndIntegerAttributes() {
        let missing: String? = nil
        let html: HTML = "<input\(attr: "placeholder", missing)\(attr: "maxlength", 80)>"
        #expect(html.rendered == "<input maxlength=\"80\">")
    }

    @Test("a boolean attribute appears only when its condition holds")
    func booleanAttribute() {
        let on: HTML = "<input type=\"checkbox\"\(attr: "checked", if: true)>"
        let off: HTML = "<input type=\"checkbox\"\(attr: "checked", if: false)>"
        #expect(on.rendered == "<input type=\"checkbox\" checked>")
        #expect(off.rendered == "<input type=\"checkbox\">")
    }

    @Test("element helpers quote attributes and escape values")
    func elementHelpers() {
        let cell = HTML.element("td", attributes: [("class", "num"), ("title", nil)], "\("1 < 2")")
        #expect(cell.rendered == "<td class=\"num\">1 &lt; 2</td>")
        let input = HTML.voidElement("input", attributes: [("name", "naam"), ("value", "O'Neill")])
        #expect(input.rendered == "<input name=\"naam\" value=\"O&#39;Neill\">")
        #expect(HTML.element("p", "").rendered == "<p></p>")
    }

    @Test("fragments are added, appended and joined")
    func addAppendJoin() {
        var html: HTML = "<ul>"
        html += "<li>a</li>" + "<li>b</li>"
        html += "</ul>"
        #expect(html.rendered == "<ul><li>a</li><li>b</li></ul>")
        #expect(HTML.joined(["a", "b", "c"], separator: ", ").rendered == "a, b, c")
        #expect(HTML.joined([]).isEmpty)
        #expect(HTML.empty.rendered == "")
        #expect(("<b>" as HTML) == HTML(unsafeRaw: "<b>"))
    }

    @Test("escapeText leaves plain text alone and escapes the five characters")
    func escapeTextFunction() {
        #expect(escapeText("gewoon tekst") == "gewoon tekst")
        #expect(escapeText("") == "")
        #expect(escapeText("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;")
        #expect(escapeText("a&b") == "a&amp;b")
    }

    @Test("a table page of 30 rows renders quickly")
    func tablePageIsCheap() {
        func page() -> HTML {
            var rows: [HTML] = []
            rows.reserveCapacity(30)
            for index in 0..<30 {
                let name = "Kindcentrum De Zonnewijzer & Co \(index)"
                let amount = DutchFormat.euros(cents: Int64(index) * 123_456)
                rows.append("""
                    <tr\(attr: "class", index % 2 == 0 ? "even" : "odd")><td><a\(attr: "href", "/ikc/\(index)")>\(name)</a></td>\
                    <td class="num">\(amount)</td><td class="num">\(DutchFormat.percent(Double(index) * 1.5, decimals: 1))</td>\
                    <td>\(DutchFormat.schoolYear(2024))</td><td><input type="checkbox"\(attr: "checked", if: index % 3 == 0)></td></tr>
                    """)
            }
            return """
                <!doctype html><html lang="nl"><head><title>\("Overzicht")</title></head><body><main>\
                <table><thead><tr><th>Naam</th><th>Bedrag</th><th>Aandeel</th><th>Jaar</th><th></th></tr></thead>\
                <tbody>\(rows)</tbody></table></main></body></html>
                """
        }
        let size = page().bytes.count
        #expect(size > 5_000)
        let clock = ContinuousClock()
        let runs = 50
        let elapsed = clock.measure {
            for _ in 0..<runs { _ = page().bytes.count }
        }
        // Generous bound for an unoptimised debug build on a shared machine; the release
        // build is far below 100 µs.
        #expect(elapsed / runs < .milliseconds(5))
    }
}
