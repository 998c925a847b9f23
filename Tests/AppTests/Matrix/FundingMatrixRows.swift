extension AuthorizationMatrixTests {
    /// The funding routes in the authorisation matrix: project leaders read and write, the
    /// Ontwikkelgroep reads, directors get nothing. The scenario is a GET that writes nothing.
    /// The Proloog partner reads the sources of its own organisation only: the overview (narrowed
    /// to them), the year pages (idem) and their sources' pages; the demo's sources are the gemeente's or nobody's, so source 1 is denied.
    static let fundingRows: [Row] = [
        Row(method: "GET", path: "/funding", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/funding/export.csv", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/funding/4", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/funding/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/funding/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/funding/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/funding/1/export.csv", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/funding/1/export.csv?tabel=ikcs", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/funding/1/edit", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/funding/1/edit", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/funding/years/2024", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/funding/years/2024/export.csv", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/funding/years/2024/export.csv?tabel=ikcs", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/funding/scenario", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/funding/scenario?source=1&agreement=1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/funding/scenario/export.csv?source=1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        // Issue 19: staffing capacity and the split setting; partners see none of it.
        Row(method: "GET", path: "/funding/personeel", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .denied),
        Row(method: "GET", path: "/funding/personeel/export.csv", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .denied),
        Row(method: "GET", path: "/funding/personeel/jo_0_12", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/funding/personeel/jo_0_12", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "GET", path: "/funding/instellingen", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
        Row(method: "POST", path: "/funding/instellingen", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .denied),
    ]
}
