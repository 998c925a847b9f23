/// The state of one Plus condition for one IKC.
public enum ConditionState: String, Sendable, CaseIterable {
    case met
    case notYet = "not_yet"
    case notMet = "not_met"

    public var label: String {
        switch self {
        case .met: "Voldaan"
        case .notYet: "Nog niet"
        case .notMet: "Niet voldaan"
        }
    }
}

/// One condition (voorwaarde) of a Plus IKC as checked: state, note, who set it when.
public struct ConditionCheck: Sendable, Equatable {
    public var conditionID: Int64
    public var text: String
    public var state: ConditionState?
    public var note: String
    public var setBy: String?
    public var setAt: String?

    public init(conditionID: Int64, text: String, state: ConditionState?, note: String = "", setBy: String? = nil, setAt: String? = nil) {
        self.conditionID = conditionID
        self.text = text
        self.state = state
        self.note = note
        self.setBy = setBy
        self.setAt = setAt
    }
}
