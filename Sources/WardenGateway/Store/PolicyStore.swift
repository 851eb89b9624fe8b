import WardenValue
import Synchronization
import WardenPolicy

/// Holds the policy set the gateway decides with, and swaps in a new one atomically.
///
/// A call takes one ``PolicySet`` snapshot at its start and makes every decision of that call
/// with it, so no call ever sees a half-reloaded set. A reload compiles the new set beside the
/// current one; when it has errors the current set stays and the diagnostics are returned.
public final class PolicyStore: Sendable {
    private let current: Locked<PolicySet>
    private let sources: [String]
    private let reloads = Atomic<Int>(0)

    /// Creates a store serving `policies`; `sources` are the paths ``reload()`` reads again.
    public init(_ policies: PolicySet, sources: [String] = []) {
        current = Locked(policies)
        self.sources = sources
    }

    /// Loads `paths` (files or directories) and creates a store serving them.
    /// - Throws: ``PolicyLoadError`` with every error diagnostic when the policies do not load.
    public convenience init(loading paths: [String]) throws(PolicyLoadError) {
        let set = try PolicyLoader().load(paths: paths).get()
        self.init(set, sources: paths)
    }

    /// The policy set in force now.
    public var snapshot: PolicySet { current.withLock { $0 } }

    /// The revision in force now.
    public var revision: String { snapshot.revision }

    /// How many reloads have swapped in a new set.
    public var reloadCount: Int { reloads.load(ordering: .relaxed) }

    /// Swaps in `policies` and returns the set it replaced.
    @discardableResult
    public func replace(with policies: PolicySet) -> PolicySet {
        let old = current.withLock { set in
            let old = set
            set = policies
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
