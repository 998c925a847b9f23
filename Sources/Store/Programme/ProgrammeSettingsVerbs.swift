import Domain
import SQLite

/// A settings change that contradicts stored data: nothing was written. Each reason names the
/// form field it belongs to and says what blocks the change, with a count.
public struct ProgrammeChangeRefused: Error, Sendable, Equatable {
    public var reasons: [(field: String, message: String)]

    public static func == (lhs: ProgrammeChangeRefused, rhs: ProgrammeChangeRefused) -> Bool {
        lhs.reasons.map { $0.field + "\u{0}" + $0.message } == rhs.reasons.map { $0.field + "\u{0}" + $0.message }
    }
}

/// The verbs of the programme settings page (issue 22): each one immediate transaction that
/// checks the change against the stored data, applies it and writes one audit row.
public enum ProgrammeSettingsVerbs {
    /// Names, years, ages and the predicate's term. Refused: another year kind while agreements
    /// exist (it would relabel every stored year), or a period that leaves out years in which
    /// agreements or year plans are recorded.
    public static func saveGeneral(_ wanted: Programme, by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let old = try ProgrammeSettings.programme(c)
            var reasons: [(String, String)] = []
            if wanted.yearKind != old.yearKind {
                let agreements = try count("SELECT COUNT(*) FROM agreements", c)
                if agreements > 0 {
                    reasons.append(("yearKind", "Het soort jaar kan niet meer wijzigen: er \(agreements == 1 ? "staat 1 resultaatafspraak" : "staan \(agreements) resultaatafspraken") op naam van de huidige jaren. Elk opgeslagen jaar zou een ander jaar gaan heten."))
                }
            }
            let outside = try count("""
                SELECT COUNT(*) FROM agreements WHERE first_year < \(wanted.firstYear) OR last_year > \(wanted.lastYear)
                """, c)
            if outside > 0 {
                reasons.append(("firstYear", "De periode \(wanted.yearLabel(wanted.firstYear)) t/m \(wanted.yearLabel(wanted.lastYear)) laat jaren weg van \(outside == 1 ? "1 resultaatafspraak" : "\(outside) resultaatafspraken")."))
            }
            let plans = try count("SELECT COUNT(*) FROM year_plans WHERE year < \(wanted.firstYear) OR year > \(wanted.lastYear)", c)
            if plans > 0 {
                reasons.append(("lastYear", "De periode laat jaren weg van \(plans == 1 ? "1 jaarplan" : "\(plans) jaarplannen")."))
            }
            guard reasons.isEmpty else { throw ProgrammeChangeRefused(reasons: reasons) }
            try c.execute("""
                UPDATE programme SET name = \(wanted.name), short_name = \(wanted.shortName), site_name = \(wanted.siteName),
                    municipality = \(wanted.municipality), year_kind = \(wanted.yearKind.rawValue), first_year = \(wanted.firstYear),
                    last_year = \(wanted.lastYear), steering_group = \(wanted.steeringGroup), min_age = \(wanted.minAge),
                    max_age = \(wanted.maxAge), plus_term_years = \(wanted.plusTermYears),
                    plus_reassessment_years = \(wanted.plusReassessmentYears)
                WHERE id = 1
                """)
            let diff = AuditLog.diff([
                ("Naam", old.name, wanted.name), ("Korte naam", old.shortName, wanted.shortName),
                ("Naam van de site", old.siteName, wanted.siteName), ("Gemeente", old.municipality, wanted.municipality),
                ("Soort jaar", old.yearKind.rawValue, wanted.yearKind.rawValue), ("Eerste jaar", String(old.firstYear), String(wanted.firstYear)),
                ("Laatste jaar", String(old.lastYear), String(wanted.lastYear)), ("Stuurgroep", old.steeringGroup, wanted.steeringGroup),
                ("Jongste leeftijd", String(old.minAge), String(wanted.minAge)), ("Oudste leeftijd", String(old.maxAge), String(wanted.maxAge)),
                ("Termijn predicaat (jaren)", String(old.plusTermYears), String(wanted.plusTermYears)),
                ("Herijking predicaat (jaren)", String(old.plusReassessmentYears), String(wanted.plusReassessmentYears)),
            ])
            guard let diff else { return }
            try AuditLog.record(userID: actor, action: "update", recordType: "programme", recordID: 1,
                                summary: "Programma-instellingen gewijzigd", oldValues: diff.old, newValues: diff.new, c)
        }
    }

    /// One list of the settings: renames, reorders, flags, new entries and retirements. An entry
    /// that stored data uses cannot be retired; the refusal counts what uses it.
    public static func saveList(_ list: ProgrammeList, kept: [ProgrammeListEntry], retired: [String], by actor: Int64, in store: DataStore) throws {
        try store.write { c in
            let table = ProgrammeListTable(list)
            let before = try table.entries(c)
            var reasons: [(String, String)] = []
            for key in retired {
                guard let entry = before.first(where: { $0.key == key }) else { continue }
                if let blocker = try table.blocker(key: key, label: entry.label, c) { reasons.append((ProgrammeListForm.listField(list), blocker)) }
            }
            guard reasons.isEmpty else { throw ProgrammeChangeRefused(reasons: reasons) }
            var fields: [(String, String?, String?)] = []
            for key in retired {
                guard let entry = before.first(where: { $0.key == key }) else { continue }
                try table.delete(key: key, c)
                fields.append(("‘\(entry.label)’", entry.label, nil))
            }
            try table.prepare(c)
            var taken = Set(before.map { $0.key ?? "" })
            for (index, entry) in kept.enumerated() {
                var entry = entry
                entry.position = index + 1
                if let key = entry.key, let old = before.first(where: { $0.key == key }) {
                    try table.update(entry, key: key, c)
                    fields.append(("‘\(old.label)’: naam", old.label, entry.label))
                    fields.append(("‘\(old.label)’: volgorde", String(old.position), String(entry.position)))
                    for flag in list.flags {
                        fields.append(("‘\(old.label)’: \(flag.label.lowercased())", old.flags.contains(flag.name) ? "ja" : "nee",
                                       entry.flags.contains(flag.name) ? "ja" : "nee"))
                    }
                    if let number = list.number {
                        fields.append(("‘\(old.label)’: \(number.label.lowercased())", numberText(old.number), numberText(entry.number)))
                    }
                } else {
                    let key = try table.insert(entry, taken: taken, c)
                    taken.insert(key)
                    fields.append(("‘\(entry.label)’", nil, entry.label))
                    if let number = list.number, entry.number != nil {
                        fields.append(("‘\(entry.label)’: \(number.label.lowercased())", nil, numberText(entry.number)))
                    }
                }
            }
            guard let diff = AuditLog.diff(fields) else { return }
            try AuditLog.record(userID: actor, action: "update", recordType: "programme", recordID: 1,
                                summary: "Programma-instellingen: \(list.title.lowercased()) gewijzigd", oldValues: diff.old, newValues: diff.new, c)
        }
    }

    /// A list entry's number as the audit log shows it ("12,5"; "–" for none).
    static func numberText(_ value: Double?) -> String {
        guard let value else { return "–" }
        let whole = value.rounded() == value
        return String((whole ? String(Int(value)) : String(value)).map { $0 == "." ? "," : $0 })
    }

    static func count(_ sql: SQL, _ c: Connection) throws -> Int {
        try c.row(sql)?.int(0) ?? 0
    }
}
