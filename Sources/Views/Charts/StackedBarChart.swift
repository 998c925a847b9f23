import Markup

/// A stacked bar chart drawn on the server as inline SVG: one bar per category (a year, say),
/// stacked from its series' amounts, with a dashed limit line (the budget) across each bar and a
/// text mark where the stack exceeds it.
///
/// Accessible and printable without scripts or styles: `role="img"` with `aria-labelledby` on
/// its `<title>` and `<desc>`, every segment with its own `<title>`, a legend in the drawing, and
/// only presentation attributes (`fill`, `stroke`), which the Content-Security-Policy allows where
/// it forbids `style`. The page puts the same figures in a table beside it (the text alternative).
/// The markup is built as `HTML`, so every label is escaped and the result is well-formed XML.
public struct StackedBarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// One amount (cents) per series, in the order of `series`; negative amounts draw as 0.
        public var values: [Int64]
        /// The limit line (budget) of this bar, if it has one.
        public var limit: Int64?

        public init(label: String, values: [Int64], limit: Int64?) {
            self.label = label
            self.values = values
            self.limit = limit
        }
    }

    /// A prefix for the element ids, unique on the page.
    public var id: String
    public var title: String
    public var description: String
    public var series: [String]
    public var bars: [Bar]
    public var limitLabel: String

    public init(id: String, title: String, description: String, series: [String], bars: [Bar], limitLabel: String = "Budget") {
        self.id = id
        self.title = title
        self.description = description
        self.series = series
        self.bars = bars
        self.limitLabel = limitLabel
    }

    /// Fills that stay apart for common colour-vision deficiencies and in grey print (Okabe–Ito,
    /// with the site's accent first); segments also get a white edge.
    static let palette = ["#154273", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#8c8c8c"]

    public static func fill(_ index: Int) -> String { palette[index % palette.count] }

    // Geometry (SVG user units; the drawing scales to its box).
    static let width = 760.0
    static let plotTop = 28.0
    static let plotHeight = 260.0
    static let left = 104.0
    static let right = 16.0
    static let legendRow = 20.0

    var height: Double { StackedBarChart.plotTop + StackedBarChart.plotHeight + 40 + StackedBarChart.legendRow * Double(series.count + 1) + 8 }

    /// The largest amount the axis must reach, rounded up to a round step; and that step.
    func scale() -> (top: Int64, step: Int64) {
        var largest: Int64 = 0
        for bar in bars {
            largest = max(largest, bar.values.reduce(0) { $0 + max(0, $1) }, bar.limit ?? 0)
        }
        guard largest > 0 else { return (100_00, 25_00) }
        let rough = Double(largest) / 5
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        var step = magnitude
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where magnitude * factor >= rough {
            step = magnitude * factor
            break
        }
        let stepCents = Int64(step)
        let top = ((largest + stepCents - 1) / stepCents) * stepCents
        return (top, stepCents)
    }

    /// A coordinate with at most one decimal and a decimal point, as SVG wants it.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    public func render() -> HTML {
        let (top, step) = scale()
        let plotWidth = StackedBarChart.width - StackedBarChart.left - StackedBarChart.right
        let baseline = StackedBarChart.plotTop + StackedBarChart.plotHeight
        func y(_ cents: Int64) -> Double { baseline - Double(cents) / Double(top) * StackedBarChart.plotHeight }

        var grid: [HTML] = []
        var tick: Int64 = 0
        while tick <= top {
            let ty = StackedBarChart.n(y(tick))
            grid.append("""
            <line x1="\(StackedBarChart.n(StackedBarChart.left))" x2="\(StackedBarChart.n(StackedBarChart.width - StackedBarChart.right))" y1="\(ty)" y2="\(ty)" stroke="#d0d0d0" stroke-width="1"/>
            <text x="\(StackedBarChart.n(StackedBarChart.left - 8))" y="\(ty)" dy="4" text-anchor="end" font-size="12" fill="#1a1a1a">\(DutchFormat.euros(cents: tick))</text>
            """)
            tick += step
        }

        let slot = bars.isEmpty ? plotWidth : plotWidth / Double(bars.count)
        let barWidth = min(56, slot * 0.6)
        var drawn: [HTML] = []
        for (index, bar) in bars.enumerated() {
            drawn.append(renderBar(bar, x: StackedBarChart.left + slot * Double(index), slot: slot, barWidth: barWidth, y: y))
        }

        return """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" viewBox="0 0 \(StackedBarChart.n(StackedBarChart.width)) \(StackedBarChart.n(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">
        <title id="\(id)-title">\(title)</title>
        <desc id="\(id)-desc">\(description)</desc>
        <rect x="0" y="0" width="\(StackedBarChart.n(StackedBarChart.width))" height="\(StackedBarChart.n(height))" fill="#ffffff"/>
        <g>\(grid)</g>
        <g>\(drawn)</g>
        <line x1="\(StackedBarChart.n(StackedBarChart.left))" x2="\(StackedBarChart.n(StackedBarChart.width - StackedBarChart.right))" y1="\(StackedBarChart.n(baseline))" y2="\(StackedBarChart.n(baseline))" stroke="#1a1a1a" stroke-width="1.5"/>
        \(legend(top: baseline + 40))
        </svg>
        """
    }

    func renderBar(_ bar: Bar, x: Double, slot: Double, barWidth: Double, y: (Int64) -> Double) -> HTML {
        var parts: [HTML] = []
        let barX = StackedBarChart.n(x + (slot - barWidth) / 2)
        var stacked: Int64 = 0
        for (index, value) in bar.values.enumerated() where value > 0 {
            let name = index < series.count ? series[index] : ""
            let top = y(stacked + value), bottom = y(stacked)
            parts.append("""
            <rect x="\(barX)" y="\(StackedBarChart.n(top))" width="\(StackedBarChart.n(barWidth))" height="\(StackedBarChart.n(max(0, bottom - top)))" fill="\(StackedBarChart.fill(index))" stroke="#ffffff" stroke-width="1"><title>\(name), \(bar.label): \(DutchFormat.euros(cents: value))</title></rect>
            """)
            stacked += value
        }
        if let limit = bar.limit {
            let ly = StackedBarChart.n(y(limit))
            parts.append("""
            <line x1="\(StackedBarChart.n(x + 4))" x2="\(StackedBarChart.n(x + slot - 4))" y1="\(ly)" y2="\(ly)" stroke="#1a1a1a" stroke-width="2.5" stroke-dasharray="6 3"><title>\(limitLabel), \(bar.label): \(DutchFormat.euros(cents: limit))</title></line>
            """)
        }
        if stacked > (bar.limit ?? Int64.max) {
            parts.append("""
            <text x="\(StackedBarChart.n(x + slot / 2))" y="\(StackedBarChart.n(min(y(stacked), y(bar.limit ?? 0)) - 6))" text-anchor="middle" font-size="11" font-weight="700" fill="#b00020">Boven budget</text>
            """)
        }
        let baseline = StackedBarChart.plotTop + StackedBarChart.plotHeight
        parts.append("""
        <text x="\(StackedBarChart.n(x + slot / 2))" y="\(StackedBarChart.n(baseline + 18))" text-anchor="middle" font-size="12" fill="#1a1a1a">\(bar.label)</text>
        """)
        return HTML.joined(parts)
    }

    func legend(top: Double) -> HTML {
        var items: [HTML] = []
        for (index, name) in series.enumerated() {
            let rowY = top + StackedBarChart.legendRow * Double(index)
            items.append("""
            <rect x="\(StackedBarChart.n(StackedBarChart.left))" y="\(StackedBarChart.n(rowY))" width="14" height="14" fill="\(StackedBarChart.fill(index))"/>
            <text x="\(StackedBarChart.n(StackedBarChart.left + 22))" y="\(StackedBarChart.n(rowY + 12))" font-size="12" fill="#1a1a1a">\(name)</text>
            """)
        }
        let lineY = top + StackedBarChart.legendRow * Double(series.count) + 7
        items.append("""
        <line x1="\(StackedBarChart.n(StackedBarChart.left))" x2="\(StackedBarChart.n(StackedBarChart.left + 14))" y1="\(StackedBarChart.n(lineY))" y2="\(StackedBarChart.n(lineY))" stroke="#1a1a1a" stroke-width="2.5" stroke-dasharray="6 3"/>
        <text x="\(StackedBarChart.n(StackedBarChart.left + 22))" y="\(StackedBarChart.n(lineY + 5))" font-size="12" fill="#1a1a1a">\(limitLabel) (stippellijn)</text>
        """)
        return "<g>\(items)</g>"
    }
}
