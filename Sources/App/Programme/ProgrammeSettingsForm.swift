import Domain
import HTTP
import Store
import Views

/// Saving the general settings and one list: validated in Domain, checked against the stored
/// data by the Store verb (a refusal is a 422 with its reason and the typed values kept).
extension ProgrammeHandler {
    func saveGeneral() throws -> Response {
        let v = request.formValues()
        let form = ProgrammeGeneralForm(name: v["name"] ?? "", shortName: v["shortName"] ?? "", siteName: v["siteName"] ?? "",
                                        municipality: v["municipality"] ?? "", yearKind: v["yearKind"] ?? "",
                                        firstYear: v["firstYear"] ?? "", lastYear: v["lastYear"] ?? "",
                                        steeringGroup: v["steeringGroup"] ?? "", minAge: v["minAge"] ?? "", maxAge: v["maxAge"] ?? "",
                                        plusTermYears: v["plusTermYears"] ?? "", plusReassessmentYears: v["plusReassessmentYears"] ?? "")
        var errors = form.validate()
        if errors.isEmpty {
            do {
                try ProgrammeSettingsVerbs.saveGeneral(form.applied(to: try store.programme()), by: principal.userID, in: store)
                return Response.redirect(to: Route.programme(.settings).path + "?saved=1")
            } catch let refused as ProgrammeChangeRefused {
                for reason in refused.reasons { errors.add(reason.field, reason.message) }
            }
        }
        return render(ProgrammePages.Model(general: form, lists: try storedLists(), failed: .settings, errors: errors), status: 422)
    }

    func saveList(_ list: ProgrammeList) throws -> Response {
        let v = request.formValues()
        let count = min(Int(v["\(list.rawValue)-count"] ?? "") ?? 0, 500)
        var entries: [ProgrammeListEntryForm] = []
        for index in 0..<count {
            let field = { (name: String) in v[ProgrammeListForm.field(list, name, index)] ?? "" }
            var flags: Set<String> = []
            for flag in list.flags where field(flag.name) == "1" { flags.insert(flag.name) }
            entries.append(ProgrammeListEntryForm(key: field("key"), label: field("label"), position: field("position"),
                                                  flags: flags, retire: field("retire") == "1", number: list.number.map { field($0.name) } ?? ""))
        }
        let form = ProgrammeListForm(list: list, entries: entries)
        var errors = form.validate()
        if errors.isEmpty {
            do {
                try ProgrammeSettingsVerbs.saveList(list, kept: form.kept, retired: form.retired, by: principal.userID, in: store)
                return Response.redirect(to: Route.programme(.settings).path + "?saved=1#lijst-\(list.rawValue)")
            } catch let refused as ProgrammeChangeRefused {
                for reason in refused.reasons { errors.add(reason.field, reason.message) }
            }
        }
        var lists = try storedLists()
        if let index = lists.firstIndex(where: { $0.list == list }) { lists[index] = form }
        return render(ProgrammePages.Model(general: ProgrammeGeneralForm(try store.programme()), lists: lists,
                                           failed: .list(list), errors: errors), status: 422)
    }
}
