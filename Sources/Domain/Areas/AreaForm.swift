/// A form as typed in: strings as they came from the browser, validated into Dutch messages
/// per field, then turned into a record. Kept as typed so a failed form shows the user's own
/// input again.
public struct AreaForm: Sendable, Equatable {
    public var name: String
    public var level: Int
    public var reassessedOn: String
    public var notes: String

    public init(name: String = "", isPriority: Bool = false, reassessedOn: String = "", notes: String = "", level: Int? = nil) {
        self.name = name
        self.level = level ?? (isPriority ? 1 : 0)
        self.reassessedOn = reassessedOn
        self.notes = notes
    }

    public init(_ area: Area) {
        self.init(name: area.name, reassessedOn: area.reassessedOn?.iso ?? "", notes: area.notes, level: area.level)
    }

    /// Whether the area is above the lowest level (the checkbox of a yes/no classification).
    public var isPriority: Bool { level > 0 }

    /// `levels`: the levels of the programme's classification (any when not given).
    public func validate(today: Day, levels: Set<Int>? = nil) -> ValidationErrors {
        var errors = ValidationErrors()
        if let levels, !levels.contains(level) { errors.add("isPriority", "Kies een klasse van de gebiedsindeling.") }
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
        Area(id: id, name: name.trimmingWhitespace(), reassessedOn: Day(typed: reassessedOn),
             notes: notes.trimmingWhitespace(), lockVersion: lockVersion, level: level)
    }
}
