import Domain
import Foundation
import Markup

/// One audit row in words: every stored code translated, ids named, amounts in euros, the time
/// in Amsterdam. Used by the page and by its CSV, so both say the same.
public struct AuditRowText: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var label: String
        public var old: String?
        public var new: String?
    }

    public var when: String
    public var who: String
    public var action: String
    public var kind: String
    public var recordName: String?
    public var route: Route?
    public var summary: String
    public var changes: [Change]

    public init(_ entry: AuditEntry, names: AuditNames) {
        when = AuditRowText.amsterdam(entry.at)
        who = entry.userName ?? "Systeem"
        action = AuditVocabulary.action(entry.action)
        kind = AuditVocabulary.recordKind(entry.recordType)
        recordName = names.recordName(type: entry.recordType, id: entry.recordID)
        route = entry.recordID.flatMap { AuditRowText.route(type: entry.recordType, id: $0) }
        summary = entry.summary
        let old = AuditValues.parse(entry.oldValues), new = AuditValues.parse(entry.newValues)
        var keys: [String] = []
        for key in (new ?? []).map(\.key) + (old ?? []).map(\.key) where !keys.contains(key) { keys.append(key) }
        let oldMap = Dictionary((old ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let newMap = Dictionary((new ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let hasOld = entry.oldValues != nil
        changes = keys.map { key in
            let field = AuditVocabulary.field(key, recordType: entry.recordType, names: names)
            return Change(label: field.label,
                          old: hasOld ? AuditRowText.value(oldMap[key] ?? nil, field.kind, names) : nil,
                          new: entry.newValues == nil ? nil : AuditRowText.value(newMap[key] ?? nil, field.kind, names))
        }
        // A new record lists what it was given, not every field it was not.
        if !hasOld { changes.removeAll { $0.new == "(leeg)" } }
        if old == nil || new == nil { changes.append(Change(label: "Gegevens", old: nil, new: "(niet leesbaar opgeslagen)")) }
    }

    /// The page of the record a row is about.
    static func route(type: String, id: Int64) -> Route? {
        switch type {
        case "user": return .users(.user(id))
        case "ikc", "plus_condition": return .ikcs(.ikc(id))
        case "plus_predicate": return .ikcs(.plus(id))
        case "area", "area_indicator": return .areas(.area(id))
        case "organisation": return .organisations(.organisation(id))
        case "funding_source": return .funding(.source(id))
        case "agreement": return .agreements(.show(id))
        case "year_plan": return .plans(.plan(id))
        case "report": return .reports(.edition(id))
        case "plan_deadline": return .plans(.deadlines)
        case "indicator": return .indicators(.show(id))
        default: return nil
        }
    }

    /// A stored value as the forms show it; empty is "(leeg)".
    static func value(_ raw: String?, _ kind: AuditVocabulary.ValueKind, _ names: AuditNames) -> String {
        guard let raw, !raw.isEmpty else { return "(leeg)" }
        switch kind {
        case .text: return raw
        case .cents: return Int64(raw).map { DutchFormat.euros(cents: $0) } ?? raw
        case .euroInput: return "€ " + raw
        case .day: return Day(typed: raw)?.dutch ?? raw
        case .number: return decimalComma(raw)
        case .flag: return raw == "1" ? "ja" : raw == "0" ? "nee" : raw
        case .role: return Role(rawValue: raw)?.label ?? raw
        case .status(let type): return AuditVocabulary.status(raw, recordType: type)
        case .fundingKind: return names.fundingKinds[raw] ?? raw
        case .conditionState: return ConditionState(rawValue: raw)?.label ?? raw
        case .year: return Int(raw).map { names.yearLabel($0) } ?? raw
        case .ids(let nameKind):
            return raw.split(separator: ",").map { part in Int64(part).map { names.name(nameKind, $0) } ?? String(part) }.joined(separator: ", ")
        case .measurement:
            let prefix = "niet gemeten: "
            if raw.hasPrefix(prefix) {
                let reason = raw.dropFirst(prefix.count)
                return reason.isEmpty ? "niet gemeten" : "niet gemeten (\(reason))"
            }
            return decimalComma(raw)
        }
    }

    static func decimalComma(_ raw: String) -> String {
        guard Double(raw) != nil else { return raw }
        return String(raw.map { $0 == "." ? "," : $0 })
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `2026-12-03T13:31:17Z` (as stored) as `03-12-2026 14:31` in Amsterdam (winter or summer time).
    public static func amsterdam(_ iso: String) -> String {
        let digits = iso.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 5,
              let date = utc.date(from: DateComponents(year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4],
                                                       second: digits.count > 5 ? digits[5] : 0))
        else { return iso }
        return DutchFormat.dateTime(date)
    }

    /// The changes as one line of text (for the CSV): "Label: oud → nieuw; …".
    public var changesText: String {
        changes.map { change in
            switch (change.old, change.new) {
            case (let old?, let new?): "\(change.label): \(old) → \(new)"
            case (nil, let new?): "\(change.label): \(new)"
            case (let old?, nil): "\(change.label): was \(old)"
            case (nil, nil): change.label
            }
        }.joined(separator: "; ")
    }
}

/// The filtered log as a CSV file, in the page's words.
public enum AuditCSV {
    public static func render(_ rows: [AuditRowText]) -> String {
        var lines: [[String]] = [["Wanneer", "Wie", "Handeling", "Soort gegeven", "Gegeven", "Omschrijving", "Wijzigingen"]]
        for row in rows {
            lines.append([row.when, row.who, row.action, row.kind, row.recordName ?? "", row.summary, row.changesText])
        }
        return CSV.document(lines)
    }
}
