/// The lists of the programme settings page, each edited as one form: rename (label),
/// reorder (position), flags, retire, and one empty row to add an entry.
public enum ProgrammeList: String, CaseIterable, Sendable {
    case goals = "doelen"
    case organisationKinds = "organisatiesoorten"
    case ikcKinds = "ikc-soorten"
    case areaClasses = "gebiedsindeling"
    case fundingKinds = "financieringssoorten"
    case staffingRoles = "formatie"
    case conditions = "voorwaarden"

    public var title: String {
        switch self {
        case .goals: "Doelen"
        case .organisationKinds: "Soorten organisaties en ondertekenende partijen"
        case .ikcKinds: "Soorten IKC's en predicaat"
        case .areaClasses: "Gebiedsindeling"
        case .fundingKinds: "Soorten financiering"
        case .staffingRoles: "Formatierollen"
        case .conditions: "Voorwaarden"
        }
    }

    /// What one entry is called in messages ("het doel").
    public var entryName: String {
        switch self {
        case .goals: "het doel"
        case .organisationKinds: "de soort organisatie"
        case .ikcKinds: "de soort IKC"
        case .areaClasses: "de klasse"
        case .fundingKinds: "de soort financiering"
        case .staffingRoles: "de formatierol"
        case .conditions: "de voorwaarde"
        }
    }

    /// The yes/no properties of an entry: form name and label.
    public var flags: [(name: String, label: String)] {
        switch self {
        case .organisationKinds: [("signs", "Ondertekent de afspraak")]
        case .ikcKinds: [("inProgramme", "Krijgt afspraken en jaarplannen"), ("predicate", "Draagt het predicaat")]
        case .areaClasses: [("qualifies", "Komt in aanmerking voor het predicaat")]
        default: []
        }
    }

    /// How long a label may be.
    public var maxLength: Int { self == .conditions ? 1000 : 200 }

    /// A number an entry carries besides its name: form name and label (the staffing roles'
    /// default hours per week, which a new agreement's staffing starts from).
    public var number: (name: String, label: String)? {
        self == .staffingRoles ? ("hours", "Standaard uren per week") : nil
    }

    /// The range of that number.
    static let numberRange: ClosedRange<Double> = 0...60
}

/// One row of a list form, as typed.
public struct ProgrammeListEntryForm: Sendable, Equatable {
    /// The stored key (code, id or level); empty for the row that adds an entry.
    public var key: String
    public var label: String
    public var position: String
    public var flags: Set<String>
    public var retire: Bool
    /// The number as typed (see `ProgrammeList.number`); empty for none.
    public var number: String

    public init(key: String, label: String, position: String, flags: Set<String> = [], retire: Bool = false, number: String = "") {
        self.key = key
        self.label = label
        self.position = position
        self.flags = flags
        self.retire = retire
        self.number = number
    }
}

/// A validated entry: nil key for a new one.
public struct ProgrammeListEntry: Sendable, Equatable {
    public var key: String?
    public var label: String
    public var position: Int
    public var flags: Set<String>
    /// The number (see `ProgrammeList.number`); nil for none.
    public var number: Double?

    public init(key: String?, label: String, position: Int, flags: Set<String> = [], number: Double? = nil) {
        self.key = key
        self.label = label
        self.position = position
        self.flags = flags
        self.number = number
    }
}

/// A list form as typed in, validated into the entries to keep and the keys to retire.
public struct ProgrammeListForm: Sendable, Equatable {
    public var list: ProgrammeList
    public var entries: [ProgrammeListEntryForm]

    public init(list: ProgrammeList, entries: [ProgrammeListEntryForm]) {
        self.list = list
        self.entries = entries
    }

    /// The form field of row `index` (unique on the page, which holds every list's form).
    public static func field(_ list: ProgrammeList, _ name: String, _ index: Int) -> String { "\(list.rawValue)-\(name)-\(index)" }

    /// The field of a message about the whole list.
    public static func listField(_ list: ProgrammeList) -> String { "\(list.rawValue)-lijst" }

    /// Checks what can be checked without the stored data; the Store refuses what contradicts it.
    public func validate() -> ValidationErrors {
        var errors = ValidationErrors()
        var seen: Set<String> = []
        var predicates = 0
        for (index, entry) in entries.enumerated() where !entry.retire {
            let label = entry.label.trimmingWhitespace()
            if entry.key.isEmpty && label.isEmpty { continue }
            let field = ProgrammeListForm.field(list, "label", index)
            if label.isEmpty {
                errors.add(field, "Vul de naam in van \(list.entryName) (of kies ‘Vervalt’).")
            } else {
                Check.maxLength(label, list.maxLength, field, "de naam", into: &errors)
                if !seen.insert(label.lowercased()).inserted {
                    errors.add(field, "‘\(label)’ staat twee keer in de lijst; geef elke regel een eigen naam.")
                }
            }
            let position = entry.position.trimmingWhitespace()
            if !(position.isEmpty && entry.key.isEmpty), Int(position).map({ (1...999).contains($0) }) != true {
                errors.add(ProgrammeListForm.field(list, "position", index), "Vul als volgorde een getal van 1 tot en met 999 in.")
            }
            if entry.flags.contains("predicate") { predicates += 1 }
            let number = entry.number.trimmingWhitespace()
            if let kind = list.number, !number.isEmpty,
               CSV.number(number).map({ ProgrammeList.numberRange.contains($0) }) != true {
                let name = label.isEmpty ? list.entryName : "‘\(label)’"
                errors.add(ProgrammeListForm.field(list, kind.name, index),
                           "Vul bij \(name) als \(kind.label.lowercased()) een getal van 0 tot en met 60 in, bijvoorbeeld 16 of 12,5 (of laat het leeg).")
            }
        }
        if predicates > 1 {
            errors.add(ProgrammeListForm.listField(list), "Hoogstens één soort IKC draagt het predicaat; u koos er \(predicates).")
        }
        if kept.isEmpty {
            errors.add(ProgrammeListForm.listField(list), "De lijst moet minstens één regel houden.")
        }
        return errors
    }

    /// The entries to keep (existing and new), in their new order; call after `validate`.
    public var kept: [ProgrammeListEntry] {
        var out: [ProgrammeListEntry] = []
        for (index, entry) in entries.enumerated() where !entry.retire {
            let label = entry.label.trimmingWhitespace()
            if entry.key.isEmpty && label.isEmpty { continue }
            let position = Int(entry.position.trimmingWhitespace()) ?? (1000 + index)
            let number = list.number == nil ? nil : CSV.number(entry.number)
            out.append(ProgrammeListEntry(key: entry.key.isEmpty ? nil : entry.key, label: label, position: position, flags: entry.flags,
                                          number: number))
        }
        return out.sorted { ($0.position, $0.label) < ($1.position, $1.label) }
    }

    /// The stored keys the form retires.
    public var retired: [String] { entries.filter { $0.retire && !$0.key.isEmpty }.map(\.key) }

    /// A code for a new entry, from its label: lower-case letters, digits and underscores,
    /// made unique against `taken`.
    public static func code(for label: String, taken: Set<String>) -> String {
        var base = ""
        for scalar in label.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                base.unicodeScalars.append(scalar)
            } else if !base.hasSuffix("_") && !base.isEmpty {
                base += "_"
            }
        }
        while base.hasSuffix("_") { base.removeLast() }
        if base.isEmpty { base = "soort" }
        base = String(base.prefix(40))
        var code = base
        var n = 2
        while taken.contains(code) {
            code = "\(base)_\(n)"
            n += 1
        }
        return code
    }
}
