import WardenPolicy
import WardenRuntime
import WardenValue
import WardenYAML

/// Checks what entries name across files: a service's process and host, imports, and the groups
/// and policies of `security` blocks (an unknown one is an error, not skipped).
enum RegistryReferences {
    static func check(_ tree: inout RegistryTree) {
        let policyIDs = Set(tree.policies.definitions.map(\.id))
        let groups = Set(tree.policies.definitions.flatMap(\.groups))
        var problems: [PolicyDiagnostic] = []
        func checkSecurity(_ security: DefinitionSecurity?, of id: String, at mark: Mark) {
            guard let security else { return }
            for group in security.groups where !groups.contains(group) {
                problems.append(
                    .error(
                        .unresolvedScope, at: mark,
                        "entry \(UserText.quoted(id)) names the unknown group \(UserText.quoted(group)) in `security.groups`",
                        hint: "no policy of the tree is in that group; check the name"))
            }
            for policy in security.policies where !policyIDs.contains(policy) {
                problems.append(
                    .error(
                        .unresolvedScope, at: mark,
                        "entry \(UserText.quoted(id)) names the unknown policy \(UserText.quoted(policy)) in `security.policies`",
                        hint: "write the policy's full id, `namespace:name`"))
            }
        }
        for entry in tree.luaEntries {
            checkSecurity(entry.security, of: entry.id, at: entry.mark)
            for (key, target) in entry.imports.sorted(by: { $0.key < $1.key })
            where tree.luaEntry(target)?.kind != .library {
                problems.append(
                    .error(
                        .invalidValue, at: entry.mark,
                        "import \(UserText.quoted(key)) of entry \(UserText.quoted(entry.id)) names \(UserText.quoted(target)), which is not a `library.lua` entry",
                        hint: "check the id in `imports`"))
            }
        }
        for service in tree.services {
            checkSecurity(service.security, of: service.id, at: service.mark)
            if tree.luaEntry(service.process)?.kind != .process {
                problems.append(
                    .error(
                        .invalidValue, at: service.mark,
                        "service \(UserText.quoted(service.id)) names the unknown process \(UserText.quoted(service.process))",
                        hint: "`process` must be the id of a `process.lua` entry"))
            }
            if tree.host(service.host) == nil {
                problems.append(
                    .error(
                        .invalidValue, at: service.mark,
                        "service \(UserText.quoted(service.id)) names the unknown host \(UserText.quoted(service.host))",
                        hint: "`host` must be the id of a `process.host` entry"))
            }
        }
        if let cycle = ServiceOrder.cycle(in: tree.services),
            let first = tree.services.first(where: { $0.id == cycle[0] })
        {
            problems.append(
                .error(
                    .invalidValue, at: first.mark,
                    "services require each other in a cycle: \(cycle.map(UserText.quoted).joined(separator: " -> "))",
                    hint: "remove one of these `lifecycle.requires` entries; a cycle cannot start"))
        }
        tree.diagnostics += problems
    }
}
