extension AuthorizationMatrixTests {
    /// The registry routes in the authorisation matrix.
    static let registryRows: [Row] = [
        Row(method: "GET", path: "/ikcs", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "GET", path: "/ikcs/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "GET", path: "/ikcs/2", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
    ]
}
