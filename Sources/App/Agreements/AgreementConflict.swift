import Domain
import HTTP
import Store
import Views

/// The 409 of a stale agreement save: the form was loaded from a lock_version somebody has saved
/// past since. Nothing is written; the page shows what is stored now next to what was submitted
/// (ConflictPanel), so the user can reopen the form and enter again what should stay.
extension AgreementsHandler {
    func agreementConflict(_ id: Int64, what: String, reopen: AgreementRoute,
                           fields: (AgreementPageData) -> [ConflictPanel.Field]) throws -> Response {
        let current = try loadAgreement(id)
        let title = "\(what) van de resultaatafspraak \(current.agreement.ikcName) (versie \(current.version.number))"
        return page(ConflictPanel.page(context: user.page.with(.agreements), title: title, fields: fields(current),
                                       reopen: .agreements(reopen)), status: 409)
    }

    static func textConflictFields(stored: AgreementTexts, submitted: AgreementTexts) -> [ConflictPanel.Field] {
        zip(stored.sections, submitted.sections).map { ConflictPanel.Field($0.title, stored: $0.text, submitted: $1.text) }
    }

    /// The cells of a grid form by field name with a readable label, in the order the form shows them.
    func gridLabels(_ grid: Grid, _ data: AgreementPageData) -> [(name: String, label: String)] {
        let year = data.programme.yearLabel
        var labels: [(String, String)] = []
        switch grid {
        case .targets:
            for goal in data.goals {
                for result in data.content.results(goal: goal.id) {
                    for y in data.years { labels.append((GridField.target(resultID: result.id, year: y).name, "\(result.indicator), \(year(y))")) }
                }
            }
        case .contributions:
            for party in data.content.parties {
                for source in data.sources {
                    for y in data.years {
                        labels.append((GridField.contribution(organisationID: party.organisationID, sourceID: source.id, year: y).name, "\(party.organisationName) · \(source.name), \(year(y))"))
                    }
                }
            }
        case .staffing:
            for role in data.roles {
                labels.append((GridField.payer(role: role.code).name, "\(role.label): betaald door"))
                for y in data.years { labels.append((GridField.staffing(role: role.code, year: y).name, "\(role.label), \(year(y))")) }
            }
        }
        return labels
    }

    /// The cells whose stored value differs from the submitted one (all cells when none do: then
    /// only the lock moved on). A payer is shown by name, not by id.
    func gridConflictFields(_ grid: Grid, stored data: AgreementPageData, submitted: [String: String]) -> [ConflictPanel.Field] {
        let stored = gridValues(grid, data)
        func shown(_ name: String, _ value: String) -> String {
            guard case .payer? = GridField(name: name), let id = Int64(value) else { return value }
            return data.organisationName(id)
        }
        let all = gridLabels(grid, data).map { cell in
            ConflictPanel.Field(cell.label, stored: shown(cell.name, stored[cell.name] ?? ""),
                                submitted: shown(cell.name, submitted[cell.name] ?? ""))
        }
        let differing = all.filter(\.differs)
        return differing.isEmpty ? all : differing
    }
}
