import WardenPolicy
import WardenValue

/// One permission a call needs, with the request that will be evaluated for it.
public struct PlannedCheck: AuthorizationCheck, Hashable {
    /// The table row the permission comes from (a builder option's row for its own checks).
    public var origin: GuardedCall
    /// The permission.
    public var permission: RequiredPermission
    /// The resource the permission is asked on.
    public var resource: String
    /// The request attributes.
    public var attributes: [String: Value]

    /// The denial message: `not allowed to <verb>: <resource>`.
    public var denialMessage: String { "not allowed to \(permission.verb): \(resource)" }

    /// The authorization request for `actor`.
    public func request(actor: Actor?) -> AuthorizationRequest {
        AuthorizationRequest(actor: actor, action: permission.action, resource: resource, meta: attributes)
    }
}

/// Turns a call's facts into the checks the permission table asks for, in table order.
public enum CheckPlanner {
    /// The checks for `facts`: the call's own permissions, then those of its builder options
    /// (`with_context`, `with_actor`/`with_scope` once, `with_name`), then `process.send` on the
    /// holder of a taken `with_name` name when messages are queued for it.
    ///
    /// - Throws: `CheckPlanError` when a resource the table needs is missing from the facts.
    public static func plan(_ facts: CallFacts) throws(CheckPlanError) -> [PlannedCheck] {
        var planned = CheckList(facts: facts)
        try planned.add(facts.call)
        guard facts.call.isSpawn else { return planned.checks }
        let builder = facts.builder
        if builder.context { try planned.add(.withContext) }
        if builder.actor || builder.scope { try planned.add(builder.actor ? .withActor : .withScope) }
        if builder.name != nil { try planned.add(.withName) }
        if builder.name != nil, builder.queuedMessages > 0, facts.owner != nil { try planned.add(.send) }
        return planned.checks
    }

    /// One call's checks, added table row by table row (each row is the table's own shared
    /// array, so a call with one row allocates nothing but its list of checks).
    private struct CheckList {
        let facts: CallFacts
        let attributes: [String: Value]
        var checks: [PlannedCheck] = []

        /// The most checks a spawn can need: `spawn_linked_monitored`'s four, then one each for
        /// `with_context`, `with_actor`/`with_scope`, `with_name` and the send to a name's holder.
        static let mostSpawnChecks = 8

        init(facts: CallFacts) {
            self.facts = facts
            attributes = facts.attributes
            checks.reserveCapacity(facts.call.isSpawn ? Self.mostSpawnChecks : 1)
        }

        /// Adds a check for each permission of `origin`'s table row.
        mutating func add(_ origin: GuardedCall) throws(CheckPlanError) {
            for permission in PermissionTable.permissions(for: origin) {
                let resource = try CheckPlanner.resource(for: permission.resource, origin: origin, facts: facts)
                checks.append(
                    PlannedCheck(origin: origin, permission: permission, resource: resource, attributes: attributes))
            }
        }
    }

    fileprivate static func resource(for source: ResourceSource, origin: GuardedCall, facts: CallFacts)
        throws(CheckPlanError) -> String
    {
        let value: String?
        switch source {
        case .definition: value = facts.definition
        case .host: value = facts.host
        case .targetPID: value = origin == .send && facts.call.isSpawn ? facts.owner : facts.targetPID
        case .name: value = origin == .withName ? facts.builder.name : facts.name
        case .upgradeDefinition: value = facts.upgradeDefinition
        case .literal(let text): value = text
        }
        guard let value else { throw CheckPlanError(call: facts.call, missing: source) }
        return value
    }
}

/// A call's facts lack something its permissions need (a programming error in the caller of
/// ``CheckPlanner``, reported instead of guessed).
public struct CheckPlanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call being planned.
    public var call: GuardedCall
    /// The resource that was missing.
    public var missing: ResourceSource

    /// A lowercase message.
    public var description: String { "`\(call.rawValue)` needs a \(missing) resource, and none was given" }
}

extension GuardedCall {
    /// Whether the call starts a process (the four spawn modes).
    public var isSpawn: Bool {
        switch self {
        case .spawn, .spawnMonitored, .spawnLinked, .spawnLinkedMonitored: true
        default: false
        }
    }
}
