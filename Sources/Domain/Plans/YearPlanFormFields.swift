extension YearPlan {
    /// The project leader's decision on a submitted plan: which button of the review form was
    /// pressed (field `decision`). The page makes the buttons and the handler parses them with this one type.
    public enum ReviewDecision: String, Sendable, CaseIterable {
        case approve
        case giveBack = "return"

        public static let field = "decision"
    }

    /// What the plan form's buttons ask (field `action`): save, or save and submit.
    public enum FormAction: String, Sendable, CaseIterable {
        case save, submit
        /// Save and submit the verantwoording (Check and Act).
        case submitAccount = "submit_account"
        /// A project leader saves the corrected jaarplan / verantwoording and approves it again (issue 16).
        case correctJaarplan = "correct_jaarplan"
        case correctAccount = "correct_verantwoording"

        /// The moment a submit button hands in; nil for a plain save.
        public var moment: Moment? {
            switch self {
            case .save: nil
            case .submit: .jaarplan
            case .submitAccount: .verantwoording
            case .correctJaarplan, .correctAccount: nil
            }
        }

        /// The moment a correct-and-approve button approves again; nil for the others.
        public var correcting: Moment? {
            switch self {
            case .correctJaarplan: .jaarplan
            case .correctAccount: .verantwoording
            case .save, .submit, .submitAccount: nil
            }
        }

        /// The correct-and-approve action of a moment.
        public static func correct(_ moment: Moment) -> FormAction {
            moment == .jaarplan ? .correctJaarplan : .correctAccount
        }

        public static let field = "action"
    }
}
