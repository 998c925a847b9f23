/// An area (gebied); the seven aandachtsgebieden are priority areas.
public struct Area: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var isPriority: Bool
    public var reassessedOn: Day?
    public var notes: String
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", isPriority: Bool = false, reassessedOn: Day? = nil,
                notes: String = "", lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.isPriority = isPriority
        self.reassessedOn = reassessedOn
        self.notes = notes
        self.lockVersion = lockVersion
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
        [RecordField("name", "Naam", name), RecordField("is_priority", "Aandachtsgebied", isPriority ? "ja" : "nee"),
         RecordField("reassessed_on", "Laatste herijking", reassessedOn?.iso ?? ""), RecordField("notes", "Toelichting", notes)]
    }
}
