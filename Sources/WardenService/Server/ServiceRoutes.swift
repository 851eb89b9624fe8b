import Hummingbird
import WardenValue

/// The HTTP routes of `warden serve` over a ``DecisionService``.
public enum ServiceRoutes {
    /// The default limit of a request body: 1 MiB.
    public static let defaultMaxBody = 1 << 20

    /// A router with every route: `POST /v1/decide`, `POST /v1/check`, `GET /v1/policies`,
    /// `POST /v1/policies/reload`, `GET /healthz`, `GET /readyz`, the audit routes over `audit`
    /// (``AuditRoutes``) and the audit review page (``PageRoutes``).
    public static func router(
        _ service: DecisionService, maxBody: Int = defaultMaxBody, audit: AuditReview? = nil,
        stream: AuditStream = AuditStream()
    ) -> Router<BasicRequestContext> {
        let router = Router()
        AuditRoutes.add(to: router, review: audit, stream: stream)
        PageRoutes.add(to: router)
        router.post("/v1/decide") { request, _ -> Response in
            let explain = request.uri.queryParameters.get("explain").map { $0 == "true" || $0 == "1" } ?? false
            return await answer(request, maxBody: maxBody) { body throws(ServiceError) in
                try service.decide(body, explain: explain)
            }
        }
        router.post("/v1/check") { request, _ -> Response in
            await answer(request, maxBody: maxBody) { body throws(ServiceError) in try service.check(body) }
        }
        router.get("/v1/policies") { _, _ -> Response in
            json(.ok, service.policies())
        }
        router.post("/v1/policies/reload") { _, _ -> Response in
            let (ok, body) = service.reload()
            return json(ok ? .ok : .unprocessableContent, body)
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
    /// error it throws.
    private static func answer(
        _ request: Request, maxBody: Int, _ handle: ([UInt8]) throws(ServiceError) -> String
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
            return json(.ok, try handle(Array(buffer.readableBytesView)))
        } catch {
            return failure(error)
        }
    }

    static func failure(_ error: ServiceError) -> Response {
        json(HTTPResponse.Status(code: error.status), error.json)
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
