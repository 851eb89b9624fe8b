import WardenGateway
import WardenRuntime
import WardenValue

/// One `POST /v1/authorize` body: the call a foreign runtime is about to make.
///
/// `{"op": "send", "args": {"dest", "topic", "payload"}, "caller": {"pid", "frame", "definition",
/// "actor", "scope", "groups"}, "target": {"pid", "owner", "exists", "security"}}`. `op` is a
/// guarded call (`process.` optional); `args` are the call's arguments (see ``arguments``);
/// `target` holds what only the runtime knows: the PID the destination resolved to, the owner of
/// the name, whether the definition exists and its `security:` block. Unknown keys are rejected.
enum AuthorizeRequest {
    /// The keys of the body.
    static let keys = ["op", "args", "caller", "target"]
    /// The keys of `caller`.
    static let callerKeys = ["pid", "frame", "definition", "actor", "scope", "groups"]
    /// The keys of `target`.
    static let targetKeys = ["pid", "owner", "exists", "security"]

    /// The arguments each call takes in `args`.
    static func arguments(of call: GuardedCall) -> [String] {
        switch call {
        case .send: ["dest", "topic", "payload"]
        case .terminate, .monitor, .unmonitor, .link, .unlink: ["dest"]
        case .cancel: ["dest", "deadline"]
        case .spawn, .spawnMonitored, .spawnLinked, .spawnLinkedMonitored:
            ["id", "host", "args", "with_context", "with_actor", "with_scope", "with_groups", "with_name", "messages"]
        case .exec: ["id", "host", "args"]
        case .register: ["name", "pid"]
        case .unregister: ["name"]
        case .upgrade: ["id", "args"]
        case .withContext, .withActor, .withScope, .withName: []
        }
    }

    /// Reads the body's JSON value as a remote call.
    /// - Throws: ``RequestLineError`` naming the field that is wrong and how to fix it.
    static func parse(value: Value) throws(RequestLineError) -> RemoteCall {
        let body = try JSONFields(value, at: "", allowed: keys)
        let opName = try body.string("op")
        let callable = GuardedCall.allCases.filter { !arguments(of: $0).isEmpty }
        guard let call = GuardedCall(commandLineName: opName), callable.contains(call) else {
            throw .invalidValue(
                "unknown `op` \(UserText.quoted(opName)); use one of "
                    + callable.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                    + " (spawner options go into a spawn's `args`)")
        }
        let args = try JSONFields(body.optional("args") ?? .map([:]), at: "args", allowed: arguments(of: call))
        return RemoteCall(
            operation: try operation(call, args), caller: try caller(body.optional("caller")),
            facts: try facts(body.optional("target")))
    }

    private static func operation(_ call: GuardedCall, _ args: JSONFields) throws(RequestLineError)
        -> RemoteCall.Operation
    {
        switch call {
        case .send:
            return .send(
                try args.destination("dest"), topic: try args.string("topic"), payload: try args.list("payload"))
        case .terminate: return .terminate(try args.destination("dest"))
        case .monitor: return .monitor(try args.destination("dest"))
        case .unmonitor: return .unmonitor(try args.destination("dest"))
        case .link: return .link(try args.destination("dest"))
        case .unlink: return .unlink(try args.destination("dest"))
        case .cancel:
            let deadline: CancelDeadline?
            do {
                deadline = try CancelDeadline.from(args.optional("deadline"))
            } catch {
                throw .invalidValue("`args.deadline`: \(error.message)")
            }
            return .cancel(try args.destination("dest"), deadline: deadline)
        case .spawn, .spawnMonitored, .spawnLinked, .spawnLinkedMonitored:
            return .spawn(try spawnRequest(call, args))
        case .exec:
            return .exec(definition: try args.string("id"), host: try args.string("host"), args: try args.list("args"))
        case .register: return .register(try args.string("name"), pid: try args.pid("pid"))
        case .unregister: return .unregister(try args.string("name"))
        case .upgrade: return .upgrade(definition: try args.string("id"), args: try args.list("args"))
        case .withContext, .withActor, .withScope, .withName:
            throw .invalidValue("`\(call.rawValue)` is a spawner option; put it into a spawn's `args`")
        }
    }

    private static func spawnRequest(_ call: GuardedCall, _ args: JSONFields) throws(RequestLineError) -> SpawnRequest {
        var context: [String: Value]?
        switch args.optional("with_context") {
        case nil: context = nil
        case .map(let values)?: context = values
        case let other?: throw .invalidValue("`args.with_context` must be an object, found \(other.typeName)")
        }
        let policies = try args.strings("with_scope")
        let groups = try args.strings("with_groups")
        let scope =
            policies == nil && groups == nil ? nil : SecurityScope(policies: policies ?? [], groups: groups ?? [])
        var messages: [QueuedMessage] = []
        for (index, item) in try args.list("messages").enumerated() {
            let message = try JSONFields(item, at: "args.messages[\(index)]", allowed: ["topic", "payload"])
            messages.append(QueuedMessage(topic: try message.string("topic"), payload: try message.list("payload")))
        }
        let mode: SpawnMode =
            switch call {
            case .spawnMonitored: .monitored
            case .spawnLinked: .linked
            case .spawnLinkedMonitored: .linkedMonitored
            default: .plain
            }
        return SpawnRequest(
            definition: try args.string("id"), host: try args.string("host"), args: try args.list("args"), mode: mode,
            options: SpawnOptions(
                contextValues: context, actor: try args.actor("with_actor"), scope: scope,
                name: try args.optionalString("with_name"), messages: messages))
    }

    private static func caller(_ value: Value?) throws(RequestLineError) -> Caller {
        let fields = try JSONFields(value, at: "caller", allowed: callerKeys)
        guard let pid = try fields.pid("pid") else {
            throw .missingKey("missing `caller.pid`; add the calling process's pid, e.g. `{app:processes|0x00000001}`")
        }
        let policies = try fields.strings("scope")
        let groups = try fields.strings("groups")
        let scope =
            policies == nil && groups == nil ? nil : SecurityScope(policies: policies ?? [], groups: groups ?? [])
        return Caller(
            pid: pid, frame: try fields.optionalString("frame") ?? "",
            definition: try fields.optionalString("definition") ?? "",
            security: SecurityContext(actor: try fields.actor("actor"), scope: scope))
    }

    private static func facts(_ value: Value?) throws(RequestLineError) -> RemoteFacts {
        guard let value else { return RemoteFacts() }
        let fields = try JSONFields(value, at: "target", allowed: targetKeys)
        var security: DefinitionSecurity?
        if let block = fields.optional("security") {
            let declared = try JSONFields(block, at: "target.security", allowed: ["actor", "policies", "groups"])
            security = DefinitionSecurity(
                actor: try declared.actor("actor"), policies: try declared.strings("policies") ?? [],
                groups: try declared.strings("groups") ?? [])
        }
        return RemoteFacts(
            resolvedPID: try fields.pid("pid"), owner: try fields.pid("owner"), definitionSecurity: security,
            definitionExists: try fields.bool("exists", default: true))
    }
}
