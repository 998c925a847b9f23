import Domain
import Markup
import Testing
import Views

@Suite("Years as the programme says them")
struct YearLabelTests {
    @Test("a trend chart's axis and points say school years, inside the chart, never a bare year")
    func trendChartSaysSchoolYears() {
        let label = { (year: Int) in "\(year)-\(year + 1)" }
        let html = TrendChart.render(id: "t", title: "Taal", years: Array(2022...2026), yearLabel: label,
                                     targets: [2022: 10, 2026: 20], measured: [2023: 12.5], unit: "number").rendered
        #expect(html.contains("text-anchor=\"start\" font-size=\"10\" fill=\"#1a1a1a\">2022-2023</text>"))
        #expect(html.contains("text-anchor=\"end\" font-size=\"10\" fill=\"#1a1a1a\">2026-2027</text>"))
        #expect(html.contains("<title>2023-2024: 12,5</title>"))
        #expect(html.contains("Gemeten: 2023-2024 12,5."))
        #expect(!html.contains(">2023<") && !html.contains(">2022<") && !html.contains("<title>2023:"))
        // A calendar-year programme keeps short labels, all of them when there are few.
        let calendar = TrendChart.render(id: "c", title: "Taal", years: [2022, 2023, 2024], yearLabel: { String($0) },
                                         targets: [2022: 10], measured: [2023: 12], unit: "number").rendered
        #expect(calendar.contains("text-anchor=\"middle\" font-size=\"10\" fill=\"#1a1a1a\">2023</text>"))
    }

    @Test("a report's figures label any year in the format of its own year")
    func reportFiguresLabelYears() {
        let school = ReportFigures(year: 2024, yearLabel: "2024-2025", yearKindExplanation: "", goals: [], ikcs: [], sources: [], trendYears: [2022, 2023, 2024])
        #expect(school.label(of: 2022) == "2022-2023")
        let calendar = ReportFigures(year: 2024, yearLabel: "2024", yearKindExplanation: "", goals: [], ikcs: [], sources: [], trendYears: [2024])
        #expect(calendar.label(of: 2022) == "2022")
    }
}
