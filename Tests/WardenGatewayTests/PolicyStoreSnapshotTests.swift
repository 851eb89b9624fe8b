import Testing
import WardenGateway
import WardenPolicy
import WardenRuntime

/// The store's lock-free snapshots: a reload takes effect for the next call on every thread,
/// stores and scopes never mix, and one snapshot's set and scope always belong together.
@Suite("policy store snapshots", .timeLimit(.minutes(5)))
struct PolicyStoreSnapshotTests {
    static func set(_ names: [String], group: String = "all") throws -> PolicySet {
        var yaml = "namespace: t\nentries:\n"
        for name in names {
            yaml += """
                  - name: \(name)
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: allow}
                    groups: [\(group)]

                """
        }
        return try PolicyLoader().load(yaml: yaml, file: "\(names.joined()).yaml").get()
    }

    @Test("a snapshot taken after a replace on the same thread sees the new set and re-resolves the scope")
    func replaceTakesEffectForTheNextSnapshot() throws {
        let first = try Self.set(["a"])
        let second = try Self.set(["a", "b"])
        let store = PolicyStore(first)
        let scope = SecurityScope(groups: ["t:all"])
        let before = store.snapshot(for: scope)
        #expect(before.policies.revision == first.revision)
        #expect(try before.scope?.get().count == 1)
        store.replace(with: second)
        let after = store.snapshot(for: scope)
        #expect(after.policies.revision == second.revision)
        #expect(try after.scope?.get().count == 2)
        #expect(try after.scope?.get().revision == second.revision)
        #expect(store.snapshot.revision == second.revision)
    }

    @Test("a scope that did not resolve resolves once a reload brings its group")
    func unknownGroupThenKnown() throws {
        let store = PolicyStore(try Self.set(["a"], group: "other"))
        let scope = SecurityScope(groups: ["t:all"])
        guard case .failure(.unknownGroup(let group, _))? = store.snapshot(for: scope).scope else {
            Issue.record("an unknown group must not resolve")
            return
        }
        #expect(group == "t:all")
        store.replace(with: try Self.set(["a"]))
        #expect(try store.snapshot(for: scope).scope?.get().count == 1)
    }

    @Test("stores and scopes used on one thread never answer for each other, past the cache's limits")
    func storesAndScopesStayApart() throws {
        var stores: [(PolicyStore, PolicySet)] = []
        for i in 0..<6 {
            let set = try Self.set((0...i).map { "p\($0)" })
            stores.append((PolicyStore(set), set))
        }
        let scopes = (0..<10).map { SecurityScope(policies: ["t:p0"], groups: $0 % 2 == 0 ? ["t:all"] : []) }
        for _ in 0..<3 {
            for (store, set) in stores {
                #expect(store.snapshot.revision == set.revision)
                for scope in scopes {
                    let snapshot = store.snapshot(for: scope)
                    let expected = scope.groups.isEmpty ? 1 : set.count
                    #expect(try snapshot.scope?.get().count == expected)
                    #expect(try snapshot.scope?.get().revision == set.revision)
                }
                #expect(store.snapshot(for: nil).scope == nil)
            }
        }
    }

    @Test("snapshots taken on many threads during reloads pair each set with its own scope, and the last reload wins")
    func reloadsDuringSnapshots() async throws {
        let sets = try (1...4).map { n in try Self.set((0..<n).map { "p\($0)" }) }
        let store = PolicyStore(sets[0])
        let scope = SecurityScope(groups: ["t:all"])
        let mismatches = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for i in 0..<400 { store.replace(with: sets[i % sets.count]) }
                return 0
            }
            for _ in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<2_000 {
                        let snapshot = store.snapshot(for: scope)
                        let resolved = try? snapshot.scope?.get()
                        if resolved?.revision != snapshot.policies.revision
                            || resolved?.count != snapshot.policies.count
                        {
                            wrong += 1
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        let last = sets[399 % sets.count]
        store.replace(with: sets[1])
        store.replace(with: last)
        let seen = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { store.snapshot(for: scope).policies.revision } }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(seen == [last.revision])
    }
}
