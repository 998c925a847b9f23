/// The two moments of a year plan (issue 16), each with its own deadline, state and review:
/// the jaarplan (Plan and the intended Do), due before or at the start of the school year, and
/// the verantwoording (Check and Act), due after it. Only an approved verantwoording counts as
/// realised in funding pages and reports.
extension YearPlan {
    public enum Moment: String, Sendable, CaseIterable {
        case jaarplan
        case verantwoording

        /// The form field that says which moment a submit, review or reopen is about.
        public static let field = "moment"

        public var label: String {
            switch self {
            case .jaarplan: "Jaarplan"
            case .verantwoording: "Verantwoording"
            }
        }

        /// "het jaarplan" / "de verantwoording", for sentences.
        public var noun: String {
            switch self {
            case .jaarplan: "het jaarplan"
            case .verantwoording: "de verantwoording"
            }
        }

        /// "dit jaarplan" / "deze verantwoording".
        public var this: String {
            switch self {
            case .jaarplan: "dit jaarplan"
            case .verantwoording: "deze verantwoording"
            }
        }

        /// What the moment holds, for the page.
        public var parts: String {
            switch self {
            case .jaarplan: "Plan en Do"
            case .verantwoording: "Check en Act"
            }
        }

        /// The audit record type's word in summaries.
        public var auditWord: String {
            switch self {
            case .jaarplan: "Jaarplan"
            case .verantwoording: "Verantwoording"
            }
        }
    }

    /// The review state of one moment.
    public struct MomentState: Sendable, Equatable {
        public var status: Status
        public var submittedAt: String?
        public var reviewedAt: String?
        public var reviewerName: String?
        public var returnReason: String
        public var reviewedSnapshot: String?

        public init(status: Status = .concept, submittedAt: String? = nil, reviewedAt: String? = nil, reviewerName: String? = nil,
                    returnReason: String = "", reviewedSnapshot: String? = nil) {
            self.status = status
            self.submittedAt = submittedAt
            self.reviewedAt = reviewedAt
            self.reviewerName = reviewerName
            self.returnReason = returnReason
            self.reviewedSnapshot = reviewedSnapshot
        }
    }

    /// The jaarplan's state (the plan's own columns).
    public var jaarplan: MomentState {
        MomentState(status: status, submittedAt: submittedAt, reviewedAt: reviewedAt, reviewerName: reviewerName,
                    returnReason: returnReason, reviewedSnapshot: reviewedSnapshot)
    }

    public func state(_ moment: Moment) -> MomentState {
        switch moment {
        case .jaarplan: jaarplan
        case .verantwoording: account
        }
    }
}

extension YearPlanContent {
    /// Which moment a flattened key belongs to: intention, activities and planned spending are
    /// the jaarplan's; measurements, spending, staffing and Act are the verantwoording's.
    public static func moment(ofKey key: String) -> YearPlan.Moment {
        key == "intention" || key.hasPrefix("activities.") || key.hasPrefix("planned.") ? .jaarplan : .verantwoording
    }

    /// The flattened fields of one moment (for its review snapshot and diff).
    public func flattened(_ moment: YearPlan.Moment) -> [String: String] {
        flattened.filter { YearPlanContent.moment(ofKey: $0.key) == moment }
    }

    /// This content with the fields of `moment` taken from `other` (a read-only part keeps what is stored).
    public func keeping(_ moment: YearPlan.Moment, from other: YearPlanContent) -> YearPlanContent {
        var out = self
        switch moment {
        case .jaarplan:
            out.intention = other.intention
            out.activities = other.activities
            out.plannedCents = other.plannedCents
        case .verantwoording:
            out.measurements = other.measurements
            out.spentCents = other.spentCents
            out.staffingHours = other.staffingHours
            out.actChanges = other.actChanges
            out.actAmendmentProposal = other.actAmendmentProposal
        }
        return out
    }
}

extension YearPlanRules {
    /// Who may change one moment of a plan, and why not: an approved moment is read-only for
    /// everybody (a project leader can reopen it), a submitted one for the director, and the
    /// Ontwikkelgroep only reads. The verantwoording opens once the jaarplan is approved.
    public static func editability(_ moment: YearPlan.Moment, plan: YearPlan, role: Role, steeringGroup: String = "Ontwikkelgroep") -> Editability {
        let status = plan.state(moment).status
        if moment == .jaarplan { return editability(status: status, role: role, steeringGroup: steeringGroup) }
        if status == .goedgekeurd {
            return .readOnly(reason: "Deze verantwoording is goedgekeurd. Alleen de projectleider kan haar heropenen, met een reden.")
        }
        switch role {
        case .ontwikkelgroep:
            return .readOnly(reason: "Als lid van de \(steeringGroup) kunt u verantwoordingen lezen, maar niet wijzigen.")
        case .partner:
            return .readOnly(reason: "Als partner kunt u verantwoordingen lezen, maar niet wijzigen.")
        case .directeur:
            if status == .ingediend {
                return .readOnly(reason: "U hebt deze verantwoording ingediend; zij wacht op beoordeling door de projectleider. Wordt zij teruggestuurd, dan kunt u haar weer wijzigen.")
            }
            if plan.status != .goedgekeurd {
                return .readOnly(reason: "De verantwoording (Check en Act) gaat open zodra het jaarplan is goedgekeurd.")
            }
            return .editable
        case .projectleider:
            return .editable
        }
    }

    /// Whether `moment` can be handed in now: from concept or teruggestuurd; the verantwoording
    /// only after the jaarplan was approved.
    public static func canSubmit(_ moment: YearPlan.Moment, plan: YearPlan) -> Bool {
        guard canSubmit(plan.state(moment).status) else { return false }
        return moment == .jaarplan || plan.status == .goedgekeurd
    }

    /// The moments whose content a save by `role` corrects (issue 16): a project leader changing a
    /// jaarplan or verantwoording that went back to its director (reopened or returned) corrects
    /// it directly instead of waiting for the director; the audit log says so.
    public static func corrected(plan: YearPlan, content: YearPlanContent, role: Role) -> [YearPlan.Moment] {
        guard role == .projectleider else { return [] }
        return YearPlan.Moment.allCases.filter { moment in
            plan.state(moment).status == .teruggestuurd && plan.content.flattened(moment) != content.flattened(moment)
        }
    }

    /// Whether a project leader may approve `moment` again straight from its correction: only
    /// when it went back to the director (teruggestuurd) and nothing is missing.
    public static func canApproveCorrection(_ moment: YearPlan.Moment, plan: YearPlan, role: Role) -> Bool {
        role == .projectleider && plan.state(moment).status == .teruggestuurd && (moment == .jaarplan || plan.status == .goedgekeurd)
    }

    /// Only an approved moment can be reopened.
    public static func canReopen(_ status: YearPlan.Status) -> Bool { status == .goedgekeurd }

    /// Why a moment is in the wrong state for `action`, and what to do instead, in Dutch.
    public static func stateRefusal(_ moment: YearPlan.Moment, status: YearPlan.Status, action: String) -> String {
        let what: String
        switch status {
        case .concept: what = "is nog een concept; de directeur moet \(moment == .jaarplan ? "het" : "haar") eerst indienen"
        case .ingediend: what = "is ingediend en wacht op beoordeling; keur \(moment == .jaarplan ? "het" : "haar") goed of stuur \(moment == .jaarplan ? "het" : "haar") terug"
        case .teruggestuurd: what = "is teruggestuurd naar de directeur; wacht tot \(moment == .jaarplan ? "het" : "zij") opnieuw is ingediend"
        case .goedgekeurd: what = "is al goedgekeurd; heropen \(moment == .jaarplan ? "het" : "haar") met een reden om iets te wijzigen"
        }
        return "\(moment.label) kan niet worden \(action): \(moment.this) \(what)."
    }

    /// What is still missing before `moment` can be submitted, in Dutch, in page order.
    public static func missing(_ moment: YearPlan.Moment, content: YearPlanContent, results: [PlanResult], funding: [PlanFundingLine]) -> [String] {
        let all = missing(content: content, results: results, funding: funding)
        switch moment {
        case .jaarplan: return all.filter { $0.hasPrefix("Plan:") }
        case .verantwoording: return all.filter { !$0.hasPrefix("Plan:") }
        }
    }
}
