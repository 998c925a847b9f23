extension AuthorizationMatrixTests {
    /// The report routes in the authorisation matrix. A partner reads the published editions
    /// (999 does not exist: 404), never a live draft.
    static let reportRows: [Row] = [
        Row(method: "GET", path: "/reports", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/reports/2024", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/reports/2024", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/reports/2024/ikcs/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/reports/2024/csv/doelen", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/reports/2024/publish", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/reports/editions/999", projectleider: .allowed, ontwikkelgroep: .allowed, directeur: .denied, partner: .allowed),
        Row(method: "POST", path: "/reports/editions/999/share", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/reports/editions/999/unshare", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/reports/editions/999/withdraw", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
    ]
}
