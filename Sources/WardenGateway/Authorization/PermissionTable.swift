/// Where a required permission takes its resource from.
public enum ResourceSource: Sendable, Hashable {
    /// The process definition id being spawned or exec'd (`app.workers:handler`).
    case definition
    /// The host the process would run on (`app:processes`).
    case host
    /// The resolved PID of the call's destination (`{app:processes|0x00000002}`).
    case targetPID
    /// The name being registered or unregistered.
    case name
    /// The new definition id of an upgrade.
    case upgradeDefinition
    /// A fixed resource string (`"context"`, `"security"`).
    case literal(String)
}

/// One permission a call needs: an action on a resource taken from the call.
public struct RequiredPermission: Sendable, Hashable {
    /// The policy action, e.g. `process.spawn.linked`.
    public let action: String
    /// Where the resource comes from.
    public let resource: ResourceSource
    /// How a denial reads: `not allowed to <verb>: <resource>`.
    public let verb: String

    /// Creates a required permission.
    public init(_ action: String, on resource: ResourceSource, verb: String) {
        self.action = action
        self.resource = resource
        self.verb = verb
    }
}

/// The permission table of the process API (spec/process.md section 3) as one piece of data.
///
/// Every call needs all of its permissions; they are evaluated in this order, and a denial
/// names the first denied one. Builder options (`with_context`, `with_actor`, `with_scope`,
/// `with_name`) add their permissions after those of the spawn they are attached to.
public enum PermissionTable {
    private static let spawn = RequiredPermission("process.spawn", on: .definition, verb: "spawn")
    private static let monitored = RequiredPermission(
        "process.spawn.monitored", on: .definition, verb: "spawn monitored")
    private static let linked = RequiredPermission(
        "process.spawn.linked", on: .definition, verb: "spawn linked")
    private static let host = RequiredPermission("process.host", on: .host, verb: "spawn on host")

    /// The permissions `call` needs, in evaluation order.
    public static func permissions(for call: GuardedCall) -> [RequiredPermission] {
        switch call {
        case .send: [RequiredPermission("process.send", on: .targetPID, verb: "send to")]
        case .spawn: [spawn, host]
        case .spawnMonitored: [spawn, monitored, host]
        case .spawnLinked: [spawn, linked, host]
        case .spawnLinkedMonitored: [spawn, monitored, linked, host]
        case .exec: [RequiredPermission("process.exec", on: .definition, verb: "exec"), host]
        case .terminate: [RequiredPermission("process.terminate", on: .targetPID, verb: "terminate")]
        case .cancel: [RequiredPermission("process.cancel", on: .targetPID, verb: "cancel")]
        case .monitor: [RequiredPermission("process.monitor", on: .targetPID, verb: "monitor")]
        case .unmonitor: [RequiredPermission("process.unmonitor", on: .targetPID, verb: "unmonitor")]
        case .link: [RequiredPermission("process.link", on: .targetPID, verb: "link")]
        case .unlink: [RequiredPermission("process.unlink", on: .targetPID, verb: "unlink")]
        case .withContext:
            [RequiredPermission("process.context", on: .literal("context"), verb: "set spawn context")]
        case .withActor, .withScope:
            [RequiredPermission("process.security", on: .literal("security"), verb: "change security context")]
        case .withName:
            [RequiredPermission("process.registry.register", on: .name, verb: "register name")]
        case .register:
            [RequiredPermission("process.registry.register", on: .name, verb: "register name")]
        case .unregister:
            [RequiredPermission("process.registry.unregister", on: .name, verb: "unregister name")]
        case .upgrade:
            [RequiredPermission("process.upgrade", on: .upgradeDefinition, verb: "upgrade to")]
        }
    }
}
