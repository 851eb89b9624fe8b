import Hummingbird

/// The audit review routes of `warden serve` and the role each needs.
public enum AuditRoutes {
    /// Every route this file adds, with the role (spec: service.md section 2) a token must hold;
    /// the role middleware is put in front of exactly these.
    public static let roles: [(method: String, path: String, role: String)] = [
        ("GET", "/v1/audit/records", "audit"),
        ("GET", "/v1/audit/stats", "audit"),
        ("GET", "/v1/audit/verify", "audit"),
        ("GET", "/v1/audit/stream", "audit"),
    ]

    /// Adds the audit routes to `router`. With no `review` (no `--audit-source`), each answers 404
    /// `no-audit-source` saying how to configure one.
    public static func add(
        to router: some RouterMethods<BasicRequestContext>, review: AuditReview?, stream: AuditStream = AuditStream()
    ) {
        router.get("/v1/audit/records") { request, _ -> Response in
            answer(review) { review throws(ServiceError) in try review.records(pairs(request)) }
        }
        router.get("/v1/audit/stats") { request, _ -> Response in
            answer(review) { review throws(ServiceError) in try review.stats(pairs(request)) }
        }
        router.get("/v1/audit/verify") { request, _ -> Response in
            answer(review) { review throws(ServiceError) in try review.verify(pairs(request)) }
        }
        router.get("/v1/audit/stream") { request, _ -> Response in
            guard let review else { return ServiceRoutes.failure(noSource) }
            do throws(ServiceError) {
                let body = try stream.body(review, pairs(request))
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/event-stream", .cacheControl: "no-store",
                        HTTPFields.Element.Name("X-Accel-Buffering")!: "no",
                    ],
                    body: body)
            } catch {
                return ServiceRoutes.failure(error)
            }
        }
    }

    private static let noSource = ServiceError(
        status: 404, code: "no-audit-source",
        message:
            "no audit log is configured; start the service with `--audit-source FILE` (a JSON Lines log or an audit database)"
    )

    private static func pairs(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    private static func answer(_ review: AuditReview?, _ handle: (AuditReview) throws(ServiceError) -> String)
        -> Response
    {
        guard let review else { return ServiceRoutes.failure(noSource) }
        do {
            return ServiceRoutes.json(.ok, try handle(review))
        } catch {
            return ServiceRoutes.failure(error)
        }
    }
}
