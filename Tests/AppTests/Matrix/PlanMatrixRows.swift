extension AuthorizationMatrixTests {
    /// The plan routes in the authorisation matrix. Demo plans on 23-11-2026: 5 is IKC 1's (the
    /// demo director's) 2026 plan in concept, 6 is IKC 2's approved 2022 plan, 10 is IKC 2's
    /// submitted 2026 plan. The Proloog partner reads the approved plans of Proloog's IKCs (plan 6)
    /// and nothing else: plan 21 is PCBO's approved 2022 plan, plan 31 Bisschop Möller's.
    static let planRows: [Row] = [
        Row(method: "GET", path: "/plans", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/plans?jaar=2024", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/plans/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .ok),
        Row(method: "POST", path: "/plans/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .allowed),
        Row(method: "GET", path: "/plans/5", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "POST", path: "/plans/5", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .allowed),
        Row(method: "GET", path: "/plans/6", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/plans/21", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/plans/31", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/plans/10", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/plans/10", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/plans/10/review", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/5/review", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/6/reopen", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/approve", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/plans/deadlines", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/deadlines", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
    ]
}
