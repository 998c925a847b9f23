extension AuthorizationMatrixTests {
    /// The agreement routes in the authorisation matrix.
    static let agreementRows: [Row] = []
}
