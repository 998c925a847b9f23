import Domain
import Store
import Views

/// The HTML frozen into a published edition: its foreword, conclusions and figures, with CSV
/// links to the edition itself. One function for publishing in the app and in `seed-demo`.
public enum ReportRendering {
    /// `programme` gives the words of the page; nil for the KvK2 words (the demo's editions).
    public static func html(_ draft: ReportEdition, _ figures: ReportFigures, programme: Programme?) -> String {
        ReportPages.body(report: AnnualReport(figures: figures), foreword: draft.foreword, conclusions: draft.conclusions,
                         csv: { Route.reports(.editionCSV(draft.id, table: $0)).path }, programme: programme).rendered
    }

    /// As `seed-demo` publishes the demo's editions (`DemoData.ReportRenderer`).
    public static func demoEdition(_ draft: ReportEdition, _ figures: ReportFigures, _ programme: Programme?) -> String {
        html(draft, figures, programme: programme)
    }
}
