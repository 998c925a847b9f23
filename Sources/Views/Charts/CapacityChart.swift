import Domain
import Markup

/// A bar chart of hours drawn on the server as inline SVG: per year the promised hours a week as
/// a bar (a darker red one when over capacity, with a text mark) and the available hours as a
/// dashed line. Accessible as `StackedBarChart` is: `role="img"` with title and description,
/// a `<title>` on every shape, presentation attributes only; the page has the table beside it.
public struct CapacityChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var promised: Double
        public var available: Double

        public init(label: String, promised: Double, available: Double) {
            self.label = label
            self.promised = promised
            self.available = available
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var bars: [Bar]

    public init(id: String, title: String, description: String, bars: [Bar]) {
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
    }

    static let width = 760.0, top = 20.0, plotHeight = 200.0, left = 64.0, right = 16.0
    var height: Double { CapacityChart.top + CapacityChart.plotHeight + 76 }

    /// The axis top and step in whole hours.
    func scale() -> (top: Double, step: Double) {
        let largest = bars.reduce(0.0) { max($0, $1.promised, $1.available) }
        guard largest > 0 else { return (10, 2) }
        var step = 1.0
        for candidate in [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0] where candidate * 6 >= largest {
            step = candidate
            break
        }
        if step * 6 < largest { step = (largest / 5).rounded(.up) }
        return ((largest / step).rounded(.up) * step, step)
    }

    static func hours(_ value: Double) -> String { Capacity.hoursText(value) }

    public func render() -> HTML {
        let (axisTop, step) = scale()
        let n = StackedBarChart.n
        let baseline = CapacityChart.top + CapacityChart.plotHeight
        func y(_ value: Double) -> Double { baseline - value / axisTop * CapacityChart.plotHeight }
        var grid: [HTML] = []
        var tick = 0.0
        while tick <= axisTop + 0.000_1 {
            grid.append("""
            <line x1="\(n(CapacityChart.left))" x2="\(n(CapacityChart.width - CapacityChart.right))" y1="\(n(y(tick)))" y2="\(n(y(tick)))" stroke="#d0d0d0" stroke-width="1"/><text x="\(n(CapacityChart.left - 8))" y="\(n(y(tick)))" dy="4" text-anchor="end" font-size="12" fill="#1a1a1a">\(CapacityChart.hours(tick)) u</text>
            """)
            tick += step
        }
        let plotWidth = CapacityChart.width - CapacityChart.left - CapacityChart.right
        let slot = bars.isEmpty ? plotWidth : plotWidth / Double(bars.count)
        let barWidth = min(48, slot * 0.6)
        var drawn: [HTML] = []
        for (index, bar) in bars.enumerated() {
            let x = CapacityChart.left + slot * Double(index)
            let over = bar.promised - bar.available > 0.000_1
            let fill = over ? "#b00020" : "#154273"
            let barTop = y(bar.promised)
            let mark: HTML = over ? "<text x=\"\(n(x + slot / 2))\" y=\"\(n(barTop - 6))\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" fill=\"#b00020\">tekort</text>" : .empty
            drawn.append("""
            <rect x="\(n(x + (slot - barWidth) / 2))" y="\(n(barTop))" width="\(n(barWidth))" height="\(n(max(0, baseline - barTop)))" fill="\(fill)"><title>Toegezegd, \(bar.label): \(CapacityChart.hours(bar.promised)) uur per week</title></rect>
            <line x1="\(n(x + 4))" x2="\(n(x + slot - 4))" y1="\(n(y(bar.available)))" y2="\(n(y(bar.available)))" stroke="#1a1a1a" stroke-width="2.5" stroke-dasharray="6 3"><title>Beschikbaar, \(bar.label): \(CapacityChart.hours(bar.available)) uur per week</title></line>
            \(mark)
            <text x="\(n(x + slot / 2))" y="\(n(baseline + 18))" text-anchor="middle" font-size="12" fill="#1a1a1a">\(bar.label)</text>
            """)
        }
        let legendY = baseline + 44
        return """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" viewBox="0 0 \(n(CapacityChart.width)) \(n(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">
        <title id="\(id)-title">\(title)</title>
        <desc id="\(id)-desc">\(description)</desc>
        <rect x="0" y="0" width="\(n(CapacityChart.width))" height="\(n(height))" fill="#ffffff"/>
        <g>\(grid)</g>
        <g>\(drawn)</g>
        <line x1="\(n(CapacityChart.left))" x2="\(n(CapacityChart.width - CapacityChart.right))" y1="\(n(baseline))" y2="\(n(baseline))" stroke="#1a1a1a" stroke-width="1.5"/>
        <rect x="\(n(CapacityChart.left))" y="\(n(legendY - 10))" width="14" height="14" fill="#154273"/><text x="\(n(CapacityChart.left + 20))" y="\(n(legendY + 1))" font-size="12" fill="#1a1a1a">Toegezegde uren per week (rood: meer dan beschikbaar)</text>
        <line x1="\(n(CapacityChart.left + 400))" x2="\(n(CapacityChart.left + 430))" y1="\(n(legendY - 3))" y2="\(n(legendY - 3))" stroke="#1a1a1a" stroke-width="2.5" stroke-dasharray="6 3"/><text x="\(n(CapacityChart.left + 436))" y="\(n(legendY + 1))" font-size="12" fill="#1a1a1a">Beschikbaar in de pool</text>
        </svg>
        """
    }
}
