import Foundation
import WardenPolicy
import WardenValue

/// A synthetic policy tree with the mix a real registry has: exact actions, prefix globs and
/// wildcard actions (found by resource), conditions on the actor and on request meta, plus two
/// global policies every request meets.
enum PolicyMix {
    /// `count` policies (the last two are the global admin allow and banned deny).
    static func definitions(_ count: Int) -> [PolicyDefinition] {
        let services = max(1, count / 10)
        let tenants = max(1, count / 20)
        var result: [PolicyDefinition] = []
        for i in 0..<max(0, count - 2) {
            let service = "svc\(i % services)"
            let tenant = "tenant\(i % tenants)"
            let actions: [String]
            let resources: [String]
            let conditions: [ConditionDefinition]
            switch i % 10 {
            case 0...3:
                actions = ["\(service).op\(i % 7)", "\(service).op\((i + 1) % 7)"]
                resources = ["\(tenant):*"]
                conditions = [
                    ConditionDefinition(field: "actor.meta.role", op: .eq, operand: .value(.string("role\(i % 5)")))
                ]
            case 4...7:
                actions = [i % 2 == 0 ? "\(service).*" : "\(service).read*"]
                resources = ["\(tenant):docs/*"]
                conditions = [
                    ConditionDefinition(field: "meta.level", op: .lt, operand: .value(.int(i % 4 + 1))),
                    ConditionDefinition(field: "meta.owner", op: .eq, operand: .valueFrom("actor.id")),
                ]
            default:
                actions = [i % 2 == 0 ? "*" : "*.read"]
                resources = ["\(tenant):*"]
                conditions = [
                    ConditionDefinition(
                        field: "actor.meta.tier", op: .in, operand: .value(.list(["gold", "silver"])))
                ]
            }
            result.append(
                PolicyDefinition(
                    namespace: "bench.ns\(i % 50)", name: "p\(i)", effect: i % 9 == 0 ? .deny : .allow,
                    actions: actions, resources: resources, body: .conditions(conditions),
                    groups: ["bench:g\(i % 20)"]))
        }
        result.append(
            PolicyDefinition(
                namespace: "bench", name: "admin", effect: .allow, actions: ["*"], resources: ["*"],
                body: .conditions([ConditionDefinition(field: "actor.meta.role", op: .eq, operand: .value("admin"))])))
        result.append(
            PolicyDefinition(
                namespace: "bench", name: "banned", effect: .deny, actions: ["*"], resources: ["*"],
                body: .conditions([ConditionDefinition(field: "actor.meta.banned", op: .eq, operand: .value(true))])))
        return result
    }

    /// Requests that some policy of a `count`-policy mix applies to (allow or deny).
    static func matchingRequests(_ count: Int) -> [AuthorizationRequest] {
        let services = max(1, count / 10)
        let tenants = max(1, count / 20)
        return (0..<16).map { k in
            // A policy with exact actions (i % 10 in 0...3) and its tenant, role and action.
            let i = ((k * 7919) % max(1, (count - 2) / 10)) * 10 + k % 4
            let actor = Actor(id: "user\(k)", meta: ["role": .string("role\(i % 5)"), "tier": "gold"])
            let action = "svc\(i % services).op\(i % 7)"
            return AuthorizationRequest(
                actor: actor, action: action, resource: "tenant\(i % tenants):docs/\(k)",
                meta: ["level": 0, "owner": .string("user\(k)")])
        }
    }

    /// Requests no policy of the mix applies to (only the global policies are looked at).
    static func nonMatchingRequests() -> [AuthorizationRequest] {
        (0..<16).map { k in
            AuthorizationRequest(
                actor: Actor(id: "user\(k)", meta: ["role": "nobody"]), action: "other\(k).op",
                resource: "elsewhere:\(k)", meta: ["level": 9])
        }
    }

    /// Writes the mix as policy files (100 entries per file, one namespace per file) under
    /// `directory`.
    static func writeTree(_ count: Int, to directory: String) throws {
        let definitions = definitions(count)
        let chunk = 100
        for start in stride(from: 0, to: definitions.count, by: chunk) {
            var text = "namespace: tree.f\(start / chunk)\nentries:\n"
            for d in definitions[start..<min(start + chunk, definitions.count)] {
                text += "  - name: \(d.name)\n    kind: security.policy\n"
                text += "    groups: [\(d.groups.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
                text += "    policy:\n"
                text += "      actions: [\(d.actions.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
                text += "      resources: [\(d.resources.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
                text += "      effect: \(d.effect)\n      conditions:\n"
                for c in d.conditions {
                    text += "        - field: \(c.field)\n          operator: \(c.op)\n"
                    switch c.operand {
                    case .value(let v): text += "          value: \(v.canonicalJSON)\n"
                    case .valueFrom(let p): text += "          value_from: \(p)\n"
                    }
                }
            }
            let path = directory + "/part\(start / chunk).yaml"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
