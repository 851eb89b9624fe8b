import Hummingbird

/// The per-route access declaration: a route added after `.add(middleware: RoleMiddleware(...))`
/// needs a bearer token with `role` (when the service has tokens). Answers 401 with
/// `WWW-Authenticate: Bearer` without a valid token, 403 with a token that lacks the role.
///
/// ```swift
/// router.group().add(middleware: RoleMiddleware(.audit, access)).get("/v1/audit/records") { ... }
/// ```
public struct RoleMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The role the routes need.
    public let role: ServiceRole
    /// The token table and the refusal counts.
    public let access: AccessControl

    /// Declares that the routes behind it need `role`.
    public init(_ role: ServiceRole, _ access: AccessControl) {
        self.role = role
        self.access = access
    }

    /// Checks the request's bearer token, then passes it on or refuses it.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        switch access.decide(authorization: request.headers[.authorization], role: role) {
        case .allowed:
            return try await next(request, context)
        case .unauthenticated:
            let error = ServiceError(
                status: 401, code: "unauthenticated",
                message:
                    "this route needs a bearer token with the `\(role.rawValue)` role; send `Authorization: Bearer TOKEN`"
            )
            var response = ServiceRoutes.failure(error)
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        case .forbidden(let token):
            return ServiceRoutes.failure(
                ServiceError(
                    status: 403, code: "forbidden",
                    message:
                        "token `\(token)` lacks the `\(role.rawValue)` role this route needs; add it to the token's `roles`"
                ))
        }
    }
}
