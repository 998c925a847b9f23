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

        /// The moment a submit button hands in; nil for a plain save.
        public var moment: Moment? {
            switch self {
            case .save: nil
            case .submit: .jaarplan
            case .submitAccount: .verantwoording
            }
        }

        public static let field = "action"
    }
}
