import Testing
import Markup
@Test("x") func x() { let s = "<b>"; let h: HTML = "<p>\(s)\(5)\("&")</p>"; #expect(h.rendered == "<p>&lt;b&gt;5&amp;</p>") }
