import WardenPolicy
import WardenValue

/// Renders a generated case in the `warden test` file format, so a failure can be replayed.
enum CaseRenderer {
    static func yaml(
        _ definitions: [PolicyDefinition], scope: ScopeSpec?, _ request: AuthorizationRequest,
        expect: Outcome
    ) -> String {
        var out = "namespace: t\ntests:\n- name: differential\n  policies:\n"
        for d in definitions {
            out += "  - name: \(json(.string(d.name)))\n    kind: \(d.body.kind)\n"
            if !d.groups.isEmpty { out += "    groups: \(json(.list(d.groups.map(Value.string))))\n" }
            out += "    policy:\n"
            out += "      actions: \(json(.list(d.actions.map(Value.string))))\n"
            out += "      resources: \(json(.list(d.resources.map(Value.string))))\n"
            out += "      effect: \(d.effect)\n"
            if case .expression(let source) = d.body {
                out += "      expression: \(json(.string(source)))\n"
            }
            if !d.conditions.isEmpty {
                out += "      conditions:\n"
                for c in d.conditions {
                    out += "      - {field: \(json(.string(c.field))), operator: \(c.op), "
                    switch c.operand {
                    case .value(let v): out += "value: \(json(v))}\n"
                    case .valueFrom(let p): out += "value_from: \(json(.string(p)))}\n"
                    }
                }
            }
        }
        if let actor = request.actor {
            out += "  actor: \(json(actor.value))\n"
        }
        if let scope {
            out += "  scope: {policies: \(json(.list(scope.policies.map(Value.string)))), "
            out += "groups: \(json(.list(scope.groups.map(Value.string))))}\n"
        }
        out += "  action: \(json(.string(request.action)))\n"
        out += "  resource: \(json(.string(request.resource)))\n"
        out += "  meta: \(json(.map(request.meta)))\n"
        out += "  expect: \(expect)\n"
        return out
    }

    /// JSON is a subset of YAML flow style; doubles keep a fraction so they stay floats.
    static func json(_ value: Value) -> String {
        if case .double(let d) = value, d.isFinite, d == d.rounded() { return "\(Value.formatDouble(d)).0" }
        if case .list(let items) = value { return "[" + items.map(json).joined(separator: ", ") + "]" }
        if case .map(let m) = value {
            return "{" + m.keys.sorted().map { "\(json(.string($0))): \(json(m[$0] ?? .null))" }.joined(separator: ", ")
                + "}"
        }
        return value.canonicalJSON
    }
}
