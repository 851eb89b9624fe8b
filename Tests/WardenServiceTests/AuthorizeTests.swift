import Foundation
import Hummingbird
import Logging
import Testing
import WardenAuditLog
import WardenPolicy
import WardenService
import WardenTestSupport
import WardenValue

/// One call a foreign runtime asks `POST /v1/authorize` about, and the same call as
/// `warden check` takes it.
struct RemoteCallCase: Sendable, CustomTestStringConvertible {
    /// `op`.
    var op: String
    /// `args`.
    var args: [String: Value]
    /// `target`, the runtime's facts.
    var target: [String: Value] = [:]
    /// The `warden check` call and options.
    var check: [String]

    var testDescription: String { check.joined(separator: " ") }
}

private let workerPID = "{app:workers|0x00000007}"
/// The caller PID `warden check` uses by default.
let checkCallerPID = "{warden:check|0x00000001}"

/// Calls of the permission table as a foreign runtime sends them (PID destinations, so the
/// dry-run's unresolved destination is the gateway's resolved one).
let remoteCalls: [RemoteCallCase] = [
    RemoteCallCase(op: "send", args: ["dest": .string(workerPID), "topic": "job"], check: ["send", workerPID, "job"]),
    RemoteCallCase(
        op: "process.spawn_linked", args: ["id": "app.workers:handler", "host": "app:workers"],
        check: ["spawn_linked", "app.workers:handler", "app:workers"]),
    RemoteCallCase(
        op: "spawn",
        args: ["id": "app.workers:handler", "host": "app:workers", "with_name": "app.pool", "with_context": ["k": 1]],
        check: ["--with-name", "app.pool", "--with-context", "spawn", "app.workers:handler", "app:workers"]),
    RemoteCallCase(
        op: "exec", args: ["id": "app.tenants:report", "host": "app:tenants"],
        check: ["exec", "app.tenants:report", "app:tenants"]),
    RemoteCallCase(op: "terminate", args: ["dest": .string(workerPID)], check: ["terminate", workerPID]),
    RemoteCallCase(op: "cancel", args: ["dest": .string(workerPID), "deadline": "5s"], check: ["cancel", workerPID]),
    RemoteCallCase(op: "monitor", args: ["dest": .string(workerPID)], check: ["monitor", workerPID]),
    RemoteCallCase(op: "link", args: ["dest": .string(workerPID)], check: ["link", workerPID]),
    RemoteCallCase(op: "registry.register", args: ["name": "app.jobs"], check: ["register", "app.jobs"]),
    RemoteCallCase(
        op: "unregister", args: ["name": "app.jobs"], target: ["owner": .string(workerPID)],
        check: ["--owner", workerPID, "unregister", "app.jobs"]),
    RemoteCallCase(op: "upgrade", args: ["id": "app.workers:v2"], check: ["upgrade", "app.workers:v2"]),
]

/// A caller of the example policies: its `warden check` options and its `caller` keys.
struct RemoteCaller: Sendable {
    var options: [String]
    var keys: [String: Value]

    static let admin = RemoteCaller(
        options: ["--actor", "ops", "--actor-meta", #"{"role":"admin"}"#, "--group", "app.security:admins"],
        keys: ["actor": ["id": "ops", "meta": ["role": "admin"]], "groups": ["app.security:admins"]])
    static let tenant = RemoteCaller(
        options: ["--actor", "tenant:acme", "--actor-meta", #"{"tier":"free"}"#, "--group", "app.security:tenants"],
        keys: ["actor": ["id": "tenant:acme", "meta": ["tier": "free"]], "groups": ["app.security:tenants"]])

    /// The `POST /v1/authorize` body of `call` made by this caller.
    func body(_ call: RemoteCallCase) -> String {
        var caller = keys
        caller["pid"] = .string(checkCallerPID)
        caller["definition"] = "app.workers:handler"
        var body: [String: Value] = ["op": .string(call.op), "args": .map(call.args), "caller": .map(caller)]
        if !call.target.isEmpty { body["target"] = .map(call.target) }
        return Value.map(body).canonicalJSON
    }
}

@Suite("POST /v1/authorize: the gateway for runtimes in other processes")
struct AuthorizeTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path

    /// Every call, for an admin and a tenant: the verdict and checks equal `warden check`'s, each
    /// call leaves one record whose `seq` the answer names, and `warden audit verify` accepts the log.
    @Test(arguments: [DeliveryMode.sync, .durable])
    func answersAsCheckAndRecordsEveryCall(mode: DeliveryMode) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            let log = AuditLog(
                node: "gw-test", sink: try JSONLFileSink(path: path), mode: mode, failurePolicy: .failClosed,
                logger: Logger(label: "test"))
            let service = try DecisionService(loading: [Self.policies], audit: log)
            var requests: [(method: HTTPRequest.Method, uri: String, body: String?)] = []
            var expected: [Value] = []
            for caller in [RemoteCaller.admin, .tenant] {
                for call in remoteCalls {
                    let cli = try await WardenBinary.run(
                        ["check", "--policies", Self.policies, "--format", "json"] + caller.options + call.check)
                    #expect(cli.status == 0 || cli.status == 2, "\(call.check): \(cli.output)")
                    expected.append(try Value(json: cli.output))
                    requests.append((.post, "/v1/authorize", caller.body(call)))
                }
            }
            let answers = try await ServiceClient.send(service, requests)
            await log.shutdown()
            var verdicts: [String: Int] = [:]
            for (index, (answer, check)) in zip(answers, expected).enumerated() {
                #expect(answer.status == 200, "\(answer.body)")
                let json = try #require(answer.json)
                // The answer is written as canonical JSON: sorted keys, no white space.
                #expect(answer.body.trimmingCharacters(in: .newlines) == json.canonicalJSON)
                #expect(json["verdict"] == check["verdict"], "\(requests[index].body ?? "")")
                #expect(json["checks"] == check["checks"], "\(requests[index].body ?? "")")
                #expect(json["revision"] == check["revision"])
                #expect(json["record"]?["seq"] == .int(index + 1))
                #expect(json["record"]?["written"] == true)
                if json["verdict"] == "deny" { #expect(json["error"]?["kind"] == "PERMISSION_DENIED") }
                verdicts[json["verdict"]?.stringValue ?? "", default: 0] += 1
            }
            #expect(verdicts["allow", default: 0] > 0 && verdicts["deny", default: 0] > 0, "\(verdicts)")
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == answers.count)
            let lastHash = try #require(answers.last?.json?["record"]?["hash"]?.stringValue)
            #expect(lines.last?.contains(lastHash) == true)
            #expect(lines.allSatisfy { $0.contains(#""node":"gw-test""#) })
            let verify = await ServiceClient.warden(["audit", "verify", path])
            #expect(verify.code == 0, "\(verify.output)\(verify.errors)")
        }
    }

    /// A record that cannot be written makes the call `deny` with error `INTERNAL`, and readyz
    /// reports the service not ready.
    @Test func anAuditFailureDeniesTheCall() async throws {
        let sink = InMemoryAuditSink()
        sink.failWrites(with: AuditError(.writeFailed, "disk full"))
        let log = AuditLog(
            node: "gw", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "test"))
        let service = try DecisionService(loading: [Self.policies], audit: log)
        let answers = try await ServiceClient.send(
            service,
            [(.post, "/v1/authorize", RemoteCaller.admin.body(remoteCalls[0])), (.get, "/readyz", nil)])
        await log.shutdown()
        #expect(answers[0].status == 200)
        let json = try #require(answers[0].json)
        #expect(json["verdict"] == "deny")
        #expect(json["error"]?["kind"] == "INTERNAL")
        #expect(json["record"]?["written"] == false)
        #expect(answers[1].status == 503)
        #expect(sink.records.isEmpty)
    }

    /// A name nobody registered is `NOT_FOUND`, recorded like the in-process gateway records it.
    @Test func anUnresolvedNameIsNotFoundAndRecorded() async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(
            node: "gw", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "test"))
        let service = try DecisionService(loading: [Self.policies], audit: log)
        let call = RemoteCallCase(op: "send", args: ["dest": "app.cache", "topic": "get"], check: [])
        let answer = try await ServiceClient.send(service, .post, "/v1/authorize", body: RemoteCaller.admin.body(call))
        await log.shutdown()
        #expect(answer.json?["verdict"] == "deny")
        #expect(answer.json?["error"]?["kind"] == "NOT_FOUND")
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.record.entry.decision == .deny)
    }

    /// Bad bodies are refused with 400 and nothing is recorded.
    @Test(arguments: [
        (#"{"op": "send", "args": {"dest": "x"}}"#, "missing-key"),
        (#"{"op": "fly", "args": {}, "caller": {"pid": "{a|0x1}"}}"#, "invalid-value"),
        (
            #"{"op": "send", "args": {"dest": "x", "topic": "t", "colour": 1}, "caller": {"pid": "{a|0x1}"}}"#,
            "unknown-key"
        ),
        (
            #"{"op": "send", "args": {"dest": "x", "topic": "t"}, "caller": {"pid": "{a|0x1}", "actor": "ops"}}"#,
            "invalid-value"
        ),
        (#"{"op": "send", "args": {"dest": "x", "topic": "t"}, "caller": {}}"#, "missing-key"),
        (
            #"{"op": "cancel", "args": {"dest": "x", "deadline": "soon"}, "caller": {"pid": "{a|0x1}"}}"#,
            "invalid-value"
        ),
    ])
    func badBodiesAreRefused(body: String, code: String) async throws {
        let sink = InMemoryAuditSink()
        let log = AuditLog(
            node: "gw", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: Logger(label: "test"))
        let service = try DecisionService(loading: [Self.policies], audit: log)
        let answer = try await ServiceClient.send(service, .post, "/v1/authorize", body: body)
        await log.shutdown()
        #expect(answer.status == 400, "\(answer.body)")
        #expect(answer.json?["error"]?["code"] == .string(code), "\(answer.body)")
        #expect(sink.records.isEmpty)
    }

    /// Without an audit log, authorize is refused (503), never answered allow.
    @Test func withoutAnAuditLogAuthorizeIsRefused() async throws {
        let service = try DecisionService(loading: [Self.policies])
        let answer = try await ServiceClient.send(
            service, .post, "/v1/authorize", body: RemoteCaller.admin.body(remoteCalls[0]))
        #expect(answer.status == 503)
        #expect(answer.json?["error"]?["code"] == "no-audit-log")
    }
}
