/// The Plus predicate: granted for a term, re-assessed (herijking) every few years.
public struct PlusPredicate: Sendable, Equatable {
    public var ikcID: Int64
    public var grantedOn: Day
    public var lastReassessedOn: Day?
    public var notes: String
    public var lockVersion: Int64

    public init(ikcID: Int64, grantedOn: Day, lastReassessedOn: Day? = nil, notes: String = "", lockVersion: Int64 = 1) {
        self.ikcID = ikcID
        self.grantedOn = grantedOn
        self.lastReassessedOn = lastReassessedOn
        self.notes = notes
        self.lockVersion = lockVersion
    }

    /// The end of the term: granted plus the term (four years in KvK2).
    public func termEnds(termYears: Int) -> Day { grantedOn.addingYears(termYears) }

    /// The next re-assessment: every `everyYears` after the grant, the first one after the last
    /// re-assessment (or after the grant when there was none).
    public func nextReassessment(everyYears: Int) -> Day {
        let since = lastReassessedOn ?? grantedOn
        var next = grantedOn.addingYears(everyYears)
        while next <= since { next = next.addingYears(everyYears) }
        return next
    }

    /// Due when the next re-assessment or the end of the term falls within three months of today
    /// (or has already passed).
    public func isDue(today: Day, termYears: Int, everyYears: Int) -> Bool {
        let horizon = today.addingMonths(3)
        return nextReassessment(everyYears: everyYears) <= horizon || termEnds(termYears: termYears) <= horizon
    }
}

extension PlusPredicate {
    /// The date that makes a predicate due (next re-assessment or term end, whichever comes
    /// first) when it falls within three months of today or has passed; nil otherwise.
    public func dueDate(today: Day, programme: Programme) -> Day? {
        guard isDue(today: today, termYears: programme.plusTermYears, everyYears: programme.plusReassessmentYears) else { return nil }
        return min(nextReassessment(everyYears: programme.plusReassessmentYears), termEnds(termYears: programme.plusTermYears))
    }

    /// The fields of a predicate (none yet: empty texts) for the audit log and the conflict page.
    public static func fields(_ p: PlusPredicate?) -> [RecordField] {
        [RecordField("granted_on", "Toegekend op", p?.grantedOn.iso ?? ""),
         RecordField("last_reassessed_on", "Laatste herijking", p?.lastReassessedOn?.iso ?? ""),
         RecordField("notes", "Toelichting", p?.notes ?? "")]
    }
}
