/// The audit words of issue 19's fields: budget status, earmark, calendar-year budget, the
/// split setting and the staff pool.
extension AuditVocabulary {
    static func planningField(_ key: String, recordType: String, names: AuditNames) -> Field? {
        switch key {
        case "parent_id": return Field("Onderdeel van", .ids(.fundingSource))
        case "calendar_budget": return Field("Begroting per kalenderjaar", .flag)
        case "split_first_months": return Field("Maanden in het eerste kalenderjaar")
        case "split_second_months": return Field("Maanden in het tweede kalenderjaar")
        case "weeks_per_year": return Field("Werkweken per jaar")
        default: break
        }
        if key.hasPrefix("status_"), let year = Int(key.dropFirst("status_".count)) {
            return Field("Status budget \(names.yearLabel(year))")
        }
        if recordType == "staff_pool", let underscore = key.lastIndex(of: "_"), let year = Int(key[key.index(after: underscore)...]) {
            return Field("Personeel ‘\(names.roleLabel(String(key[..<underscore])))’ \(names.yearLabel(year))")
        }
        return nil
    }
}
