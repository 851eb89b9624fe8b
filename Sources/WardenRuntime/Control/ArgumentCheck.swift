/// The argument checks every `process` call makes first (`INVALID`), shared by runtimes and
/// gateways so both reject the same inputs the same way.
public enum ArgumentCheck {
    /// A message topic: non-empty and not starting with `@` (reserved for the runtime).
    public static func topic(_ topic: String) throws(ProcessError) {
        if topic.isEmpty {
            throw ProcessError(.invalid, "missing topic; hint: pass a non-empty topic name", code: "missing-argument")
        }
        if topic.utf8.first == UInt8(ascii: "@") {
            throw ProcessError(
                .invalid,
                "topic `\(topic)` is reserved for the runtime; hint: use a topic that does not start with `@`",
                code: "reserved-topic")
        }
    }

    /// A registry name: non-empty and not starting with `{` (that would read as a PID).
    public static func name(_ name: String) throws(ProcessError) {
        if name.isEmpty {
            throw ProcessError(.invalid, "missing name; hint: pass a non-empty name", code: "missing-argument")
        }
        if name.utf8.first == UInt8(ascii: "{") {
            throw ProcessError(
                .invalid, "name `\(name)` starts with `{` and would read as a pid; hint: choose another name",
                code: "invalid-name")
        }
    }

    /// A definition id and host id of a spawn or exec: both non-empty.
    public static func target(definition: String, host: String) throws(ProcessError) {
        if definition.isEmpty {
            throw ProcessError(
                .invalid, "missing process definition id; hint: pass an id such as `app.workers:handler`",
                code: "missing-argument")
        }
        if host.isEmpty {
            throw ProcessError(
                .invalid, "missing host id; hint: pass a host such as `app:processes`", code: "missing-argument")
        }
    }

    /// Every argument of a spawn request: target, name and queued message topics.
    public static func spawn(_ request: SpawnRequest) throws(ProcessError) {
        try target(definition: request.definition, host: request.host)
        if let name = request.options.name { try self.name(name) }
        for message in request.options.messages { try topic(message.topic) }
    }
}
