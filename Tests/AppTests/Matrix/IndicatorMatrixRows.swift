extension AuthorizationMatrixTests {
    /// The indicator routes in the authorisation matrix. Demo: indicator 1 is "Deelname VVE-peuters",
    /// in use by every demo agreement (so retiring it is refused: 409, not 403).
    static let indicatorRows: [Row] = [
        Row(method: "GET", path: "/indicators", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/indicators/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/indicators/1?jaar=2023", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/indicators/1/csv", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/indicators/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/indicators/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/indicators/1/edit", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/indicators/1/edit", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/indicators/1/retire", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
    ]
}
