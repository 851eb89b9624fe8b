import WardenRuntime
import WardenValue

/// Reads the options a Lua spawner collected (`with_context`, `with_actor`, `with_scope`,
/// `with_name`, `with_message`) into ``SpawnOptions``.
enum LuaSpawnOptions {
    static func read(_ value: Value) throws(ProcessError) -> SpawnOptions {
        guard case .map(let fields) = value else { return .none }
        var options = SpawnOptions.none
        if let context = fields["context"] {
            guard case .map(let values) = context else {
                throw invalid("with_context takes a table of string keys, not a \(context.typeName)")
            }
            options.contextValues = values
        }
        if let actor = fields["actor"] { options.actor = try readActor(actor) }
        if let scope = fields["scope"] { options.scope = try readScope(scope) }
        if let name = fields["name"] {
            guard case .string(let text) = name else {
                throw invalid("with_name takes a string, not a \(name.typeName)")
            }
            options.name = text
        }
        if case .list(let messages)? = fields["messages"] {
            for message in messages {
                guard case .string(let topic)? = message["topic"] else {
                    throw invalid("with_message takes a topic string first")
                }
                var payload = message["payload"]?.listValue ?? []
                if case .int(let count)? = message["n"], count > payload.count {
                    payload += Array(repeating: .null, count: count - payload.count)
                }
                options.messages.append(QueuedMessage(topic: topic, payload: payload))
            }
        }
        return options
    }

    /// An actor given as `{id = "user:1", meta = {...}}`.
    static func readActor(_ value: Value) throws(ProcessError) -> Actor {
        guard case .string(let id)? = value["id"], !id.isEmpty else {
            throw invalid("with_actor takes an actor `{id = \"...\", meta = {...}}`")
        }
        var meta: [String: Value] = [:]
        switch value["meta"] {
        case nil, .null?: break
        case .map(let fields)?: meta = fields
        case let other?: throw invalid("actor meta must be a table of string keys, not a \(other.typeName)")
        }
        return Actor(id: id, meta: meta)
    }

    /// A scope given as a list of policy ids or `{policies = {...}, groups = {...}}`.
    static func readScope(_ value: Value) throws(ProcessError) -> SecurityScope {
        switch value {
        case .list(let ids): return SecurityScope(policies: try strings(ids, what: "scope policy ids"))
        case .map(let fields):
            let policies = try strings(fields["policies"]?.listValue ?? [], what: "scope policies")
            let groups = try strings(fields["groups"]?.listValue ?? [], what: "scope groups")
            return SecurityScope(policies: policies, groups: groups)
        default:
            throw invalid("with_scope takes `{policies = {...}, groups = {...}}` or a list of policy ids")
        }
    }

    private static func strings(_ values: [Value], what: String) throws(ProcessError) -> [String] {
        var result: [String] = []
        for value in values {
            guard case .string(let text) = value else {
                throw invalid("\(what) must be strings, not \(value.typeName)")
            }
            result.append(text)
        }
        return result
    }

    private static func invalid(_ message: String) -> ProcessError {
        ProcessError(.invalid, message, code: "invalid-argument")
    }
}
