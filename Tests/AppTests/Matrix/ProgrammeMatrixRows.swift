extension AuthorizationMatrixTests {
    /// The programme settings (issue 22): project leaders only.
    static let programmeRows: [Row] = [
        Row(method: "GET", path: "/programma", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/programma", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/programma/doelen", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/programma/organisatiesoorten", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
    ]
}
