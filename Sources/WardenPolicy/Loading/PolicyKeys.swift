/// The keys each level of a policy file may hold.
enum PolicyKeys {
    /// Top level of a file.
    static let file = ["version", "namespace", "meta", "entries"]
    /// A `security.policy` / `security.policy.expr` entry.
    static let entry = ["name", "kind", "meta", "policy", "groups"]
    /// `policy:` of a `security.policy` entry.
    static let conditionPolicy = ["actions", "resources", "effect", "conditions"]
    /// `policy:` of a `security.policy.expr` entry.
    static let expressionPolicy = ["actions", "resources", "effect", "expression"]
    /// One condition.
    static let condition = ["field", "operator", "value", "value_from"]
    /// The policy kinds.
    static let kinds = [PolicyKind.conditions, PolicyKind.expression]
}
