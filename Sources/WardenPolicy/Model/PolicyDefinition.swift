import WardenValue
import WardenYAML

/// One policy as written: the loader's output and the compiler's input.
///
/// Policies can also be built in code; the compiler validates them the same way.
public struct PolicyDefinition: Sendable, Hashable {
    /// The file's namespace, e.g. `app.security`.
    public var namespace: String
    /// The entry name, e.g. `admin_policy`.
    public var name: String
    /// File-level `meta` merged under the entry's own.
    public var meta: [String: Value]
    /// `allow` or `deny`.
    public var effect: Effect
    /// Action patterns (spec section 3); a policy applies only if one matches.
    public var actions: [String]
    /// Resource patterns; a policy applies only if one matches.
    public var resources: [String]
    /// Conditions or an expression.
    public var body: PolicyBody
    /// Qualified group ids (`namespace:group`) the policy belongs to.
    public var groups: [String]
    /// Where the entry and its parts are written.
    public var marks: PolicyMarks

    /// Creates a definition.
    public init(
        namespace: String, name: String, meta: [String: Value] = [:], effect: Effect,
        actions: [String], resources: [String], body: PolicyBody = .conditions([]),
        groups: [String] = [], marks: PolicyMarks = PolicyMarks()
    ) {
        self.namespace = namespace
        self.name = name
        self.meta = meta
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.body = body
        self.groups = groups
        self.marks = marks
    }

    /// The policy id, `namespace:name`.
    public var id: String { "\(namespace):\(name)" }

    /// The registry kind, `security.policy` or `security.policy.expr`.
    public var kind: String { body.kind }

    /// The conditions, empty for expression policies.
    public var conditions: [ConditionDefinition] {
        if case .conditions(let list) = body { return list }
        return []
    }
}

/// The source positions of a policy entry's parts, for diagnostics.
public struct PolicyMarks: Sendable, Hashable {
    /// The entry's mapping.
    public var entry: Mark
    /// The `name` value.
    public var name: Mark
    /// The `effect` value.
    public var effect: Mark
    /// Each `actions` pattern, in order.
    public var actions: [Mark]
    /// Each `resources` pattern, in order.
    public var resources: [Mark]
    /// The `expression` value.
    public var expression: Mark
    /// Where the expression's text sits, to place the expression compiler's positions.
    public var expressionLayout: ExpressionLayout
    /// Each `groups` item, in order.
    public var groups: [Mark]

    /// Creates marks; missing ones default to the entry's mark.
    public init(
        entry: Mark = .inMemory, name: Mark? = nil, effect: Mark? = nil, actions: [Mark] = [],
        resources: [Mark] = [], expression: Mark? = nil, expressionLayout: ExpressionLayout? = nil,
        groups: [Mark] = []
    ) {
        self.entry = entry
        self.name = name ?? entry
        self.effect = effect ?? entry
        self.actions = actions
        self.resources = resources
        self.expression = expression ?? entry
        self.expressionLayout = expressionLayout ?? .inline(at: expression ?? entry)
        self.groups = groups
    }

    /// The mark of action pattern `index`, or the entry's.
    public func action(_ index: Int) -> Mark { actions.indices.contains(index) ? actions[index] : entry }

    /// The mark of resource pattern `index`, or the entry's.
    public func resource(_ index: Int) -> Mark {
        resources.indices.contains(index) ? resources[index] : entry
    }

    /// The mark of group `index`, or the entry's.
    public func group(_ index: Int) -> Mark { groups.indices.contains(index) ? groups[index] : entry }
}
