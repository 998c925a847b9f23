/// The registry's forms as typed in: strings as they came from the browser, validated into
/// Dutch messages per field, then turned into records. Kept as typed so a failed form shows the
/// user's own input again.

extension Day {
    /// A date as people type it: ISO '2026-11-22' (what `<input type=date>` posts) or Dutch
    /// '22-11-2026' / '22/11/2026'.
    public init?(typed text: String) {
        let trimmed = text.trimmingWhitespace()
        if let iso = Day(iso: trimmed) { self = iso; return }
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

public struct IKCForm: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var koepelID: String
    public var areaID: String
    public var directorName: String
    public var childrenCount: String
    public var profile: String
    public var childcareIDs: [String]

    public init(name: String = "", kind: String = IKCKind.plus.rawValue, koepelID: String = "", areaID: String = "",
                directorName: String = "", childrenCount: String = "", profile: String = "", childcareIDs: [String] = []) {
        self.name = name
        self.kind = kind
        self.koepelID = koepelID
        self.areaID = areaID
        self.directorName = directorName
        self.childrenCount = childrenCount
        self.profile = profile
        self.childcareIDs = childcareIDs
    }

    public init(_ ikc: IKC) {
        self.init(name: ikc.name, kind: ikc.kind.rawValue, koepelID: String(ikc.koepelID),
                  areaID: ikc.areaID.map { String($0) } ?? "", directorName: ikc.directorName,
                  childrenCount: ikc.childrenCount.map { String($0) } ?? "", profile: ikc.profile,
                  childcareIDs: ikc.childcareIDs.map { String($0) })
    }

    public static let childrenRange = 1...2000

    /// Checks the form against the koepels, areas and childcare organisations that exist.
    public func validate(koepels: Set<Int64>, areas: Set<Int64>, childcare: Set<Int64>) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(name, "name", "de naam", into: &errors)
        Check.maxLength(name, 200, "name", "de naam", into: &errors)
        if IKCKind(rawValue: kind) == nil { errors.add("kind", "Kies het soort IKC.") }
        if let id = Int64(koepelID), koepels.contains(id) {} else { errors.add("koepelID", "Kies de koepel van het IKC.") }
        if !areaID.isEmpty, !(Int64(areaID).map(areas.contains) ?? false) { errors.add("areaID", "Kies een bestaand gebied.") }
        if kind == IKCKind.plus.rawValue && areaID.isEmpty {
            errors.add("areaID", "Een Plus IKC ligt in een gebied; kies het gebied.")
        }
        if childcareIDs.contains(where: { !(Int64($0).map(childcare.contains) ?? false) }) {
            errors.add("childcareIDs", "Kies bestaande kinderopvangorganisaties.")
        }
        let count = childrenCount.trimmingWhitespace().replacingAll(".", with: "")
        if !count.isEmpty {
            if let n = Int(count), IKCForm.childrenRange.contains(n) {} else {
                errors.add("childrenCount", "Vul een aantal kinderen in tussen 1 en 2.000 (alleen cijfers).")
            }
        }
        Check.maxLength(directorName, 200, "directorName", "de naam van de directeur", into: &errors)
        Check.maxLength(profile, 2000, "profile", "het profiel", multiLine: true, into: &errors)
        return errors
    }

    /// The record; call after `validate` found nothing.
    public func ikc(id: Int64 = 0, lockVersion: Int64 = 1) -> IKC {
        IKC(id: id, name: name.trimmingWhitespace(), kind: IKCKind(rawValue: kind) ?? .regulier, koepelID: Int64(koepelID) ?? 0,
            areaID: Int64(areaID), directorName: directorName.trimmingWhitespace(),
            childrenCount: Int(childrenCount.trimmingWhitespace().replacingAll(".", with: "")),
            profile: profile.trimmingWhitespace(), childcareIDs: Array(Set(childcareIDs.compactMap { Int64($0) })).sorted(),
            lockVersion: lockVersion)
    }
}

public struct AreaForm: Sendable, Equatable {
    public var name: String
    public var isPriority: Bool
    public var reassessedOn: String
    public var notes: String

    public init(name: String = "", isPriority: Bool = false, reassessedOn: String = "", notes: String = "") {
        self.name = name
        self.isPriority = isPriority
        self.reassessedOn = reassessedOn
        self.notes = notes
    }

    public init(_ area: Area) {
        self.init(name: area.name, isPriority: area.isPriority, reassessedOn: area.reassessedOn?.iso ?? "", notes: area.notes)
    }

    public func validate(today: Day) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(name, "name", "de naam", into: &errors)
        Check.maxLength(name, 200, "name", "de naam", into: &errors)
        if !reassessedOn.trimmingWhitespace().isEmpty {
            if let day = Day(typed: reassessedOn) {
                if day > today { errors.add("reassessedOn", "De datum van de laatste herijking ligt in de toekomst.") }
            } else {
                errors.add("reassessedOn", "Vul een geldige datum in, bijvoorbeeld 01-03-2025.")
            }
        }
        Check.maxLength(notes, 4000, "notes", "de toelichting", multiLine: true, into: &errors)
        return errors
    }

    public func area(id: Int64 = 0, lockVersion: Int64 = 1) -> Area {
        Area(id: id, name: name.trimmingWhitespace(), isPriority: isPriority, reassessedOn: Day(typed: reassessedOn),
             notes: notes.trimmingWhitespace(), lockVersion: lockVersion)
    }
}

public struct PlusPredicateForm: Sendable, Equatable {
    public var grantedOn: String
    public var lastReassessedOn: String
    public var notes: String

    public init(grantedOn: String = "", lastReassessedOn: String = "", notes: String = "") {
        self.grantedOn = grantedOn
        self.lastReassessedOn = lastReassessedOn
        self.notes = notes
    }

    public init(_ predicate: PlusPredicate) {
        self.init(grantedOn: predicate.grantedOn.iso, lastReassessedOn: predicate.lastReassessedOn?.iso ?? "", notes: predicate.notes)
    }

    public func validate() -> ValidationErrors {
        var errors = ValidationErrors()
        let granted = Day(typed: grantedOn)
        if grantedOn.trimmingWhitespace().isEmpty {
            errors.add("grantedOn", "Vul de datum in waarop het predicaat is toegekend.")
        } else if granted == nil {
            errors.add("grantedOn", "Vul een geldige datum in, bijvoorbeeld 01-01-2022.")
        }
        if !lastReassessedOn.trimmingWhitespace().isEmpty {
            if let last = Day(typed: lastReassessedOn) {
                if let granted, last < granted { errors.add("lastReassessedOn", "De herijking ligt vóór de toekenning.") }
            } else {
                errors.add("lastReassessedOn", "Vul een geldige datum in, bijvoorbeeld 15-01-2024.")
            }
        }
        Check.maxLength(notes, 4000, "notes", "de toelichting", multiLine: true, into: &errors)
        return errors
    }

    public func predicate(ikcID: Int64, lockVersion: Int64 = 1) -> PlusPredicate? {
        guard let granted = Day(typed: grantedOn) else { return nil }
        return PlusPredicate(ikcID: ikcID, grantedOn: granted, lastReassessedOn: Day(typed: lastReassessedOn),
                             notes: notes.trimmingWhitespace(), lockVersion: lockVersion)
    }
}

/// One condition (voorwaarde) of a Plus IKC as checked: state, note, who set it when.
public struct ConditionCheck: Sendable, Equatable {
    public var conditionID: Int64
    public var text: String
    public var state: ConditionState?
    public var note: String
    public var setBy: String?
    public var setAt: String?

    public init(conditionID: Int64, text: String, state: ConditionState?, note: String = "", setBy: String? = nil, setAt: String? = nil) {
        self.conditionID = conditionID
        self.text = text
        self.state = state
        self.note = note
        self.setBy = setBy
        self.setAt = setAt
    }
}

/// Whether a measured value meets the year's target, by the result's direction.
public enum ResultProgress {
    public static func isOnTrack(value: Double, target: Double, direction: String) -> Bool {
        switch direction {
        case "lower": value <= target
        default: value >= target
        }
    }
}
