/// What a bearer token may do; each route of the service needs one role (spec/service.md,
/// section 2). A role grants only its own routes: a token that should reload and decide lists
/// both `admin` and `decide`.
public enum ServiceRole: String, Sendable, Hashable, CaseIterable {
    /// `POST /v1/decide`, `POST /v1/check`.
    case decide
    /// `POST /v1/authorize`.
    case gateway
    /// `GET /v1/policies`, `GET /openapi.json`.
    case read
    /// `GET /v1/audit/*` and the review page `GET /`.
    case audit
    /// `POST /v1/policies/reload`.
    case admin
}
