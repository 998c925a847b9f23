import Domain
import HTTP
import Store
import Views

/// Opening a plan for an IKC and year, from the agreement version in force.
extension PlansHandler {
    /// The IKCs the principal may open plans for.
    func openableIKCs(_ all: [(id: Int64, name: String)]) -> [(id: Int64, name: String)] {
        all.filter { allows(.write, .yearPlan, ikcID: $0.id) }
    }

    func showNew() throws -> Response {
        let programme = try programme()
        let ikcs = try store.read { try IKCs.names($0) }
        return page(PlanFormsPage.new(context: user.page, ikcs: openableIKCs(ikcs), years: Array(programme.years),
                                      ikc: request.query["ikc"] ?? "", year: request.query["jaar"] ?? "", errors: ValidationErrors()))
    }

    func saveNew() throws -> Response {
        let values = request.formValues()
        let ikcText = values["ikc"] ?? "", yearText = values["year"] ?? ""
        let programme = try programme()
        let ikcID = Int64(ikcText)
        let year = Int(yearText).flatMap { programme.years.contains($0) ? $0 : nil }
        let (ikc, existing, version) = try store.read { c -> (IKC?, Int64?, YearPlans.VersionInForce?) in
            guard let ikcID, let ikc = try IKCs.find(id: ikcID, c) else { return (nil, nil, nil) }
            guard let year else { return (ikc, nil, nil) }
            return (ikc, try YearPlans.id(ikcID: ikc.id, year: year, c), try YearPlans.versionInForce(ikcID: ikc.id, year: year, c))
        }
        var errors = ValidationErrors()
        if ikc == nil { errors.add("ikc", "Kies een IKC.") }
        // Ownership is checked after loading: a director opens plans for the own IKC only.
        if let ikc, !allows(.write, .yearPlan, ikcID: ikc.id) { throw AppError.forbidden }
        if year == nil { errors.add("year", "Kies een jaar van het programma.") }
        if let existing { return Response.redirect(to: Route.plans(.plan(existing)).path) }
        if let ikc, let year, version == nil {
            errors.add("year", "Voor \(ikc.name) is er in \(programme.yearLabel(year)) geen vastgestelde resultaatafspraak; een jaarplan begint vanuit die afspraak.")
        }
        guard errors.isEmpty, let ikc, let year, let version else {
            let ikcs = try store.read { try IKCs.names($0) }
            return page(PlanFormsPage.new(context: user.page, ikcs: openableIKCs(ikcs), years: Array(programme.years),
                                          ikc: ikcText, year: yearText, errors: errors), status: 422)
        }
        let id = try YearPlans.open(ikc: (ikc.id, ikc.name), year: year, version: version, by: principal.userID, in: store)
        return Response.redirect(to: Route.plans(.plan(id)).path + "?saved=geopend")
    }
}
