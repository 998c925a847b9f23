import Domain

/// URLs of Yearly plans, the PDCA cycle (issue 9).
public enum PlanRoute: Sendable, Equatable, Hashable {
    /// GET /plans (?jaar=2025): the plans of a year, or the director's own plans.
    case index
    /// GET/POST /plans/new (?ikc=1&jaar=2025): open a plan for an IKC and year.
    case new
    /// POST /plans/approve: approve several submitted plans at once.
    case approveMany
    /// GET/POST /plans/deadlines: due dates and grace days per year.
    case deadlines
    /// GET/POST /plans/7: the plan page (Plan, Do, Check, Act); POST saves or submits.
    case plan(Int64)
    /// POST /plans/7/review: approve or return (with a reason) the jaarplan or verantwoording.
    case review(Int64)
    /// POST /plans/7/reopen: a project leader reopens an approved jaarplan or verantwoording, with a reason.
    case reopen(Int64)

    init?(_ s: [Substring]) {
        guard let first = s.first, first == "plans" else { return nil }
        switch s.count {
        case 1:
            self = .index
        case 2:
            switch s[1] {
            case "new": self = .new
            case "approve": self = .approveMany
            case "deadlines": self = .deadlines
            default:
                guard let id = RouteParsing.id(s[1]) else { return nil }
                self = .plan(id)
            }
        case 3:
            guard let id = RouteParsing.id(s[1]) else { return nil }
            switch s[2] {
            case "review": self = .review(id)
            case "reopen": self = .reopen(id)
            default: return nil
            }
        default:
            return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/plans"
        case .new: "/plans/new"
        case .approveMany: "/plans/approve"
        case .deadlines: "/plans/deadlines"
        case .plan(let id): "/plans/\(id)"
        case .review(let id): "/plans/\(id)/review"
        case .reopen(let id): "/plans/\(id)/reopen"
        }
    }

    public var methods: [String] {
        switch self {
        case .index: RouteParsing.read
        case .new, .deadlines, .plan: RouteParsing.readWrite
        case .approveMany, .review, .reopen: RouteParsing.postOnly
        }
    }

    /// Reviewing and deadlines are project-leader work (`Action.review`); directors read and
    /// write only their own IKC's plans, which the handlers check after loading.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index: return (.read, .yearPlan)
        case .new: return (.write, .yearPlan)
        case .plan: return (isPost ? .write : .read, .yearPlan)
        case .approveMany, .review, .reopen, .deadlines: return (.review, .yearPlan)
        }
    }
}
