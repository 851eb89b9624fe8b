import WardenPolicy
import WardenRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The policy sets and resolved scopes one thread used last, so a guarded call finds them
/// without a lock: only the thread that owns a cache reads or writes it.
///
/// An entry is valid while its store's generation is unchanged; a reload bumps the generation,
/// and the next call on each thread refreshes its entry under the store's lock. Entries of
/// up to ``storeLimit`` stores are kept per thread (a store is named by a process-wide serial
/// number, never by an address that a later store could reuse), and up to ``scopeLimit``
/// distinct scopes per store: a scope is compared with `==` on its id arrays, which is cheap
/// because a process passes the same arrays on every call.
final class ThreadSnapshotCache {
    /// Stores remembered per thread; a thread rarely serves more than one.
    static let storeLimit = 4
    /// Scopes remembered per store and thread.
    static let scopeLimit = 8

    struct Entry {
        var store: UInt64
        var generation: UInt64
        var policies: PolicySet
        var scopes: [(SecurityScope, Result<ResolvedScope, ScopeError>)]
    }

    private var entries: [Entry] = []

    /// The calling thread's cache, created on first use and released when the thread ends;
    /// `nil` when the system has no thread-specific key to spare (callers then take the lock).
    static var current: ThreadSnapshotCache? {
        guard let key else { return nil }
        if let raw = pthread_getspecific(key) {
            return Unmanaged<ThreadSnapshotCache>.fromOpaque(raw).takeUnretainedValue()
        }
        let cache = ThreadSnapshotCache()
        guard pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque()) == 0 else {
            Unmanaged.passUnretained(cache).release()
            return nil
        }
        return cache
    }

    /// The snapshot for `scope` from store `store` at `generation`, or `nil` when this thread
    /// has not seen that generation (or that scope) yet.
    func lookup(store: UInt64, generation: UInt64, scope: SecurityScope?) -> PolicySnapshot? {
        for entry in entries where entry.store == store {
            guard entry.generation == generation else { return nil }
            guard let scope else { return PolicySnapshot(policies: entry.policies, scope: nil) }
            for (known, resolved) in entry.scopes where known == scope {
                return PolicySnapshot(policies: entry.policies, scope: resolved)
            }
            return nil
        }
        return nil
    }

    /// Remembers `snapshot` (taken at `generation`) for `scope`, replacing what this thread
    /// knew of an older generation of the same store.
    func remember(_ snapshot: PolicySnapshot, store: UInt64, generation: UInt64, scope: SecurityScope?) {
        var position = entries.firstIndex { $0.store == store }
        if let index = position, entries[index].generation != generation {
            entries[index] = Entry(store: store, generation: generation, policies: snapshot.policies, scopes: [])
        }
        if position == nil {
            if entries.count >= Self.storeLimit { entries.removeFirst() }
            entries.append(Entry(store: store, generation: generation, policies: snapshot.policies, scopes: []))
            position = entries.count - 1
        }
        guard let index = position, let scope, let resolved = snapshot.scope else { return }
        if entries[index].scopes.count >= Self.scopeLimit { entries[index].scopes.removeFirst() }
        entries[index].scopes.append((scope, resolved))
    }

    /// The thread-specific key of the caches; its destructor releases a thread's cache.
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { raw in
            #if canImport(Darwin)
            Unmanaged<ThreadSnapshotCache>.fromOpaque(raw).release()
            #else
            if let raw { Unmanaged<ThreadSnapshotCache>.fromOpaque(raw).release() }
            #endif
        }
        return status == 0 ? key : nil
    }()
}
