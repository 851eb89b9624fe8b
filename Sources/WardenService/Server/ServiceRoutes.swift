import Hummingbird
import WardenValue

/// The HTTP routes of `warden serve` over a ``DecisionService``.
public enum ServiceRoutes {
    /// The default limit of a request body: 1 MiB.
    public static let defaultMaxBody = 1 << 20

    /// A router with every route: `POST /v1/decide`, `POST /v1/check`, `POST /v1/authorize`,
    /// `GET /v1/policies`, `POST /v1/policies/reload`, `GET /metrics`, `GET /healthz`, `GET /readyz`,
    /// the audit routes over `audit` (``AuditRoutes``, role `audit`) and the audit review page
    /// (``PageRoutes``). Each route declares the role it needs (``RoleMiddleware``); metrics,
    /// health and the page's files need none (the page asks for a token before reading data).
    public static func router(
        _ service: DecisionService, maxBody: Int = defaultMaxBody, access: AccessControl = .open,
        audit: AuditReview? = nil, stream: AuditStream = AuditStream()
    ) -> Router<BasicRequestContext> {
        let router = Router()
        func needing(_ role: ServiceRole) -> RouterGroup<BasicRequestContext> {
            router.group().add(middleware: RoleMiddleware(role, access))
        }
        AuditRoutes.add(to: needing(.audit), review: audit, stream: stream)
        PageRoutes.add(to: router)
        needing(.decide).post("/v1/decide") { request, _ -> Response in
            let explain = request.uri.queryParameters.get("explain").map { $0 == "true" || $0 == "1" } ?? false
            return await answer(request, maxBody: maxBody, .decide, service.metrics) { body throws(ServiceError) in
                try service.decide(body, explain: explain)
            }
        }
        needing(.decide).post("/v1/check") { request, _ -> Response in
            await answer(request, maxBody: maxBody, .check, service.metrics) { body throws(ServiceError) in
                try service.check(body)
            }
        }
        needing(.gateway).post("/v1/authorize") { request, _ -> Response in
            await answer(request, maxBody: maxBody, .authorize, service.metrics) { body throws(ServiceError) in
                try await service.authorize(body)
            }
        }
        needing(.read).get("/v1/policies") { _, _ -> Response in
            json(.ok, service.policies())
        }
        needing(.admin).post("/v1/policies/reload") { _, _ -> Response in
            let (ok, body) = service.reload()
            return json(ok ? .ok : .unprocessableContent, body)
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: service.metrics.exposition(audit: service.audit))))
        }
        router.get("/healthz") { _, _ -> Response in
            json(.ok, #"{"status":"ok"}"#)
        }
        router.get("/readyz") { _, _ -> Response in
            service.isReady
                ? json(.ok, #"{"status":"ready"}"#) : json(.serviceUnavailable, #"{"status":"not ready"}"#)
        }
        return router
    }

    /// Reads the body (at most `maxBody` bytes) and answers with `handle`'s JSON, or with the
    /// error it throws; the request's latency and a refused request are counted for `endpoint`.
    private static func answer(
        _ request: Request, maxBody: Int, _ endpoint: ServiceMetrics.Endpoint, _ metrics: ServiceMetrics,
        _ handle: ([UInt8]) async throws(ServiceError) -> String
    ) async -> Response {
        let started = ContinuousClock.now
        defer { metrics.observe(endpoint, since: started) }
        let response = await answer(request, maxBody: maxBody, handle)
        if response.status != .ok { metrics.decided(endpoint, .error) }
        return response
    }

    private static func answer(
        _ request: Request, maxBody: Int, _ handle: ([UInt8]) async throws(ServiceError) -> String
    ) async -> Response {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBody)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return failure(
                ServiceError(
                    code: "body-too-large",
                    message: "the body is larger than \(maxBody) bytes; send less, or start the service with a larger `--max-body`"
                ))
        } catch {
            return failure(
                ServiceError(code: "unreadable-body", message: "the body could not be read (\(error)); send it again"))
        }
        do {
            return json(.ok, try await handle(Array(buffer.readableBytesView)))
        } catch {
            return failure(error)
        }
    }

    /// The response of a refused request: its status and the error's JSON.
    static func failure(_ error: ServiceError) -> Response {
        json(HTTPResponse.Status(code: error.status), error.json)
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
