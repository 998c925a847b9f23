import Domain
import HTTP
import Markup
import Store
import Views

/// The programme settings (issue 22): the page, the general form and one form per list.
struct ProgrammeHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: ProgrammeRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.settings, .show): return try showSettings()
        case (.settings, .save): return try saveGeneral()
        case (.list(let list), .save): return try saveList(list)
        case (.list, .show): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    /// The stored lists as forms, each with one empty row to add an entry.
    func storedLists() throws -> [ProgrammeListForm] {
        let stored = try store.read { c in try ProgrammeList.allCases.map { ($0, try ProgrammeSettings.listEntries($0, c)) } }
        return stored.map { list, entries in
            ProgrammeListForm(list: list, entries: entries.map {
                ProgrammeListEntryForm(key: $0.key ?? "", label: $0.label, position: String($0.position), flags: $0.flags,
                                       number: $0.number.map { DutchFormat.number($0, decimals: $0.rounded() == $0 ? 0 : 1) } ?? "")
            } + [ProgrammeListEntryForm(key: "", label: "", position: "")])
        }
    }

    func render(_ model: ProgrammePages.Model, status: Int = 200) -> Response {
        page(ProgrammePages.settings(context: user.page, model: model), status: status)
    }

    func showSettings() throws -> Response {
        let notice = request.query["saved"] == "1" ? "De instellingen zijn opgeslagen." : nil
        return render(ProgrammePages.Model(general: ProgrammeGeneralForm(try store.programme()), lists: try storedLists(), notice: notice))
    }
}
