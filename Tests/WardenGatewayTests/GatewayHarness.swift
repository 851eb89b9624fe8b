import Logging
import Testing
import WardenAuditLog
import WardenGateway
import WardenPolicy
import WardenRuntime
import WardenTestSupport
import WardenValue

/// A gateway over a recording runtime, with policies from YAML text and an in-memory audit sink.
struct GatewayHarness {
    let runtime: RecordingRuntime
    let sink: InMemoryAuditSink
    let audit: AuditLog
    let store: PolicyStore
    let gateway: Gateway

    static let callerPID = PID(host: "app:processes", counter: 1)
    static let targetPID = PID(host: "app:workers", counter: 7)
    static let ownerPID = PID(host: "app:processes", counter: 9)
    static let actor = Actor(id: "app:supervisor", meta: ["role": "supervisor"])

    /// A caller with an actor and a scope holding every policy of namespace `t` (group `t:all`).
    static func caller(
        actor: Actor? = GatewayHarness.actor, scope: SecurityScope? = SecurityScope(groups: ["t:all"]),
        definition: String = "app:supervisor"
    ) -> Caller {
        Caller(
            pid: callerPID, frame: "frame-1", definition: definition,
            security: SecurityContext(actor: actor, scope: scope))
    }

    init(policies yaml: String, strict: Bool = true, mode: DeliveryMode = .sync) throws {
        let set = try PolicyLoader().load(yaml: yaml, file: "test.yaml").get()
        runtime = RecordingRuntime()
        runtime.configure { results in
            for id in ["app.workers:handler", "app.workers:v2", "app:supervisor"] {
                results.definitions[id] = DefinitionInfo(id: id, security: nil)
            }
            results.names["app.cache"] = GatewayHarness.ownerPID
        }
        sink = InMemoryAuditSink()
        audit = AuditLog(
            node: "test", sink: sink, mode: mode, failurePolicy: .failClosed, logger: Logger(label: "test"))
        store = PolicyStore(set)
        gateway = Gateway(
            wrapping: runtime, policies: store, audit: audit, configuration: GatewayConfiguration(strict: strict))
    }

    /// The records written so far, as values.
    func records() async throws -> [Value] {
        await audit.flush()
        return try sink.lines.map { try Value(json: $0) }
    }

    /// The process calls that reached the wrapped runtime (queries excluded).
    var forwarded: [String] {
        runtime.operations.filter { !["resolve", "owner", "definition"].contains($0) }
    }
}

/// Policy YAML: an allow-everything policy plus deny policies on the given (action, resource) pairs.
func policies(denying denied: [(String, String)] = [], allowAll: Bool = true) -> String {
    var yaml = "namespace: t\nentries:\n"
    if allowAll {
        yaml += """
              - name: allow_all
                kind: security.policy
                policy: {actions: "*", resources: "*", effect: allow}
                groups: [all]

            """
    }
    for (i, (action, resource)) in denied.enumerated() {
        yaml += """
              - name: deny_\(i)
                kind: security.policy
                policy: {actions: "\(action)", resources: "\(resource)", effect: deny}
                groups: [all]

            """
    }
    return yaml
}
