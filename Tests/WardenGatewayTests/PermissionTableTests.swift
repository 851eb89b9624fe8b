import Testing
import WardenGateway
import WardenRuntime
import WardenValue

/// One row of the permission table (spec/process.md section 3), driven through the gateway.
struct TableRow: Sendable, CustomTestStringConvertible {
    let name: String
    /// The operation the wrapped runtime records when the call is forwarded.
    let forwarded: String
    /// The audit `op`.
    let op: String
    /// Every (action, resource) the call needs, in table order.
    let permissions: [(String, String)]
    let invoke: @Sendable (Gateway, Caller) async throws -> Void

    var testDescription: String { name }
}

let worker = "{app:workers|0x00000007}"

let permissionTable: [TableRow] = [
    TableRow(name: "send", forwarded: "send", op: "process.send", permissions: [("process.send", worker)]) {
        try await $0.send(.pid(GatewayHarness.targetPID), topic: "job", payload: [1], caller: $1)
    },
    TableRow(
        name: "spawn", forwarded: "spawn", op: "process.spawn",
        permissions: [("process.spawn", "app.workers:handler"), ("process.host", "app:workers")]
    ) { _ = try await $0.spawn(SpawnRequest(definition: "app.workers:handler", host: "app:workers"), caller: $1) },
    TableRow(
        name: "spawn_monitored", forwarded: "spawn_monitored", op: "process.spawn_monitored",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.spawn.monitored", "app.workers:handler"),
            ("process.host", "app:workers"),
        ]
    ) {
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", mode: .monitored), caller: $1)
    },
    TableRow(
        name: "spawn_linked", forwarded: "spawn_linked", op: "process.spawn_linked",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.spawn.linked", "app.workers:handler"),
            ("process.host", "app:workers"),
        ]
    ) {
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", mode: .linked), caller: $1)
    },
    TableRow(
        name: "spawn_linked_monitored", forwarded: "spawn_linked_monitored", op: "process.spawn_linked_monitored",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.spawn.monitored", "app.workers:handler"),
            ("process.spawn.linked", "app.workers:handler"), ("process.host", "app:workers"),
        ]
    ) {
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", mode: .linkedMonitored), caller: $1)
    },
    TableRow(
        name: "exec", forwarded: "exec", op: "process.exec",
        permissions: [("process.exec", "app.workers:handler"), ("process.host", "app:workers")]
    ) { _ = try await $0.exec(definition: "app.workers:handler", host: "app:workers", args: [], caller: $1) },
    TableRow(
        name: "terminate", forwarded: "terminate", op: "process.terminate",
        permissions: [("process.terminate", worker)]
    ) {
        try await $0.terminate(.pid(GatewayHarness.targetPID), caller: $1)
    },
    TableRow(name: "cancel", forwarded: "cancel", op: "process.cancel", permissions: [("process.cancel", worker)]) {
        try await $0.cancel(.pid(GatewayHarness.targetPID), deadline: try CancelDeadline(parsing: "5s"), caller: $1)
    },
    TableRow(name: "monitor", forwarded: "monitor", op: "process.monitor", permissions: [("process.monitor", worker)]) {
        try await $0.monitor(.pid(GatewayHarness.targetPID), caller: $1)
    },
    TableRow(
        name: "unmonitor", forwarded: "unmonitor", op: "process.unmonitor",
        permissions: [("process.unmonitor", worker)]
    ) {
        try await $0.unmonitor(.pid(GatewayHarness.targetPID), caller: $1)
    },
    TableRow(name: "link", forwarded: "link", op: "process.link", permissions: [("process.link", worker)]) {
        try await $0.link(.pid(GatewayHarness.targetPID), caller: $1)
    },
    TableRow(name: "unlink", forwarded: "unlink", op: "process.unlink", permissions: [("process.unlink", worker)]) {
        try await $0.unlink(.pid(GatewayHarness.targetPID), caller: $1)
    },
    TableRow(
        name: "with_context", forwarded: "spawn", op: "process.spawn",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.host", "app:workers"), ("process.context", "context"),
        ]
    ) {
        let options = SpawnOptions(contextValues: ["job": "x"])
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", options: options), caller: $1)
    },
    TableRow(
        name: "with_actor", forwarded: "spawn_linked", op: "process.spawn_linked",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.spawn.linked", "app.workers:handler"),
            ("process.host", "app:workers"), ("process.security", "security"),
        ]
    ) {
        let options = SpawnOptions(actor: Actor(id: "svc:other"))
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", mode: .linked, options: options),
            caller: $1)
    },
    TableRow(
        name: "with_scope", forwarded: "spawn", op: "process.spawn",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.host", "app:workers"), ("process.security", "security"),
        ]
    ) {
        let options = SpawnOptions(scope: SecurityScope(groups: ["t:all"]))
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", options: options), caller: $1)
    },
    TableRow(
        name: "with_name", forwarded: "spawn", op: "process.spawn",
        permissions: [
            ("process.spawn", "app.workers:handler"), ("process.host", "app:workers"),
            ("process.registry.register", "app.pool"),
        ]
    ) {
        let options = SpawnOptions(name: "app.pool")
        _ = try await $0.spawn(
            SpawnRequest(definition: "app.workers:handler", host: "app:workers", options: options), caller: $1)
    },
    TableRow(
        name: "registry.register", forwarded: "registry.register", op: "process.registry.register",
        permissions: [("process.registry.register", "app.jobs")]
    ) { try await $0.register("app.jobs", pid: nil, caller: $1) },
    TableRow(
        name: "registry.unregister", forwarded: "registry.unregister", op: "process.registry.unregister",
        permissions: [("process.registry.unregister", "app.cache")]
    ) { _ = try await $0.unregister("app.cache", caller: $1) },
    TableRow(
        name: "upgrade", forwarded: "upgrade", op: "process.upgrade",
        permissions: [("process.upgrade", "app.workers:v2")]
    ) { try await $0.upgrade(to: "app.workers:v2", args: [], caller: $1) },
]

/// Every denial case of the table: one row and the index of the permission denied.
let denialCases: [(TableRow, Int)] = permissionTable.flatMap { row in row.permissions.indices.map { (row, $0) } }

@Suite("Permission table through the gateway", .timeLimit(.minutes(5)))
struct PermissionTableTests {
    @Test("allowed: every permission is checked, the call is forwarded, one record", arguments: permissionTable)
    func allowed(row: TableRow) async throws {
        let harness = try GatewayHarness(policies: policies())
        try await row.invoke(harness.gateway, GatewayHarness.caller())
        #expect(harness.forwarded == [row.forwarded])
        let records = try await harness.records()
        try #require(records.count == 1)
        let record = records[0]
        #expect(record["op"] == .string(row.op))
        #expect(record["decision"] == "allow")
        #expect(record["error"] == nil)
        let checks = record["checks"]?.listValue ?? []
        #expect(
            checks.map { [$0["action"], $0["resource"]] } == row.permissions.map { [.string($0.0), .string($0.1)] })
        #expect(checks.allSatisfy { $0["decision"] == "allow" && $0["policies"] == ["t:allow_all"] })
    }

    @Test(
        "denied on one permission: PERMISSION_DENIED naming it, nothing forwarded, every check recorded",
        arguments: denialCases)
    func denied(row: TableRow, deniedIndex: Int) async throws {
        let (action, resource) = row.permissions[deniedIndex]
        let harness = try GatewayHarness(policies: policies(denying: [(action, resource)]))
        let error = await #expect(throws: ProcessError.self) {
            try await row.invoke(harness.gateway, GatewayHarness.caller())
        }
        #expect(error?.kind == .permissionDenied)
        #expect(error?.message.hasPrefix("not allowed to ") == true)
        #expect(error?.message.hasSuffix(": \(resource)") == true)
        #expect(harness.forwarded.isEmpty, "a denied call reached the runtime: \(harness.forwarded)")
        let records = try await harness.records()
        try #require(records.count == 1)
        let record = records[0]
        #expect(record["decision"] == "deny")
        #expect(record["error"]?["kind"] == "PERMISSION_DENIED")
        #expect(record["error"]?["message"] == error.map { .string($0.message) })
        let checks = record["checks"]?.listValue ?? []
        #expect(checks.count == row.permissions.count)
        for (i, check) in checks.enumerated() {
            #expect(check["decision"] == (i == deniedIndex ? "deny" : "allow"))
            #expect(check["policies"] == (i == deniedIndex ? ["t:deny_0"] : ["t:allow_all"]))
        }
    }

    @Test("the error names the first denied permission in table order")
    func firstDeniedInTableOrder() async throws {
        let harness = try GatewayHarness(
            policies: policies(denying: [("process.host", "app:workers"), ("process.spawn.linked", "*")]))
        let error = await #expect(throws: ProcessError.self) {
            _ = try await harness.gateway.spawn(
                SpawnRequest(definition: "app.workers:handler", host: "app:workers", mode: .linked),
                caller: GatewayHarness.caller())
        }
        #expect(error?.message == "not allowed to spawn linked: app.workers:handler")
        let checks = try await harness.records().first?["checks"]?.listValue ?? []
        #expect(checks.map { $0["decision"] } == ["allow", "deny", "deny"])
    }

    @Test("an empty scope denies every call (undefined is an implicit deny)", arguments: permissionTable)
    func undefinedDenies(row: TableRow) async throws {
        let harness = try GatewayHarness(policies: policies())
        let caller = GatewayHarness.caller(scope: SecurityScope())
        await #expect(throws: ProcessError.self) { try await row.invoke(harness.gateway, caller) }
        #expect(harness.forwarded.isEmpty)
        let checks = try await harness.records().first?["checks"]?.listValue ?? []
        #expect(checks.count == row.permissions.count)
        #expect(checks.allSatisfy { $0["decision"] == "undefined" })
    }
}
