extension AuthorizationMatrixTests {
    /// The registry routes in the authorisation matrix.
    static let registryRows: [Row] = [
        Row(method: "GET", path: "/ikcs", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "GET", path: "/ikcs/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "GET", path: "/ikcs/2", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/ikcs/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/ikcs/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/ikcs/1/edit", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/ikcs/1/edit", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/ikcs/1/plus", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "GET", path: "/ikcs/2/plus", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/ikcs/1/plus", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/ikcs/1/conditions", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/organisations", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/organisations/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/organisations/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/organisations/2", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/organisations/2", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/areas", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/areas/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/areas/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/areas/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/areas/1", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/areas/1/indicators", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/areas/import", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/areas/import", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
    ]
}
