import Domain
import Markup

/// The warning for programme goals without a result: shown on the agreement page and its print
/// view; it keeps a version from signing only when the programme requires every goal.
enum AgreementGoalCoverage {
    static func warning(_ data: AgreementPageData) -> HTML {
        let uncovered = data.uncoveredGoals
        guard !uncovered.isEmpty else { return .empty }
        let items = uncovered.map { HTML("<li>\(AgreementRules.uncoveredGoalWarning($0))</li>") }
        let note: HTML = data.programme.requiresEveryGoal
            ? "<p>Het programma vraagt een resultaat onder elk doel.</p>"
            : "<p class=\"hint\">Dat mag: een IKC kiest zijn doelen.</p>"
        return "<div class=\"warning goal-coverage\" role=\"status\"><ul>\(items)</ul>\(note)</div>"
    }
}
