/// An area (gebied); the seven aandachtsgebieden are priority areas.
public struct Area: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    /// The level on the programme's area classification (`area_classes`, 0009); KvK2's is
    /// 0 (no aandachtsgebied) or 1 (aandachtsgebied).
    public var level: Int
    public var reassessedOn: Day?
    public var notes: String
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", isPriority: Bool = false, reassessedOn: Day? = nil,
                notes: String = "", lockVersion: Int64 = 1, level: Int? = nil) {
        self.id = id
        self.name = name
        self.level = level ?? (isPriority ? 1 : 0)
        self.reassessedOn = reassessedOn
        self.notes = notes
        self.lockVersion = lockVersion
    }

    /// Whether the area is above the lowest level (KvK2: an aandachtsgebied).
    public var isPriority: Bool {
        get { level > 0 }
        set { level = newValue ? 1 : 0 }
    }

    /// The classification is re-assessed every `years` years; overdue when that date has passed
    /// (or when it was never assessed).
    public func reassessmentOverdue(today: Day, years: Int) -> Bool {
        guard let reassessedOn else { return true }
        return reassessedOn.addingYears(years) < today
    }
}

extension Area {
    /// The fields for the audit log and the conflict page.
    public var fields: [RecordField] {
        [RecordField("name", "Naam", name), RecordField("is_priority", "Aandachtsgebied", level > 1 ? String(level) : (isPriority ? "ja" : "nee")),
         RecordField("reassessed_on", "Laatste herijking", reassessedOn?.iso ?? ""), RecordField("notes", "Toelichting", notes)]
    }
}
