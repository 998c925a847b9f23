import Domain
import Foundation
import HTTP
import Markup
import Store
import Views

/// The audit log: read only, for project leaders; the page and its CSV share one filter.
struct AuditHandler: FeatureHandler {
    let app: Application
    let user: SignedIn

    func respond(_ route: AuditRoute, _ verb: Verb) throws -> Response {
        switch (route, verb) {
        case (.index, .show): return try showLog(csv: false)
        case (.csv, .show): return try showLog(csv: true)
        case (.index, .save), (.csv, .save): throw AppError.methodNotAllowed(allowed: route.methods)
        }
    }

    func showLog(csv: Bool) throws -> Response {
        let query = request.query
        // `record` and `id` are the names of the first version of the filter: old links keep working.
        let input = AuditFilterInput(person: query["wie"] ?? "", kind: query["soort"] ?? query["record"] ?? "",
                                     record: query["nummer"] ?? query["id"] ?? "", from: query["van"] ?? "", until: query["tot"] ?? "")
        let (people, names) = try store.read { c in (try AuditLog.people(c), try AuditLog.names(c)) }
        let (filter, errors) = AuditHandler.parse(input, people: people)
        guard let filter, errors.isEmpty else {
            let model = AuditPage.Model(rows: [], input: input, errors: errors, people: people.map(\.name))
            return page(AuditPage.render(context: user.page, model: model), status: 422)
        }
        let entries = try store.read { try AuditLog.entries(filter, $0) }
        let rows = entries.map { AuditRowText($0, names: names) }
        if csv {
            var headers = HTTPHeaders()
            headers.set("Content-Type", "text/csv; charset=utf-8")
            headers.set("Content-Disposition", "attachment; filename=\"logboek.csv\"")
            return Response(status: 200, headers: headers, body: Array(AuditCSV.render(rows).utf8))
        }
        let model = AuditPage.Model(rows: rows, input: input, errors: errors, people: people.map(\.name))
        return page(AuditPage.render(context: user.page, model: model))
    }

    /// The filter the input asks for, or the Dutch messages that refuse it (field names as the form's).
    static func parse(_ input: AuditFilterInput, people: [(id: Int64, name: String)]) -> (AuditFilter?, ValidationErrors) {
        var errors = ValidationErrors()
        var filter = AuditFilter()
        let person = input.person.trimmingWhitespace()
        if !person.isEmpty {
            if let match = people.first(where: { $0.name.lowercased() == person.lowercased() }) {
                filter.userID = match.id
            } else {
                errors.add("wie", "Er is geen persoon met de naam ‘\(person)’. Kies een naam uit de lijst.")
            }
        }
        let kind = input.kind.trimmingWhitespace()
        if !kind.isEmpty {
            if let type = AuditVocabulary.recordType(filterWord: kind) { filter.recordType = type } else {
                errors.add("soort", "Kies een soort gegeven uit de lijst.")
            }
        }
        let record = input.record.trimmingWhitespace()
        if !record.isEmpty {
            if let id = Int64(record), id > 0 { filter.recordID = id } else { errors.add("nummer", "Vul als nummer een geheel getal in, zoals 12.") }
        }
        func instant(_ text: String, field: String, label: String, nextDay: Bool) -> String? {
            let text = text.trimmingWhitespace()
            guard !text.isEmpty else { return nil }
            guard let day = Day(typed: text), let start = DutchFormat.startOfDay(year: day.year, month: day.month, day: day.day) else {
                errors.add(field, "Vul bij ‘\(label)’ een datum in als dd-mm-jjjj, zoals 03-12-2026.")
                return nil
            }
            let moment = nextDay ? DutchFormat.calendar.date(byAdding: .day, value: 1, to: start) ?? start : start
            return Timestamp.iso(moment)
        }
        filter.from = instant(input.from, field: "van", label: "Van", nextDay: false)
        filter.until = instant(input.until, field: "tot", label: "Tot en met", nextDay: true)
        if let from = filter.from, let until = filter.until, until <= from {
            errors.add("tot", "De datum bij ‘Tot en met’ ligt voor de datum bij ‘Van’.")
        }
        return (errors.isEmpty ? filter : nil, errors)
    }
}
