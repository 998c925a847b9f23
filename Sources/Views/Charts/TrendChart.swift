import Domain
import Markup

/// Small multiples of a result over the years: the target line and the measured points, an SVG
/// drawn on the server with a title and a text alternative.
public enum TrendChart {
    static func number(_ value: Double) -> String {
        // SVG coordinates: a dot decimal, one decimal place is plenty.
        let scaled = (value * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }

    public static func render(id: String, title: String, years: [Int], yearLabel: (Int) -> String,
                              targets: [Int: Double], measured: [Int: Double], unit: String) -> HTML {
        let width = 260.0, height = 130.0, left = 34.0, right = 8.0, top = 10.0, bottom = 24.0
        let values = Array(targets.filter { years.contains($0.key) }.values) + Array(measured.values)
        guard let first = years.first, let last = years.last, !values.isEmpty else {
            return "<p class=\"chart-empty\">Geen gegevens voor \(title).</p>"
        }
        var low = values.min() ?? 0, high = values.max() ?? 1
        if high - low < 1e-9 { low -= 1; high += 1 }
        let pad = (high - low) * 0.1
        low -= pad
        high += pad
        let span = Double(max(1, last - first))
        func x(_ year: Int) -> Double { left + (width - left - right) * Double(year - first) / span }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - (value - low) / (high - low)) }

        let titleID = escapeText(id + "-title"), descID = escapeText(id + "-desc")
        var description = "Doel per jaar: "
        description += years.compactMap { year in targets[year].map { "\(yearLabel(year)) \(ReportFormat.value($0, unit: unit))" } }.joined(separator: ", ")
        description += ". Gemeten: "
        let points = years.compactMap { year in measured[year].map { "\(yearLabel(year)) \(ReportFormat.value($0, unit: unit))" } }
        description += points.isEmpty ? "nog niets." : points.joined(separator: ", ") + "."

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\">"
        svg += "<title id=\"\(titleID)\">\(escapeText(title))</title><desc id=\"\(descID)\">\(escapeText(description))</desc>"
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(height - bottom))\" x2=\"\(number(width - right))\" y2=\"\(number(height - bottom))\" stroke=\"#5c5c5c\" stroke-width=\"1\"/>"
        for label in [high - pad, low + pad] {
            svg += "<text x=\"\(number(left - 4))\" y=\"\(number(y(label) + 4))\" text-anchor=\"end\" font-size=\"10\" fill=\"#1a1a1a\">\(escapeText(ReportFormat.short(label)))</text>"
        }
        // The axis says years as the programme does (`2023-2024` in a school-year programme). Long
        // labels only at both ends, anchored inwards so they stay inside the chart.
        let long = years.contains { yearLabel($0).count > 4 }
        for year in years where year == first || year == last || (years.count <= 5 && !long) {
            let anchor = !long || first == last ? "middle" : (year == first ? "start" : "end")
            let at = !long || first == last ? x(year) : (year == first ? left : width - right)
            svg += "<text x=\"\(number(at))\" y=\"\(number(height - 8))\" text-anchor=\"\(anchor)\" font-size=\"10\" fill=\"#1a1a1a\">\(escapeText(yearLabel(year)))</text>"
        }
        let targetPoints = years.compactMap { year in targets[year].map { "\(number(x(year))),\(number(y($0)))" } }
        if targetPoints.count > 1 {
            svg += "<polyline points=\"\(targetPoints.joined(separator: " "))\" fill=\"none\" stroke=\"#154273\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        }
        for year in years {
            guard let value = measured[year] else { continue }
            svg += "<circle cx=\"\(number(x(year)))\" cy=\"\(number(y(value)))\" r=\"4\" fill=\"#b00020\"><title>\(escapeText(yearLabel(year))): \(escapeText(ReportFormat.value(value, unit: unit)))</title></circle>"
        }
        svg += "</svg>"
        // Safe: every text in the SVG went through escapeText; the rest are numbers we format.
        return HTML(unsafeRaw: svg)
    }
}

/// How report values are written.
public enum ReportFormat {
    public static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "–" }
        switch unit {
        case "percent": return DutchFormat.number(value, decimals: 1) + "%"
        case "euro": return DutchFormat.euros(cents: Int64((value * 100).rounded()))
        case "yesno": return value >= 0.5 ? "ja" : "nee"
        case "score": return DutchFormat.number(value, decimals: 1)
        default: return DutchFormat.number(value, decimals: value == value.rounded() ? 0 : 1)
        }
    }

    public static func short(_ value: Double) -> String {
        DutchFormat.number(value, decimals: abs(value) >= 100 || value == value.rounded() ? 0 : 1)
    }

    public static func hours(_ value: Double?) -> String {
        guard let value else { return "–" }
        return DutchFormat.number(value, decimals: value == value.rounded() ? 0 : 1)
    }

    public static func status(_ status: IndicatorStatus) -> HTML {
        let css: String
        switch status {
        case .achieved: css = "final"
        case .onTrack: css = "signing"
        case .behind: css = "concept"
        case .noData: css = "none"
        }
        return "<span class=\"status status--\(css)\">\(status.label)</span>"
    }
}
