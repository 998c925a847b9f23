extension AuthorizationMatrixTests {
    /// The plan routes in the authorisation matrix.
    static let planRows: [Row] = []
}
