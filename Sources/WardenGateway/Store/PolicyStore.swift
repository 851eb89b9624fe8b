import Synchronization
import WardenPolicy
import WardenRuntime
import WardenSync
import WardenValue

/// Holds the policy set the gateway decides with, and swaps in a new one atomically.
///
/// A call takes one ``PolicySnapshot`` at its start and makes every decision of that call
/// with it, so no call ever sees a half-reloaded set. A reload compiles the new set beside the
/// current one; when it has errors the current set stays and the diagnostics are returned.
///
/// Reading is lock-free on the gateway's path: the set and the caller's resolved scope come
/// from a cache of the calling thread (``ThreadSnapshotCache``) that is valid while the store's
/// generation, an atomic counter every swap increments, is unchanged. Only the first call on a
/// thread after a swap takes the lock to copy the new set and resolve its scope.
public final class PolicyStore: Sendable {
    /// The set in force and the generation it was published as; swapped under the lock.
    private let current: Locked<(set: PolicySet, generation: UInt64)>
    /// The generation in force: incremented (releasing) after each swap, under the lock.
    private let generation = Atomic<UInt64>(1)
    /// This store's process-wide serial number, naming it in thread caches.
    private let serial: UInt64
    private let sources: [String]
    private let reloads = Atomic<Int>(0)

    private static let serials = Atomic<UInt64>(0)

    /// Creates a store serving `policies`; `sources` are the paths ``reload()`` reads again.
    public init(_ policies: PolicySet, sources: [String] = []) {
        current = Locked((policies, 1))
        serial = Self.serials.add(1, ordering: .relaxed).newValue
        self.sources = sources
    }

    /// Loads `paths` (files or directories) and creates a store serving them.
    /// - Throws: ``PolicyLoadError`` with every error diagnostic when the policies do not load.
    public convenience init(loading paths: [String]) throws(PolicyLoadError) {
        let set = try PolicyLoader().load(paths: paths).get()
        self.init(set, sources: paths)
    }

    /// The policy set in force now.
    public var snapshot: PolicySet { snapshot(for: nil).policies }

    /// The policy set in force now with `scope` resolved against it: what one guarded call
    /// decides with. Lock-free unless this thread has not seen the current generation or the
    /// scope yet.
    public func snapshot(for scope: SecurityScope?) -> PolicySnapshot {
        let now = generation.load(ordering: .acquiring)
        let cache = ThreadSnapshotCache.current
        if let known = cache?.lookup(store: serial, generation: now, scope: scope) { return known }
        let (set, published) = current.withLock { ($0.set, $0.generation) }
        let fresh = PolicySnapshot(policies: set, scope: set.resolve(scope))
        cache?.remember(fresh, store: serial, generation: published, scope: scope)
        return fresh
    }

    /// The revision in force now.
    public var revision: String { snapshot.revision }

    /// How many reloads have swapped in a new set.
    public var reloadCount: Int { reloads.load(ordering: .relaxed) }

    /// Swaps in `policies` and returns the set it replaced. Calls that start after this returns
    /// decide with `policies`.
    @discardableResult
    public func replace(with policies: PolicySet) -> PolicySet {
        let old = current.withLock { state in
            let old = state.set
            state = (policies, state.generation + 1)
            generation.store(state.generation, ordering: .releasing)
            return old
        }
        reloads.add(1, ordering: .relaxed)
        return old
    }

    /// Loads the store's source paths again and swaps the result in when it has no error.
    /// - Returns: the load result: its set is in force when it has one; otherwise the old set
    ///   stays in force and the diagnostics say why.
    @discardableResult
    public func reload() -> PolicyLoadResult {
        reload(from: sources)
    }

    /// Loads `paths` and swaps the result in when it has no error (see ``reload()``).
    @discardableResult
    public func reload(from paths: [String]) -> PolicyLoadResult {
        let result = PolicyLoader().load(paths: paths)
        if let set = result.policySet { replace(with: set) }
        return result
    }
}
