import Markup
import Testing
@testable import Views

/// Boxes that scroll wide tables get a name and a place in the Tab order (WCAG 2.1.1).
@Suite("Scroll boxes")
struct ScrollRegionTests {
    @Test("each box becomes a focusable region named by its table's caption")
    func labelled() {
        let page: HTML = """
        <div class="table-scroll"><table class="data"><caption>Eerste</caption></table></div>
        <div class="table-scroll funding-scroll"><table><caption id="eigen">Tweede</caption></table></div>
        <div class="table-scroll" role="region" aria-labelledby="x" tabindex="0"><table><caption id="x">Derde</caption></table></div>
        <div class="table-scroll"><table><tr><td>zonder bijschrift</td></tr></table></div>
        """
        let out = ScrollRegions.label(page).rendered
        #expect(out.contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"tabel-1\" tabindex=\"0\"><table class=\"data\"><caption id=\"tabel-1\">Eerste</caption>"))
        #expect(out.contains("<div class=\"table-scroll funding-scroll\" role=\"region\" aria-labelledby=\"eigen\" tabindex=\"0\"><table><caption id=\"eigen\">"))
        #expect(out.contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"x\" tabindex=\"0\"><table><caption id=\"x\">Derde"))
        #expect(out.contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\"><table><tr>"))
        #expect(!out.contains("tabel-2\" tabindex=\"0\"><table><caption id=\"x\""))
    }

    @Test("a page without scroll boxes is left as it is")
    func untouched() {
        let page: HTML = "<p>Geen tabel</p>"
        #expect(ScrollRegions.label(page) == page)
    }
}
