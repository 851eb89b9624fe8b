import Foundation
import Logging
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenGateway
import WardenLocalRuntime
import WardenPolicy
import WardenRuntime
import WardenTestSupport
import WardenValue

/// The gateway in front of the real built-in runtime: process bodies make their calls through
/// their context, so every call (and every child's) goes through the gateway.
@Suite("Gateway over the local runtime", .timeLimit(.minutes(5)))
struct LocalRuntimeGatewayTests {
    static let policyYAML = """
        namespace: t
        entries:
          - name: supervisor
            kind: security.policy
            policy:
              actions: ["process.spawn.*", "process.host", "process.send", "process.monitor"]
              resources: ["*"]
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: supervisor}]
            groups: [app]
          - name: worker_reply
            kind: security.policy
            policy: {actions: process.send, resources: "{app:*", effect: allow}
            groups: [app]
          - name: no_tenant_host
            kind: security.policy
            policy: {actions: process.host, resources: "app:tenants", effect: deny}
            groups: [app]
        """

    struct Setup {
        let runtime: LocalRuntime
        let gateway: Gateway
        let audit: AuditLog
        let sink: InMemoryAuditSink
    }

    static func setup(mode: DeliveryMode = .async, file: String? = nil) throws -> Setup {
        let runtime = LocalRuntime()
        runtime.addHost("app:processes", maxProcesses: 10_000)
        runtime.addHost("app:tenants", maxProcesses: 10)
        // A worker answers `ping` messages with `pong` to the sender, `count` times, then exits.
        runtime.register("app.workers:echo") { context in
            let count = context.args.first.flatMap { if case .int(let n) = $0 { n } else { nil } } ?? 1
            for _ in 0..<count {
                guard let message = await context.inbox().receive(), let from = message.from else { break }
                try await context.send(from, topic: "pong", payload: message.payload)
            }
            return .null
        }
        // The supervisor spawns `workers` linked+monitored echo workers and ping-pongs `rounds`
        // times with each; returns the number of pongs received.
        runtime.register("app:supervisor") { context in
            guard case .list(let params) = context.args.first ?? .null,
                case .int(let workers) = params.first ?? .null, case .int(let rounds) = params.last ?? .null
            else { return .int(-1) }
            var pids: [PID] = []
            for _ in 0..<workers {
                pids.append(
                    try await context.spawnLinkedMonitored(
                        "app.workers:echo", host: "app:processes", args: [.int(rounds)]))
            }
            var pongs = 0
            for round in 0..<rounds {
                for pid in pids { try await context.send(pid, topic: "ping", payload: [.int(round)]) }
                for _ in pids {
                    guard let reply = await context.inbox().receive() else { break }
                    if reply.topic == "pong" { pongs += 1 }
                }
            }
            return .int(pongs)
        }
        runtime.register("app:forbidden") { context in
            _ = try await context.spawn("app.workers:echo", host: "app:tenants")
            return .null
        }
        let policies = try PolicyLoader().load(yaml: policyYAML, file: "local.yaml").get()
        let sink = InMemoryAuditSink()
        var target: any AuditSink = sink
        if let file { target = try MultiplexAuditSink([try JSONLFileSink(path: file), sink]) }
        let audit = AuditLog(
            node: "local", sink: target, mode: mode, failurePolicy: .failClosed, logger: Logger(label: "t"))
        let gateway = Gateway(wrapping: runtime, policies: PolicyStore(policies), audit: audit)
        return Setup(runtime: runtime, gateway: gateway, audit: audit, sink: sink)
    }

    static let supervisor = SecurityContext(
        actor: Actor(id: "app:supervisor", meta: ["role": "supervisor"]), scope: SecurityScope(groups: ["t:app"]))

    @Test("children of a process started through the gateway call through the gateway too")
    func childrenRouteThroughTheGateway() async throws {
        let setup = try Self.setup(mode: .sync)
        let handle = try await setup.gateway.start(
            StartRequest(
                definition: "app:supervisor", host: "app:processes", args: [[2, 3]], security: Self.supervisor))
        #expect(try await handle.result() == .value(6))
        await setup.gateway.shutdown()
        await setup.audit.shutdown()
        let records = setup.sink.records.map(\.record)
        let ops = records.map(\.op)
        // 2 spawns, 6 pings from the supervisor, 6 pongs from the workers (who inherit its context).
        #expect(ops.filter { $0 == "process.spawn_linked_monitored" }.count == 2)
        #expect(ops.filter { $0 == "process.send" }.count == 12)
        #expect(records.allSatisfy { $0.decision == .allow })
        let workerSends = records.filter {
            $0.op == "process.send" && $0.caller.pid?.hasPrefix("{app:processes|") == true
        }
        #expect(Set(workerSends.compactMap(\.caller.pid)).count == 3, "the supervisor and both workers send")
    }

    @Test("a gateway never sends without its checks: it has no send that skips them")
    func noUncheckedSendNow() async throws {
        // The runtime behind it can send at once; the gateway cannot (every send is decided
        // and recorded), so hosts that try `sendNow` first fall back to the guarded `send`.
        let setup = try Self.setup(mode: .sync)
        let caller = Caller(
            pid: PID(host: "app:processes", counter: 1), frame: "f", definition: "app:supervisor",
            security: Self.supervisor)
        #expect(setup.gateway.sendNow(.name("anyone"), topic: "t", payload: [], caller: caller) == nil)
        #expect(setup.runtime.sendNow(.name("anyone"), topic: "t", payload: [], caller: caller) != nil)
        await setup.gateway.shutdown()
        await setup.audit.shutdown()
    }

    @Test("a denied spawn inside a process fails there with PERMISSION_DENIED and starts nothing")
    func deniedInsideAProcess() async throws {
        let setup = try Self.setup(mode: .sync)
        let handle = try await setup.gateway.start(
            StartRequest(definition: "app:forbidden", host: "app:processes", security: Self.supervisor))
        let result = try await handle.result()
        guard case .error(let error) = result else {
            Issue.record("expected the process to fail, got \(result)")
            return
        }
        #expect(error.kind == .permissionDenied)
        #expect(error.message == "not allowed to spawn on host: app:tenants")
        #expect(setup.runtime.liveCount(onHost: "app:tenants") == 0)
        await setup.gateway.shutdown()
        await setup.audit.shutdown()
        let record = try #require(setup.sink.records.last?.record)
        #expect(record.checks.last?.policies == ["t:no_tenant_host"])
    }

    @Test("10,000 calls from 100 concurrent processes: one record each, one chain that verifies on disk")
    func manyProcessesOneChain() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("audit.jsonl").path
        let setup = try Self.setup(mode: .async, file: path)
        // 100 supervisors, each with 1 worker and 50 rounds: 1 spawn + 50 pings + 50 pongs = 101 calls each.
        var handles: [ProcessHandle] = []
        for _ in 0..<100 {
            handles.append(
                try await setup.gateway.start(
                    StartRequest(
                        definition: "app:supervisor", host: "app:processes", args: [[1, 50]], security: Self.supervisor)
                ))
        }
        for handle in handles { #expect(try await handle.result() == .value(50)) }
        await setup.gateway.shutdown()
        await setup.audit.shutdown()
        let verified = try AuditVerifier.verify(files: [path])
        #expect(verified.records == 100 * 101)
        #expect(verified.head.seq == 100 * 101)
        let records = setup.sink.records.map(\.record)
        #expect(records.filter { $0.op == "process.spawn_linked_monitored" }.count == 100)
        #expect(records.filter { $0.op == "process.send" }.count == 100 * 100)
    }

    @Test("a log cut inside its last record (a torn write) verifies up to it and names the cut precisely")
    func tornWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("audit.jsonl").path
        let setup = try Self.setup(mode: .sync, file: path)
        let handle = try await setup.gateway.start(
            StartRequest(
                definition: "app:supervisor", host: "app:processes", args: [[2, 3]], security: Self.supervisor))
        _ = try await handle.result()
        await setup.gateway.shutdown()
        await setup.audit.shutdown()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let complete = lines.count - 1  // the file ends with a newline
        // Cut the last record in the middle, as a writer killed during write(2) would leave it.
        let lastLineStart = data.count - lines[complete - 1].count - 1
        let cut = data.prefix(lastLineStart + lines[complete - 1].count / 2)
        try cut.write(to: URL(fileURLWithPath: path))
        do {
            _ = try AuditVerifier.verify(files: [path])
            Issue.record("a torn last record verified")
        } catch {
            #expect(error.kind == .truncatedRecord)
            #expect(error.location == AuditLocation(path: path, line: complete))
        }
    }
}
