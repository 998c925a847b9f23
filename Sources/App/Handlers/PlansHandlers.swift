import Domain
import HTTP
import Store
import Views

extension Application {
    func handlePlans(_ route: PlanRoute, _ request: Request, _ context: Context, isPost: Bool) throws -> Response {
        switch route {
        case .index: throw AppError.notFound
        }
    }
}
