import WardenGateway
import WardenPolicy
import WardenValue

/// One permission dry-run as `POST /v1/check` takes it: what `warden check` takes on its
/// command line, as a JSON object.
///
/// `{"call": ["spawn_linked", "app.workers:handler", "app:processes"] | "send app.cache get",
/// "actor": {"id", "meta"} | null, "scope": [...], "groups": [...], "strict": true, "pid": "...",
/// "owner": "...", "with_name": "...", "with_context": false, "with_actor": false,
/// "with_scope": false, "messages": 0}`. Only `call` is required; unknown keys are rejected.
public struct CheckRequest: Sendable {
    /// The keys a check request may hold.
    public static let keys = [
        "call", "actor", "scope", "groups", "strict", "pid", "owner", "with_name", "with_context", "with_actor",
        "with_scope", "messages",
    ]

    /// The call and its operands, the call name first.
    public var call: [String]
    /// The caller's actor; `nil` for none.
    public var actor: Actor?
    /// The caller's scope; `nil` for every loaded policy.
    public var scope: ScopeSpec?
    /// Strict mode (deny callers without an actor or a scope).
    public var strict: Bool
    /// The caller's PID.
    public var pid: String
    /// The current owner of the name, for `unregister` or a taken `with_name`.
    public var owner: String?
    /// Spawner options for spawn calls.
    public var builder: CallFacts.BuilderOptions

    /// Reads a check request from a parsed JSON value.
    /// - Throws: ``RequestLineError`` saying what is wrong.
    public static func parse(value: Value) throws(RequestLineError) -> CheckRequest {
        guard case .map(let object) = value else {
            throw .invalidValue("a check request must be a JSON object, found \(value.typeName)")
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw .unknownKey(
                "unknown key \(UserText.quoted(key)); a check request has "
                    + keys.map { "`\($0)`" }.joined(separator: ", "))
        }
        let call: [String]
        switch object["call"] {
        case nil, .null?:
            throw .missingKey("missing `call`; add e.g. `\"call\": [\"send\", \"app.cache\", \"get\"]`")
        case .string(let text)?:
            call = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        case .list?:
            call = try RequestLine.strings(object["call"], "call")
        case let other?:
            throw .invalidValue("`call` must be a list of strings or a string, found \(other.typeName)")
        }
        var scope: ScopeSpec?
        if object["scope"] != nil || object["groups"] != nil {
            let spec = ScopeSpec(
                policies: try RequestLine.strings(object["scope"], "scope"),
                groups: try RequestLine.strings(object["groups"], "groups"))
            scope = spec.isEmpty ? nil : spec
        }
        let builder = CallFacts.BuilderOptions(
            context: try flag(object, "with_context", default: false),
            actor: try flag(object, "with_actor", default: false),
            scope: try flag(object, "with_scope", default: false),
            name: try text(object, "with_name"),
            queuedMessages: try count(object, "messages"))
        return CheckRequest(
            call: call, actor: try RequestLine.readActor(object["actor"]), scope: scope,
            strict: try flag(object, "strict", default: true),
            pid: try text(object, "pid") ?? "{warden:check|0x00000001}", owner: try text(object, "owner"),
            builder: builder)
    }

    /// Plans the call's checks and decides them against `set`, as `warden check` does.
    /// - Returns: the verdict, or the message of a call or scope that is not valid.
    public func verdict(in set: PolicySet) -> Result<CallVerdict, RequestLineError> {
        let dryRun: DryRunCall
        let checks: [PlannedCheck]
        do {
            dryRun = try DryRunCall(arguments: call, callerPID: pid, owner: owner, builder: builder)
            checks = try CheckPlanner.plan(dryRun.facts)
        } catch {
            return .failure(.invalidValue("`call`: \(error)"))
        }
        let resolved = set.resolve(scope)
        if case .failure(let error) = resolved { return .failure(.invalidValue(error.description)) }
        return .success(set.decide(checks, actor: actor, scope: resolved, strict: strict))
    }

    private static func flag(_ object: [String: Value], _ key: String, default fallback: Bool) throws(RequestLineError)
        -> Bool
    {
        switch object[key] {
        case nil, .null?: return fallback
        case .bool(let value)?: return value
        case let other?: throw .invalidValue("`\(key)` must be true or false, found \(other.typeName)")
        }
    }

    private static func text(_ object: [String: Value], _ key: String) throws(RequestLineError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw .invalidValue("`\(key)` must be a string, found \(other.typeName)")
        }
    }

    private static func count(_ object: [String: Value], _ key: String) throws(RequestLineError) -> Int {
        switch object[key] {
        case nil, .null?: return 0
        case .int(let value)? where value >= 0: return Int(value)
        case let other?:
            throw .invalidValue("`\(key)` must be a whole number of at least 0, found \(other.canonicalJSON)")
        }
    }
}
