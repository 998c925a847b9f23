extension AuthorizationMatrixTests {
    /// The funding routes in the authorisation matrix.
    static let fundingRows: [Row] = []
}
