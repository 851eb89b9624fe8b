import Synchronization
import WardenSync
import WardenValue

/// A compiled, immutable policy set: the snapshot every check is evaluated against.
///
/// Policies are kept in id order with their patterns pre-split, regular expressions built,
/// field paths resolved and an index by action (and resource). Copies share storage; a reload
/// builds a new set and swaps it in whole.
public struct PolicySet: Sendable {
    let storage: Storage

    /// SHA-256 (hex) of the canonical policy content; equal content gives an equal revision.
    public var revision: String { storage.revision }

    /// The policies as written (meta merged, groups qualified), sorted by id.
    public var definitions: [PolicyDefinition] { storage.definitions }

    /// Every policy id, sorted.
    public var policyIDs: [String] { storage.policies.map(\.id) }

    /// Every group id some policy belongs to, sorted.
    public var groupIDs: [String] { storage.groupIDs }

    /// The number of policies.
    public var count: Int { storage.policies.count }

    /// The definition with this id, if loaded.
    public func definition(id: String) -> PolicyDefinition? {
        storage.positions[id].map { storage.definitions[$0] }
    }

    /// The ids of the policies in group `group` (sorted; empty for an unknown group).
    public func policies(inGroup group: String) -> [String] {
        (storage.groups[group] ?? []).map { storage.policies[$0].id }
    }

    /// A scope holding every policy of the set.
    public var allPolicies: ResolvedScope { storage.all }

    /// Validates and compiles `definitions` (in any order). All problems are reported; the set
    /// exists only when there is no error.
    public static func compile(_ definitions: [PolicyDefinition]) -> PolicyLoadResult {
        var diagnostics: [PolicyDiagnostic] = []
        // Positions in `definitions`, so each definition is copied once, into the set.
        var compiled: [(definition: Int, policy: CompiledPolicy)] = []
        var seen: [String: Int] = [:]
        seen.reserveCapacity(definitions.count)
        for position in definitions.indices {
            let id = definitions[position].id
            if let first = seen[id] {
                diagnostics.append(
                    .error(
                        .duplicateID, at: definitions[position].marks.name,
                        "duplicate policy id `\(id)`, first defined at \(definitions[first].marks.name)",
                        hint: "rename one of the two entries"))
                continue
            }
            seen[id] = position
            if let policy = PolicyCompiler.compile(definitions[position], diagnostics: &diagnostics) {
                compiled.append((position, policy))
            }
        }
        guard !diagnostics.containsErrors else {
            return PolicyLoadResult(
                policySet: nil, diagnostics: diagnostics, definitions: definitions, validPolicyCount: compiled.count,
                failedPolicyCount: definitions.count - compiled.count)
        }
        // Sort once by id (UTF-8 order), with the ids computed once.
        let ids = compiled.map(\.policy.id)
        let order = ids.indices.sorted { Value.utf8Less(ids[$0], ids[$1]) }
        let sortedDefinitions = order.map { definitions[compiled[$0].definition] }
        let set = PolicySet(
            storage: Storage(
                revision: PolicyRevision.of(sorted: sortedDefinitions, ids: order.map { ids[$0] }),
                definitions: sortedDefinitions, policies: order.map { compiled[$0].policy }))
        return PolicyLoadResult(
            policySet: set, diagnostics: diagnostics, definitions: definitions, validPolicyCount: compiled.count,
            failedPolicyCount: definitions.count - compiled.count)
    }
}

extension PolicySet {
    /// The shared, immutable contents of a policy set.
    final class Storage: Sendable {
        let revision: String
        let definitions: [PolicyDefinition]
        let policies: [CompiledPolicy]
        /// `policies` again, as unretained references for the hot path (see
        /// ``CompiledPolicy/conditionRefs``); `policies` keeps them alive.
        let policyRefs: [Unmanaged<CompiledPolicy>]
        /// Every pattern of every policy, flattened for matching.
        let table: MatchTable
        let positions: [String: Int]
        let groups: [String: [Int]]
        let groupIDs: [String]
        let all: ResolvedScope
        /// Scopes already resolved, so processes that share a scope share its index.
        let scopeCache = Locked<[ScopeSpec: ResolvedScope]>([:])

        init(revision: String, definitions: [PolicyDefinition], policies: [CompiledPolicy]) {
            self.revision = revision
            self.definitions = definitions
            self.policies = policies
            policyRefs = policies.map { Unmanaged.passUnretained($0) }
            table = MatchTable(policies)
            var positions: [String: Int] = [:]
            var groups: [String: [Int]] = [:]
            for (position, definition) in definitions.enumerated() {
                positions[definition.id] = position
                for group in Set(definition.groups) { groups[group, default: []].append(position) }
            }
            self.positions = positions
            self.groups = groups
            groupIDs = groups.keys.sorted(by: Value.utf8Less)
            all = ResolvedScope(
                revision: revision, members: Array(policies.indices), policies: policies)
        }
    }
}
