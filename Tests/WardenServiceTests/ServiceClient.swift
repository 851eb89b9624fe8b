import Foundation
import Hummingbird
import HummingbirdTesting
import WardenCLI
import WardenService
import WardenValue

/// One answer of the service: the status code and the body's text.
struct ServiceAnswer: Sendable {
    var status: Int
    var body: String

    /// The body as a JSON value (`nil` when it is not JSON).
    var json: Value? { try? Value(json: body) }
}

/// Drives the service's routes in-process (no socket) and `warden` commands in-process, and
/// writes temporary policy files.
enum ServiceClient {
    /// The repository root (this file is `Tests/WardenServiceTests/ServiceClient.swift`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Sends each request to a fresh application over `service` and returns the answers in order.
    static func send(
        _ service: DecisionService, maxBody: Int = RequestLimits.defaultMaxBody, audit: AuditReview? = nil,
        _ requests: [(method: HTTPRequest.Method, uri: String, body: String?)]
    ) async throws -> [ServiceAnswer] {
        let application = Application(
            router: ServiceRoutes.router(service, limits: RequestLimits(maxBody: maxBody), audit: audit))
        return try await application.test(.router) { client in
            var answers: [ServiceAnswer] = []
            for request in requests {
                let answer = try await client.execute(
                    uri: request.uri, method: request.method, body: request.body.map { ByteBuffer(string: $0) }
                ) { response in
                    ServiceAnswer(status: Int(response.status.code), body: String(buffer: response.body))
                }
                answers.append(answer)
            }
            return answers
        }
    }

    /// Sends one request.
    static func send(
        _ service: DecisionService, _ method: HTTPRequest.Method, _ uri: String, body: String? = nil,
        maxBody: Int = RequestLimits.defaultMaxBody, audit: AuditReview? = nil
    ) async throws -> ServiceAnswer {
        try await send(service, maxBody: maxBody, audit: audit, [(method, uri, body)])[0]
    }

    /// Runs `warden arguments...` in-process with `input` as standard input and returns its exit
    /// code, standard output and standard error.
    static func warden(_ arguments: [String], input: String = "") async -> (code: Int32, output: String, errors: String)
    {
        let output = BufferedOutput()
        let errors = BufferedOutput()
        let io = CommandIO(output: output, errors: errors, input: BufferedLineInput(input))
        let code = await CommandRunner.run(WardenCommand.self, arguments: arguments, io: io)
        return (code, output.text, errors.text)
    }

    /// Runs `body` with a fresh temporary directory, removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warden-service-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// Writes `text` to `name` in `directory` and returns the path.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
