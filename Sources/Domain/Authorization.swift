/// What a request wants to do. Every handler asks `Authorization.allows` before it reads or writes.
public enum Action: String, Sendable, CaseIterable {
    case read
    case write
    /// Reviewing (approving or returning) yearly plans, publishing reports.
    case review
    /// Signing an agreement in the application: a partner for its own organisation, a project
    /// leader for the municipality.
    case sign
}

/// The kind of record an action is on.
public enum RecordKind: String, Sendable, CaseIterable {
    case home
    case organisation
    case area
    case ikc
    case agreement
    case fundingSource
    case yearPlan
    case report
    case user
    case auditLog
    case ownAccount
    /// The indicator library and the programme view per indicator.
    case indicator
}

/// The rule table: (role, action, record) → allowed, and for a director whether the record must
/// belong to one of the IKCs they lead. One place, so the matrix can be read and tested whole.
public enum Authorization {
    public enum Scope: Sendable, Equatable {
        case denied
        case any
        /// Allowed only on records of an IKC the principal leads (a director) or whose agreement
        /// its organisation is party to (a partner).
        case ownIKC
        /// Only approved records of such an IKC: a partner reads approved jaarplannen and
        /// verantwoordingen, never a concept or a submitted one.
        case ownIKCApproved
        /// Only records of the principal's own organisation: a partner reads the funding figures
        /// of its organisation's sources.
        case ownOrganisation
        /// Only published records: a partner reads published report editions, never a draft.
        case published
    }

    public static func scope(role: Role, action: Action, record: RecordKind) -> Scope {
        switch role {
        case .projectleider:
            return .any
        case .ontwikkelgroep:
            switch (action, record) {
            case (.read, .user), (.read, .auditLog): return .denied
            case (.read, _): return .any
            case (.write, .ownAccount): return .any
            default: return .denied
            }
        case .directeur:
            switch (action, record) {
            case (.read, .home), (.write, .ownAccount), (.read, .ownAccount): return .any
            case (.read, .ikc), (.read, .agreement), (.read, .yearPlan): return .ownIKC
            case (.write, .yearPlan): return .ownIKC
            // The programme view per indicator: the own IKC's rows, others only as the programme figure.
            case (.read, .indicator): return .ownIKC
            default: return .denied
            }
        case .partner:
            // Reads its organisation's agreements and signs them; writes nothing else. Whether
            // the organisation is party to this agreement is checked after loading it.
            switch (action, record) {
            case (.read, .home), (.write, .ownAccount), (.read, .ownAccount): return .any
            case (.read, .agreement), (.sign, .agreement): return .ownIKC
            case (.read, .yearPlan): return .ownIKCApproved
            case (.read, .fundingSource): return .ownOrganisation
            case (.read, .report): return .published
            case (.read, .indicator): return .any
            default: return .denied
            }
        }
    }

    /// Whether `principal` may do `action` on a record of `record` kind belonging to `ikcID`
    /// (nil when the record belongs to no single IKC, e.g. a list page).
    public static func allows(_ principal: Principal, _ action: Action, _ record: RecordKind, ikcID: Int64? = nil) -> Bool {
        switch scope(role: principal.role, action: action, record: record) {
        case .denied: return false
        case .any: return true
        case .ownIKC, .ownIKCApproved, .ownOrganisation, .published:
            // A list page (nil) narrows its rows itself; a record with more conditions than its
            // IKC is checked with `allows(_:_:_:on:)`.
            guard let ikcID else { return true }
            return principal.ikcIDs.contains(ikcID)
        }
    }

    /// What a record-level check needs to know of the loaded record.
    public struct Subject: Sendable, Equatable {
        public var ikcID: Int64?
        /// The organisation the record belongs to (a funding source's), nil when none.
        public var organisationID: Int64?
        /// Whether the record (a jaarplan or verantwoording) is approved.
        public var isApproved: Bool
        /// Whether the record (a report edition) is published.
        public var isPublished: Bool

        public init(ikcID: Int64? = nil, organisationID: Int64? = nil, isApproved: Bool = false, isPublished: Bool = false) {
            self.ikcID = ikcID
            self.organisationID = organisationID
            self.isApproved = isApproved
            self.isPublished = isPublished
        }
    }

    /// Whether `principal` may do `action` on one loaded record: every condition of its scope
    /// must hold, and an unknown one (no organisation, not approved) counts as not holding.
    public static func allows(_ principal: Principal, _ action: Action, _ record: RecordKind, on subject: Subject) -> Bool {
        switch scope(role: principal.role, action: action, record: record) {
        case .denied: return false
        case .any: return true
        case .ownIKC:
            guard let ikcID = subject.ikcID else { return true }
            return principal.ikcIDs.contains(ikcID)
        case .ownIKCApproved:
            guard let ikcID = subject.ikcID else { return false }
            return subject.isApproved && principal.ikcIDs.contains(ikcID)
        case .ownOrganisation:
            guard let own = principal.organisationID, let organisationID = subject.organisationID else { return false }
            return own == organisationID
        case .published:
            return subject.isPublished
        }
    }
}
