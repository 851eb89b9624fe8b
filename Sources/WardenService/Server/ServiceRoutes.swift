import Hummingbird
import WardenValue

/// The HTTP routes of `warden serve` over a ``DecisionService``.
public enum ServiceRoutes {
    /// A router with every route: `POST /v1/decide`, `POST /v1/check`, `POST /v1/authorize`,
    /// `GET /v1/policies`, `POST /v1/policies/reload`, `GET /metrics`, `GET /openapi.json`, `GET /healthz`, `GET /readyz`,
    /// the audit routes over `audit` (``AuditRoutes``, role `audit`) and the audit review page
    /// (``PageRoutes``). Each route declares the role it needs (``RoleMiddleware``); metrics,
    /// health and the page's files need none (the page asks for a token before reading data).
    public static func router(
        _ service: DecisionService, limits: RequestLimits = RequestLimits(), access: AccessControl = .open,
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
            return await answer(request, limits, .decide, service.metrics) { body throws(ServiceError) in
                try service.decide(body, explain: explain)
            }
        }
        needing(.decide).post("/v1/check") { request, _ -> Response in
            await answer(request, limits, .check, service.metrics) { body throws(ServiceError) in
                try service.check(body)
            }
        }
        needing(.gateway).post("/v1/authorize") { request, _ -> Response in
            await answer(request, limits, .authorize, service.metrics) { body throws(ServiceError) in
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
        router.get("/openapi.json") { _, _ -> Response in
            guard let document = OpenAPIDocument.bundled else {
                return failure(
                    ServiceError(
                        status: 503, code: "openapi-missing",
                        message:
                            "the OpenAPI document is not in this build; it is `schemas/openapi.yaml` in the repository")
                )
            }
            return json(.ok, document.canonicalJSON)
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

    /// Reads the body (within `limits`) and answers with `handle`'s JSON, or with the error it
    /// throws; the request's latency and a refused request are counted for `endpoint`.
    private static func answer(
        _ request: Request, _ limits: RequestLimits, _ endpoint: ServiceMetrics.Endpoint, _ metrics: ServiceMetrics,
        _ handle: ([UInt8]) async throws(ServiceError) -> String
    ) async -> Response {
        let started = ContinuousClock.now
        defer { metrics.observe(endpoint, since: started) }
        let response = await answer(request, limits, handle)
        if response.status != .ok { metrics.decided(endpoint, .error) }
        return response
    }

    private static func answer(
        _ request: Request, _ limits: RequestLimits, _ handle: ([UInt8]) async throws(ServiceError) -> String
    ) async -> Response {
        let buffer: ByteBuffer
        do {
            buffer = try await BodyReader.read(request, within: limits)
        } catch {
            return failure(bodyError(error, limits))
        }
        do {
            return json(.ok, try await handle(Array(buffer.readableBytesView)))
        } catch {
            return failure(error)
        }
    }

    /// The refusal of a body that was not read.
    private static func bodyError(_ failure: BodyReader.Failure, _ limits: RequestLimits) -> ServiceError {
        switch failure {
        case .tooLarge:
            ServiceError(
                code: "body-too-large",
                message:
                    "the body is larger than \(limits.maxBody) bytes; send less, or start the service with a larger `--max-body`"
            )
        case .timedOut:
            ServiceError(
                status: 408, code: "body-timeout",
                message:
                    "the body did not arrive within \(limits.bodyTimeout); send it at once, or start the service with a longer `--body-timeout`"
            )
        case .unreadable(let error):
            ServiceError(code: "unreadable-body", message: "the body could not be read (\(error)); send it again")
        }
    }

    /// The response of a refused request: its status and the error's JSON.
    /// A body that timed out closes its connection: the rest of it may still be arriving.
    static func failure(_ error: ServiceError) -> Response {
        var response = json(HTTPResponse.Status(code: error.status), error.json)
        if error.status == 408 { response.headers[.connection] = "close" }
        return response
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
