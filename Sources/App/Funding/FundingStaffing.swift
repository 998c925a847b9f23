import Domain
import HTTP
import Markup
import Store
import Views

/// The staffing page and its CSV, and the staff pool form of one role (issue 19).
extension FundingHandler {
    func showStaffing(csv asCSV: Bool) throws -> Response {
        // The pool and every organisation's hours: programme-wide, so not for a partner.
        guard Authorization.allows(principal, .read, .fundingSource, on: Authorization.Subject(organisationID: nil)) else {
            throw AppError.forbidden
        }
        let programme = try programme()
        let overview = try store.read { c in try StaffingCapacity.overview(years: programme.years, c) }
        let view = StaffingView(roles: overview.roles, lines: overview.lines, payments: overview.payments,
                                organisationNames: overview.organisationNames, weeksPerYear: overview.settings.weeksPerYear)
        if asCSV { return csv(FundingPages.staffingCSV(programme: programme, view: view), filename: "personeel.csv") }
        let notice = request.query["saved"] == "1" ? "De pool is opgeslagen." : nil
        return page(FundingPages.staffing(context: user.page, programme: programme, view: view, canEdit: canEdit, notice: notice))
    }

    func showPoolForm(role code: String) throws -> Response {
        let programme = try programme()
        let (roles, pools, version) = try store.read { c in
            (try ProgrammeSettings.staffingRoles(c), try StaffingCapacity.pools(c), try StaffingCapacity.poolVersion(c))
        }
        guard let role = roles.first(where: { $0.code == code }) else { throw AppError.notFound }
        var form = StaffPoolForm()
        for pool in pools where pool.roleCode == code {
            form.rows[pool.year] = StaffPoolForm.Row(people: String(pool.people), hours: DutchFormat.number(pool.hoursPerWeek, decimals: 1)
                .replacingOccurrences(of: ",0", with: ""), employer: pool.employer,
                cost: pool.hourlyCostCents == 0 ? "" : DutchFormat.eurosExact(cents: pool.hourlyCostCents).replacingOccurrences(of: "€ ", with: ""))
        }
        return page(FundingPages.poolForm(context: user.page, programme: programme, role: role, form: form, lockVersion: version,
                                          errors: ValidationErrors()))
    }

    func savePoolForm(role code: String) throws -> Response {
        let values = request.formValues()
        let programme = try programme()
        let roles = try store.read { c in try ProgrammeSettings.staffingRoles(c) }
        guard let role = roles.first(where: { $0.code == code }) else { throw AppError.notFound }
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        var form = StaffPoolForm()
        for year in programme.years {
            form.rows[year] = StaffPoolForm.Row(people: values[StaffPoolForm.field("people", year)] ?? "",
                                                hours: values[StaffPoolForm.field("hours", year)] ?? "",
                                                employer: values[StaffPoolForm.field("employer", year)] ?? "",
                                                cost: values[StaffPoolForm.field("cost", year)] ?? "")
        }
        let (errors, pools) = form.validate(roleCode: code, years: programme.years, yearLabel: programme.yearLabel,
                                            parseHours: DutchFormat.parseDecimal, parseEuros: DutchFormat.parseEuros)
        guard errors.isEmpty, let pools else {
            return page(FundingPages.poolForm(context: user.page, programme: programme, role: role, form: form, lockVersion: expected,
                                              errors: errors), status: 422)
        }
        try StaffingCapacity.savePool(roleCode: code, pools: pools, years: programme.years, expected: expected, by: principal.userID, in: store)
        return Response.redirect(to: Route.funding(.staffing).path + "?saved=1")
    }

    func showSettings() throws -> Response {
        let programme = try programme()
        let settings = try store.read { c in try FundingSources.settings(c) }
        let notice = request.query["saved"] == "1" ? "De instellingen zijn opgeslagen." : nil
        return page(FundingPages.settingsForm(context: user.page, programme: programme, first: String(settings.split.first),
                                              second: String(settings.split.second), weeks: String(settings.weeksPerYear),
                                              lockVersion: settings.lockVersion, errors: ValidationErrors(), notice: notice))
    }

    func saveSettings() throws -> Response {
        let values = request.formValues()
        let programme = try programme()
        guard let expected = Int64(values["lock_version"] ?? "") else { throw AppError.badRequest("Het formulier mist zijn versie.") }
        let first = values["split_first"] ?? "", second = values["split_second"] ?? "", weeksText = values["weeks"] ?? ""
        var (split, errors) = Funding.CalendarSplit.parse(first: first, second: second)
        let weeks = Int(weeksText.trimmingWhitespace())
        if weeks == nil || !(1...53).contains(weeks ?? 0) { errors.add("weeks", "Vul een aantal werkweken van 1 tot en met 53 in.") }
        guard errors.isEmpty, let split, let weeks else {
            return page(FundingPages.settingsForm(context: user.page, programme: programme, first: first, second: second, weeks: weeksText,
                                                  lockVersion: expected, errors: errors, notice: nil), status: 422)
        }
        try FundingSources.saveSettings(FundingSettings(split: split, weeksPerYear: weeks), expected: expected, by: principal.userID, in: store)
        return Response.redirect(to: Route.funding(.settings).path + "?saved=1")
    }
}
