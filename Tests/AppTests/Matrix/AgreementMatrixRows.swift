extension AuthorizationMatrixTests {
    /// The agreement routes in the authorisation matrix. Demo: the director leads IKC 1 (agreement 1,
    /// fixed); agreement 5 is in concept, agreement 8 out for signing. The document download
    /// (/agreements/:id/documents/:doc) needs an uploaded file and is covered in AgreementLifecycleTests.
    static let agreementRows: [Row] = {
        var rows: [Row] = [
            Row(method: "GET", path: "/agreements", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
            Row(method: "GET", path: "/agreements/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "GET", path: "/agreements/1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
            Row(method: "GET", path: "/agreements/2", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
            Row(method: "GET", path: "/agreements/1?version=1", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
            // Agreement 9 is Bisschop Möller's (another koepel): the Proloog partner may not read it.
            Row(method: "GET", path: "/agreements/9", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .denied),
            // Signing in the application: agreement 8 is out for signing, but PCBO's, not Proloog's;
            // agreement 5 (Proloog) is a concept: 409 for the project leader and the Proloog partner.
            Row(method: "GET", path: "/agreements/8/signature", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/8/signature", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "GET", path: "/agreements/5/signature", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .allowed),
            Row(method: "POST", path: "/agreements/5/signature", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied, partner: .allowed),
            Row(method: "POST", path: "/agreements/5/status", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "GET", path: "/agreements/8/sign", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/8/sign", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/1/upload", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "GET", path: "/agreements/1/amend", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/1/amend", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            // Opening a closed year again (an empty form: 400/422 for the project leader).
            Row(method: "POST", path: "/agreements/1/unlock", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/1/proposals/1", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "GET", path: "/agreements/5/parties", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/5/parties", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            // The gemeente (organisation 1) is a core party: a project leader gets a 409, others a 403.
            Row(method: "GET", path: "/agreements/5/parties/1/remove", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
            Row(method: "POST", path: "/agreements/5/parties/1/remove", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        ]
        for number in [5, 8] {
            rows.append(Row(method: "GET", path: "/agreements/\(number)/signatories", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied))
            rows.append(Row(method: "POST", path: "/agreements/\(number)/signatories", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied))
        }
        for form in ["results", "targets", "contributions", "staffing", "texts", "import"] {
            rows.append(Row(method: "GET", path: "/agreements/5/\(form)", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied))
            rows.append(Row(method: "POST", path: "/agreements/5/\(form)", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied))
        }
        for page in ["compare?from=1&to=1", "print", "targets.csv", "contributions.csv"] {
            rows.append(Row(method: "GET", path: "/agreements/1/\(page)", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok))
            rows.append(Row(method: "GET", path: "/agreements/2/\(page)", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok))
            rows.append(Row(method: "GET", path: "/agreements/9/\(page)", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .denied))
        }
        return rows
    }()
}
