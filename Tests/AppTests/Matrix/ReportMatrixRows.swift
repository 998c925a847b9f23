extension AuthorizationMatrixTests {
    /// The report routes in the authorisation matrix.
    static let reportRows: [Row] = []
}
