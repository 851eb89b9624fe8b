import ArgumentParser
import Foundation
import Logging
import WardenAuditLog
import WardenAuditReview
import WardenPolicy
import WardenService

/// `warden serve`: answers decisions and permission dry-runs over HTTP, with the same JSON as
/// `warden eval --format json` and `warden check --format json`.
struct ServeCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve decisions and permission dry-runs over HTTP (JSON).",
        discussion: """
            Routes: POST /v1/decide (one `warden eval --requests` line, or {"requests": [...]} of up \
            to 1000; ?explain=true adds the explanation), POST /v1/check (a `warden check` call as \
            JSON), POST /v1/authorize (the gateway for runtimes in other processes: the call is \
            authorized and recorded in the --audit log), GET /v1/policies, POST /v1/policies/reload, \
            GET /metrics (Prometheus text), GET /healthz, GET /readyz, the audit review routes \
            GET /v1/audit/records, /stats, /verify and /stream (Server-Sent Events) over --audit-source \
            (default: the --audit log) and the review page at /. SIGHUP, and with --watch a changed \
            policy file, reload too. A reload that fails keeps the old policies serving. Bad input is answered 400 with \
            {"error": {"code", "message", "line", "column"}}. SIGINT or SIGTERM stop the service \
            after the requests in flight are answered.

            --tokens FILE turns authentication on: every route but /healthz, /readyz and /metrics \
            needs `Authorization: Bearer TOKEN` with the route's role (decide, gateway, read, audit, \
            admin); 401 without a known token, 403 without the role. The file holds SHA-256 digests, \
            never tokens: `printf %s "$TOKEN" | sha256sum`. Without it the service listens on \
            loopback only: a non-loopback --listen is refused unless --insecure is given.

            Example:
              warden serve --policies policies --listen 127.0.0.1:8181
              curl -s localhost:8181/v1/decide -d '{"actor": {"id": "ops", "meta": {"role": "admin"}}, \\
                "action": "process.terminate", "resource": "{app:processes|0x00002}"}'
            """
    )

    @OptionGroup var policies: PolicyOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8181"

    @Option(help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody = RequestLimits.defaultMaxBody

    @Option(
        help: ArgumentHelp(
            "Seconds a client has to send a whole request body; a slower one is answered 408.", valueName: "seconds"))
    var bodyTimeout = 10.0

    @Option(help: ArgumentHelp("Seconds a connection may sit idle before it is closed.", valueName: "seconds"))
    var idleTimeout = 60.0

    @Option(
        help: ArgumentHelp(
            "Seconds the requests in flight get to finish on SIGINT or SIGTERM.", valueName: "seconds"))
    var shutdownTimeout = 30.0

    @Option(
        help: ArgumentHelp(
            "The audit log POST /v1/authorize records calls in: a JSON Lines file (created if missing, continued otherwise) or a postgres:// URL.",
            valueName: "file"))
    var audit: String?

    @Option(help: "Audit delivery mode: async, sync or durable.")
    var mode: DeliveryMode = .durable

    @Option(
        help: ArgumentHelp("The node name written in every audit record (default: the host name).", valueName: "name"))
    var node: String?

    @Flag(help: "Reload the policies when a file under --policies changes (SIGHUP always reloads).")
    var watch = false

    @Option(
        help: ArgumentHelp(
            "Bearer tokens (SHA-256 digests) and their roles, YAML; turns authentication on.", valueName: "file"))
    var tokens: String?

    @Option(
        help: ArgumentHelp(
            "Serve HTTPS with this certificate chain (PEM, server certificate first); needs --tls-key.",
            valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The private key of --tls-cert (PEM, unencrypted).", valueName: "file"))
    var tlsKey: String?

    @Option(
        help: ArgumentHelp(
            "The audit log the review routes and the page read: a JSON Lines file (the active one), an audit database file or a postgres:// URL (default: the --audit log).",
            valueName: "file-or-db"))
    var auditSource: String?

    @Flag(help: "Allow a non-loopback --listen address without authentication.")
    var insecure = false

    @OptionGroup var strictness: StrictOption

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) {
            throw ValidationError(
                "`--tls-cert` and `--tls-key` go together; give both (the certificate chain and its private key)")
        }
        for (flag, seconds) in [
            ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout), ("--shutdown-timeout", shutdownTimeout),
        ]
        where !(seconds > 0 && seconds <= 86_400) {
            throw ValidationError("`\(flag) \(seconds)` must be a number of seconds above 0 and at most 86400")
        }
        if let node, node.isEmpty { throw ValidationError("`--node` must not be empty; give a name such as `gw-1`") }
        guard maxBody > 0 else { throw ValidationError("`--max-body \(maxBody)` must be at least 1 byte") }
        let address = try listenAddress()
        if !address.isLoopback, !insecure, tokens == nil {
            throw ValidationError(
                "refusing to listen on `\(listen)` without authentication; give `--tokens FILE`, listen on 127.0.0.1, or add `--insecure`"
            )
        }
    }

    private func listenAddress() throws -> ServiceListenAddress {
        do {
            return try ServiceListenAddress(parsing: listen)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws { try await runWithStandardStreams() }

    /// The review over `source`: a PostgreSQL store for a `postgres://` URL, else a JSON Lines
    /// log or an audit database file.
    private static func review(_ source: String) throws(CommandFailure) -> AuditReview {
        guard AuditDestination.isPostgres(source) else { return AuditReview(path: source) }
        do {
            return AuditReview(source: .store(AuditStoreReference(try AuditDestination.store(for: source))))
        } catch {
            throw .invalid("invalid --audit-source `\(source)`: \(error)")
        }
    }

    /// The listen address, TLS and limits the options give.
    private func serverSettings() throws(CommandFailure) -> ServerSettings {
        do {
            var tls: ServiceTLS?
            if let tlsCert, let tlsKey { tls = try ServiceTLS(certificateChain: tlsCert, privateKey: tlsKey) }
            return ServerSettings(
                address: try ServiceListenAddress(parsing: listen), tls: tls,
                limits: RequestLimits(maxBody: maxBody, bodyTimeout: .seconds(bodyTimeout)),
                idleTimeout: .seconds(idleTimeout),
                shutdownTimeout: .seconds(shutdownTimeout))
        } catch {
            throw .invalid(error.message)
        }
    }

    /// Serves until SIGINT or SIGTERM; 3 when the policies, the tokens or the audit log cannot be used.
    func execute(_ io: CommandIO) async throws -> WardenExitCode {
        AllocatorTuning.applyForServer()
        let paths = try policies.paths(io)
        let logger = Logger(label: "warden.serve")
        var table: TokenTable?
        if let tokens {
            do { table = try TokenTable(contentsOf: tokens) } catch { throw CommandFailure.invalid(error.message) }
        }
        let metrics = ServiceMetrics()
        let access = AccessControl(tokens: table) { status in metrics.refused(status: status) }
        let authentication = table.map { "bearer tokens (\($0.entries.count))" } ?? "none (loopback only)"
        let service: DecisionService
        do {
            let log = try audit.map {
                try AuditLogFile.open($0, node: node ?? ProcessInfo.processInfo.hostName, mode: mode, logger: logger)
            }
            service = try DecisionService(loading: paths, strict: strictness.strict, audit: log, metrics: metrics)
        } catch let error as PolicyLoadError {
            throw CommandFailure.policiesDidNotLoad(error.diagnostics)
        }
        let settings = try serverSettings()
        logger.info(
            "serving \(service.store.snapshot.count) policies, revision \(service.store.revision.prefix(12))",
            metadata: [
                "listen": "\(settings.scheme)://\(listen)", "authentication": "\(authentication)",
                "audit": "\(audit.map { "\($0) (\(mode.rawValue))" } ?? "none: POST /v1/authorize is refused")",
            ])
        let review = try (auditSource ?? audit).map(Self.review)
        try await ServiceRunner.run(
            service, settings: settings, access: access, audit: review, watching: watch ? paths : nil, logger: logger
        ) { port in
            // One line a supervisor (or a test) can wait for; with port 0 it names the chosen port.
            io.output.line(
                "listening on \(settings.scheme)://\(settings.address.host):\(port) (authentication: \(authentication))"
            )
        }
        return .success
    }
}
