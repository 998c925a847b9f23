import Domain

/// URLs of the programme settings (issue 22).
public enum ProgrammeRoute: Sendable, Equatable, Hashable {
    /// GET/POST /programma: the settings page and its general form.
    case settings
    /// POST /programma/doelen (and the other lists): one list of the settings.
    case list(ProgrammeList)

    init?(_ s: [Substring]) {
        guard s.first == "programma" else { return nil }
        switch s.count {
        case 1: self = .settings
        case 2:
            guard let list = ProgrammeList(rawValue: String(s[1])) else { return nil }
            self = .list(list)
        default: return nil
        }
    }

    public var path: String {
        switch self {
        case .settings: "/programma"
        case .list(let list): "/programma/\(list.rawValue)"
        }
    }

    public var methods: [String] {
        switch self {
        case .settings: RouteParsing.readWrite
        case .list: RouteParsing.postOnly
        }
    }

    /// The settings are the administration's business: project leaders only, like the users.
    public func requirement(isPost: Bool) -> (Action, RecordKind)? { (isPost ? .write : .read, .user) }
}

extension ProgrammeRoute {
    public enum CaseName: String, CaseIterable, Sendable {
        case settings, list
    }

    public var caseName: CaseName {
        switch self {
        case .settings: .settings
        case .list: .list
        }
    }

    public static func example(_ name: CaseName) -> ProgrammeRoute {
        switch name {
        case .settings: .settings
        case .list: .list(.goals)
        }
    }
}
