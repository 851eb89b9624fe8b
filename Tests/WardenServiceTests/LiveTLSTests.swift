import Foundation
import Testing
import WardenTestSupport

/// `warden serve --tls-cert --tls-key`: HTTPS with a certificate made for the test by openssl.
@Suite("warden serve over TLS", .serialized, .timeLimit(.minutes(2)))
struct LiveTLSTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path
    static let request =
        #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#

    /// A self-signed certificate for 127.0.0.1 and its key, in a fresh folder.
    static func certificate() async throws -> (folder: URL, cert: String, key: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warden-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let (status, _) = try await LiveServer.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ])
        try #require(status == 0, "openssl could not make a test certificate")
        return (folder, cert, key)
    }

    @Test("decisions are served over HTTPS, and plain HTTP to the TLS port gets no answer")
    func servesHTTPS() async throws {
        let (folder, cert, key) = try await Self.certificate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await LiveServer(["--policies", Self.policies, "--tls-cert", cert, "--tls-key", key])
        defer { server.terminate() }
        #expect(server.url.hasPrefix("https://127.0.0.1:"))

        let (status, output) = try await LiveServer.run(
            "/usr/bin/curl", ["-s", "--cacert", cert, "-d", Self.request, server.url + "/v1/decide"])
        #expect(status == 0)
        #expect(output.contains(#""decision":"allow""#))

        // Without trusting the certificate, curl refuses (exit 60): the service really speaks TLS
        // with the given certificate, and a plain HTTP request is not answered with a decision.
        let untrusted = try await LiveServer.run(
            "/usr/bin/curl", ["-s", "-d", Self.request, server.url + "/v1/decide"])
        #expect(untrusted.status == 60)
        let plain = try await LiveServer.run(
            "/usr/bin/curl",
            [
                "-s", "--max-time", "5", "-d", Self.request,
                server.url.replacingOccurrences(of: "https://", with: "http://") + "/v1/decide",
            ])
        #expect(plain.status != 0)
        #expect(!plain.output.contains("decision"))
    }

    @Test("a key that is not PEM, or a certificate without its key, stops the start with exit 3 and a message")
    func badTLSFilesAreRefused() async throws {
        let (folder, cert, _) = try await Self.certificate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAKey = folder.appendingPathComponent("not-a-key.pem")
        try "hello".write(to: notAKey, atomically: true, encoding: .utf8)

        let badKey = try await LiveServer.runWithError(
            try BuiltExecutable.path(),
            [
                "serve", "--policies", Self.policies, "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key",
                notAKey.path,
            ])
        #expect(badKey.status == 3)
        #expect(badKey.error.contains("`--tls-key \(notAKey.path)` is not a readable PEM private key"))

        let alone = try await LiveServer.runWithError(
            try BuiltExecutable.path(),
            ["serve", "--policies", Self.policies, "--listen", "127.0.0.1:0", "--tls-cert", cert])
        #expect(alone.status != 0)
        #expect(alone.error.contains("`--tls-cert` and `--tls-key` go together"))
    }
}

extension LiveServer {
    /// Runs `executable arguments...` and returns its exit status and standard error.
    static func runWithError(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, error: String)
    {
        try await offCooperativePool { try runWithErrorBlocking(executable, arguments) }
    }

    private static func runWithErrorBlocking(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
