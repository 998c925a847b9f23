extension AuthorizationMatrixTests {
    /// The plan routes in the authorisation matrix. Demo plans: 4 is IKC 1's (the demo
    /// director's) 2025 plan in concept, 5 is IKC 2's approved 2022 plan, 8 is IKC 2's
    /// submitted 2025 plan. The Proloog partner reads the approved plans of Proloog's IKCs (plan 5)
    /// and nothing else: plan 16 is PCBO's approved 2022 plan, plan 24 Bisschop Möller's.
    static let planRows: [Row] = [
        Row(method: "GET", path: "/plans", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/plans?jaar=2024", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok, partner: .ok),
        Row(method: "GET", path: "/plans/new", projectleider: .ok, ontwikkelgroep: .denied, directeur: .ok),
        Row(method: "POST", path: "/plans/new", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .allowed),
        Row(method: "GET", path: "/plans/4", projectleider: .ok, ontwikkelgroep: .ok, directeur: .ok),
        Row(method: "POST", path: "/plans/4", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .allowed),
        Row(method: "GET", path: "/plans/5", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied, partner: .ok),
        Row(method: "GET", path: "/plans/16", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "GET", path: "/plans/24", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/plans/8", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/plans/8", projectleider: .ok, ontwikkelgroep: .ok, directeur: .denied),
        Row(method: "POST", path: "/plans/8/review", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/4/review", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/5/reopen", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/approve", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "GET", path: "/plans/deadlines", projectleider: .ok, ontwikkelgroep: .denied, directeur: .denied),
        Row(method: "POST", path: "/plans/deadlines", projectleider: .allowed, ontwikkelgroep: .denied, directeur: .denied),
    ]
}
