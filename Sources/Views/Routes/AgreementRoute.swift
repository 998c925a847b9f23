import Domain

/// URLs of result agreements (issue 7).
public enum AgreementRoute: Sendable, Equatable, Hashable {
    case index
    case new
    case show(Int64)
    case results(Int64)
    case targets(Int64)
    case contributions(Int64)
    case staffing(Int64)
    case texts(Int64)
    /// POST: concept → ter ondertekening, or back to concept.
    case status(Int64)
    case sign(Int64)
    /// POST multipart: attach the signed PDF to the newest version.
    case upload(Int64)
    case document(Int64, Int64)
    case amend(Int64)
    case compare(Int64)
    case print(Int64)
    case exportTargets(Int64)
    case exportContributions(Int64)
    case importCSV(Int64)
    /// POST: start an amendment from a yearly plan's Act proposal (agreement, plan).
    case proposal(Int64, Int64)
    /// GET/POST: the parties of a concept; POST adds a partner.
    case parties(Int64)
    /// GET: confirm; POST: remove a partner (agreement, organisation).
    case removeParty(Int64, Int64)
    /// GET/POST: who signs for each party (concept or ter ondertekening).
    case signatories(Int64)
    /// GET/POST: sign in the application for one's own party (a partner; the project leader for the municipality).
    case signature(Int64)
    /// Opening a closed year again for amendments (POST `jaar`, `reason`).
    case unlockYear(Int64)

    init?(_ s: [Substring]) {
        guard let first = s.first, first == "agreements" else { return nil }
        switch s.count {
        case 1: self = .index
        case 2:
            if s[1] == "new" { self = .new; return }
            guard let id = RouteParsing.id(s[1]) else { return nil }
            self = .show(id)
        case 3:
            guard let id = RouteParsing.id(s[1]) else { return nil }
            switch s[2] {
            case "results": self = .results(id)
            case "targets": self = .targets(id)
            case "contributions": self = .contributions(id)
            case "staffing": self = .staffing(id)
            case "texts": self = .texts(id)
            case "status": self = .status(id)
            case "sign": self = .sign(id)
            case "upload": self = .upload(id)
            case "amend": self = .amend(id)
            case "compare": self = .compare(id)
            case "print": self = .print(id)
            case "targets.csv": self = .exportTargets(id)
            case "contributions.csv": self = .exportContributions(id)
            case "import": self = .importCSV(id)
            case "parties": self = .parties(id)
            case "signatories": self = .signatories(id)
            case "signature": self = .signature(id)
            case "unlock": self = .unlockYear(id)
            default: return nil
            }
        case 4:
            guard let id = RouteParsing.id(s[1]), let other = RouteParsing.id(s[3]) else { return nil }
            switch s[2] {
            case "documents": self = .document(id, other)
            case "proposals": self = .proposal(id, other)
            default: return nil
            }
        case 5:
            guard s[2] == "parties", s[4] == "remove", let id = RouteParsing.id(s[1]), let org = RouteParsing.id(s[3]) else { return nil }
            self = .removeParty(id, org)
        default:
            return nil
        }
    }

    public var path: String {
        switch self {
        case .index: "/agreements"
        case .new: "/agreements/new"
        case .show(let id): "/agreements/\(id)"
        case .results(let id): "/agreements/\(id)/results"
        case .targets(let id): "/agreements/\(id)/targets"
        case .contributions(let id): "/agreements/\(id)/contributions"
        case .staffing(let id): "/agreements/\(id)/staffing"
        case .texts(let id): "/agreements/\(id)/texts"
        case .status(let id): "/agreements/\(id)/status"
        case .sign(let id): "/agreements/\(id)/sign"
        case .upload(let id): "/agreements/\(id)/upload"
        case .document(let id, let doc): "/agreements/\(id)/documents/\(doc)"
        case .amend(let id): "/agreements/\(id)/amend"
        case .compare(let id): "/agreements/\(id)/compare"
        case .print(let id): "/agreements/\(id)/print"
        case .exportTargets(let id): "/agreements/\(id)/targets.csv"
        case .exportContributions(let id): "/agreements/\(id)/contributions.csv"
        case .importCSV(let id): "/agreements/\(id)/import"
        case .proposal(let id, let plan): "/agreements/\(id)/proposals/\(plan)"
        case .parties(let id): "/agreements/\(id)/parties"
        case .removeParty(let id, let org): "/agreements/\(id)/parties/\(org)/remove"
        case .signatories(let id): "/agreements/\(id)/signatories"
        case .signature(let id): "/agreements/\(id)/signature"
        case .unlockYear(let id): "/agreements/\(id)/unlock"
        }
    }

    public var methods: [String] {
        switch self {
        case .index, .show, .document, .compare, .print, .exportTargets, .exportContributions: RouteParsing.read
        case .status, .upload, .proposal, .unlockYear: RouteParsing.postOnly
        case .new, .results, .targets, .contributions, .staffing, .texts, .sign, .amend, .importCSV, .parties, .removeParty, .signatories, .signature: RouteParsing.readWrite
        }
    }

    /// Reading pages need read access (a director's own IKC is checked after loading); every
    /// form, even its GET, needs write access: only project leaders edit agreements.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? {
        switch self {
        case .index, .show, .document, .compare, .print, .exportTargets, .exportContributions:
            return (isPost ? .write : .read, .agreement)
        case .new, .results, .targets, .contributions, .staffing, .texts, .status, .sign, .upload, .amend, .importCSV, .proposal, .parties, .removeParty, .signatories,
             .unlockYear:
            return (.write, .agreement)
        case .signature:
            return (.sign, .agreement)
        }
    }

    /// The path with a query string for a version (`?version=2`), for pages that show any version.
    public func path(version: Int?) -> String {
        guard let version else { return path }
        return path + "?version=\(version)"
    }
}
