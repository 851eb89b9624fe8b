import ArgumentParser
import Logging
import WardenPolicy
import WardenService

/// `warden serve`: answers decisions and permission dry-runs over HTTP, with the same JSON as
/// `warden eval --format json` and `warden check --format json`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve decisions and permission dry-runs over HTTP (JSON).",
        discussion: """
            Routes: POST /v1/decide (one `warden eval --requests` line, or {"requests": [...]} of up \
            to 1000; ?explain=true adds the explanation), POST /v1/check (a `warden check` call as \
            JSON), GET /v1/policies, POST /v1/policies/reload, GET /healthz, GET /readyz, and with \
            --audit-source the audit review routes GET /v1/audit/records, /stats, /verify and /stream \
            (Server-Sent Events) and the review page at /. A reload \
            that fails keeps the old policies serving. Bad input is answered 400 with \
            {"error": {"code", "message", "line", "column"}}. SIGINT or SIGTERM stop the service \
            after the requests in flight are answered.

            Without authentication the service listens on loopback only: a non-loopback --listen \
            is refused unless --insecure is given.

            Example:
              warden serve --policies policies --listen 127.0.0.1:8181
              curl -s localhost:8181/v1/decide -d '{"actor": {"id": "ops", "meta": {"role": "admin"}}, \\
                "action": "process.terminate", "resource": "{app:processes|0x00002}"}'
            """
    )

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Policy files or directories.", valueName: "path"))
    var policies: [String] = []

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8181"

    @Option(help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody = ServiceRoutes.defaultMaxBody

    @Option(
        help: ArgumentHelp(
            "The audit log the review routes and the page read: a JSON Lines file (the active one) or an audit database.",
            valueName: "file-or-db"))
    var auditSource: String?

    @Flag(help: "Allow a non-loopback --listen address without authentication.")
    var insecure = false

    @Flag(inversion: .prefixedNo, help: "Deny requests without an actor or a scope (strict mode, the default).")
    var strict = true

    func validate() throws {
        guard !policies.isEmpty else { throw ValidationError("give the policies with `--policies PATH`") }
        guard maxBody > 0 else { throw ValidationError("`--max-body \(maxBody)` must be at least 1 byte") }
        let address = try listenAddress()
        if !address.isLoopback, !insecure {
            throw ValidationError(
                "refusing to listen on `\(listen)` without authentication; listen on 127.0.0.1, or add `--insecure`")
        }
    }

    private func listenAddress() throws -> ServiceListenAddress {
        do {
            return try ServiceListenAddress(parsing: listen)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let service: DecisionService
        do {
            service = try DecisionService(loading: policies, strict: strict)
        } catch {
            throw CLIError.invalidPolicies(error.diagnostics.map(\.description))
        }
        let logger = Logger(label: "warden.serve")
        let address = try listenAddress()
        logger.info(
            "serving \(service.store.snapshot.count) policies, revision \(service.store.revision.prefix(12))",
            metadata: ["listen": "\(listen)", "authentication": "none (loopback only)"])
        let audit = auditSource.map { AuditReview(path: $0) }
        try await ServiceRunner.run(service, address: address, maxBody: maxBody, audit: audit, logger: logger) { port in
            // One line a supervisor (or a test) can wait for; with port 0 it names the chosen port.
            FileHandleOutput.standardOutput.line("listening on http://\(address.host):\(port) (no authentication, loopback only)")
        }
    }
}
