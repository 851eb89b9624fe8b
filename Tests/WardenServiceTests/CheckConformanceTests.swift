import Foundation
import Testing
import WardenService
import WardenValue

/// One row of the permission table (spec/process.md section 3) as `warden check` takes it.
struct CheckCall: Sendable, CustomTestStringConvertible {
    /// The call and its operands.
    var call: [String]
    /// `warden check` options.
    var options: [String] = []
    /// The same options as `POST /v1/check` keys.
    var keys: [String: Value] = [:]

    var testDescription: String { (call + options).joined(separator: " ") }
}

private let pid = "{app:workers|0x00000007}"

/// Every call of the permission table.
let checkCalls: [CheckCall] = [
    CheckCall(call: ["send", pid, "job"]),
    CheckCall(call: ["send", "app.cache", "get"]),
    CheckCall(call: ["spawn", "app.workers:handler", "app:workers"]),
    CheckCall(call: ["spawn_monitored", "app.workers:handler", "app:workers"]),
    CheckCall(call: ["spawn_linked", "app.workers:handler", "app:workers"]),
    CheckCall(call: ["spawn_linked_monitored", "app.workers:handler", "app:workers"]),
    CheckCall(
        call: ["spawn", "app.workers:handler", "app:workers"],
        options: ["--with-context", "--with-actor", "--with-name", "app.pool"],
        keys: ["with_context": true, "with_actor": true, "with_name": "app.pool"]),
    CheckCall(call: ["exec", "app.workers:handler", "app:workers"]),
    CheckCall(call: ["terminate", pid]),
    CheckCall(call: ["cancel", pid]),
    CheckCall(call: ["monitor", pid]),
    CheckCall(call: ["unmonitor", pid]),
    CheckCall(call: ["link", pid]),
    CheckCall(call: ["unlink", pid]),
    CheckCall(call: ["with_context"]),
    CheckCall(call: ["with_actor"]),
    CheckCall(call: ["with_scope"]),
    CheckCall(call: ["with_name", "app.pool"]),
    CheckCall(call: ["register", "app.jobs"]),
    CheckCall(call: ["unregister", "app.jobs"], options: ["--owner", pid], keys: ["owner": .string(pid)]),
    CheckCall(call: ["upgrade", "app.workers:v2"]),
]

/// Every permission-table row through `POST /v1/check` and `warden check --format json`, for an
/// admin (allowed by the example policies) and a free-tier tenant (denied some calls): the
/// answers are the same JSON value.
@Suite("POST /v1/check answers as warden check does")
struct CheckConformanceTests {
    static let callers: [(options: [String], keys: [String: Value])] = [
        (
            ["--actor", "ops", "--actor-meta", #"{"role":"admin"}"#],
            ["actor": ["id": "ops", "meta": ["role": "admin"]]]
        ),
        (
            ["--actor", "tenant:acme", "--actor-meta", #"{"tier":"free"}"#, "--group", "app.security:tenants"],
            ["actor": ["id": "tenant:acme", "meta": ["tier": "free"]], "groups": ["app.security:tenants"]]
        ),
        ([], [:]),
    ]

    @Test(arguments: checkCalls, 0..<callers.count)
    func callAnswersMatchCheck(_ row: CheckCall, caller: Int) async throws {
        let policies = ServiceClient.root.appendingPathComponent("policies").path
        let (options, keys) = Self.callers[caller]
        let cli = try await WardenBinary.run(
            ["check", "--policies", policies, "--format", "json"] + options + row.options + row.call)
        #expect(cli.status == 0 || cli.status == 2)
        var body = keys.merging(row.keys) { _, new in new }
        body["call"] = .list(row.call.map(Value.string))
        let service = try DecisionService(loading: [policies])
        let answer = try await ServiceClient.send(service, .post, "/v1/check", body: Value.map(body).canonicalJSON)
        #expect(answer.status == 200, "\(answer.body)")
        #expect(answer.json == (try Value(json: cli.output)))
        #expect(answer.json?["verdict"] == (cli.status == 0 ? "allow" : "deny"))
    }
}
