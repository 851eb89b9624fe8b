import Hummingbird

/// The ceiling of the HTTP stack on this machine: a bare Hummingbird 2 server whose one route
/// reads the request body and answers a fixed body the size of a decision. `warden serve`'s
/// figures are measured beside it in the same run (Benchmarks/http/run-wrk.sh).
///
///     HTTPCeiling PORT
@main
enum HTTPCeiling {
    static let answer = ByteBuffer(
        string:
            #"{"decision":"allow","policies":["app.security:admin_all"],"errors":[],"revision":"1882b5643701d1e44c2d9b9f9085e23337e75ac64e2dd6c2546faea89f74c35f"}"#
    )

    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 8282
        let router = Router()
        router.post("/bare") { request, _ -> Response in
            var request = request
            _ = try await request.collectBody(upTo: 1 << 20)
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: answer))
        }
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { _ in print("listening on http://127.0.0.1:\(port)") })
        try await application.runService()
    }
}
