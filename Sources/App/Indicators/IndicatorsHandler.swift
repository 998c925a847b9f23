import Domain
import HTTP
import Store
import Views

/// The indicator library (list, add, edit with audit, retire) and the programme view per
/// indicator with its CSV.
struct IndicatorsHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: IndicatorRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showList()
        case (.new, .show): return try showNew()
        case (.new, .save): return try saveNew()
        case (.show(let id), .show): return try showProgramme(id: id)
        case (.edit(let id), .show): return try showEdit(id: id)
        case (.edit(let id), .save): return try saveEdit(id: id)
        case (.retire(let id), .save): return try saveRetire(id: id)
        case (.csv(let id), .show): return try showCSV(id: id)
        case (.index, .save), (.show, .save), (.csv, .save), (.retire, .show):
            throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showList() throws -> Response {
        let uses = try store.read { try Indicators.all($0) }
        return page(IndicatorPages.list(context: user.page, uses: uses, canEdit: allows(.write, .indicator), notice: RecordForms.savedNotice(request)))
    }

    static let nameTaken = "Er is al een indicator met deze naam, eenheid en richting."

    /// The indicator form as posted; `prefix` names its fields inside another form.
    static func form(_ values: FormValues, prefix: String = "") -> IndicatorForm {
        IndicatorForm(name: values[prefix + "name"] ?? "", definition: values[prefix + "definition"] ?? "", unit: values[prefix + "unit"] ?? "",
                      direction: values[prefix + "direction"] ?? "", cumulative: values[prefix + "cumulative"] == "1",
                      source: values[prefix + "source"] ?? "", decimals: values[prefix + "decimals"] ?? "",
                      numeratorLabel: values[prefix + "numerator_label"] ?? "", denominatorLabel: values[prefix + "denominator_label"] ?? "",
                      areaIndicators: values.all(prefix + "area"))
    }
}
