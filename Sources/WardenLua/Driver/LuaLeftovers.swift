import WardenRuntime
import WardenSync
import WardenValue

/// Elements a Lua process had drawn from its runtime channels when it called
/// `process.upgrade`, handed to the Lua code that runs next under the same PID.
///
/// The runtime keeps a process's channels (and their unread elements) across an upgrade; the
/// elements a Lua process had already taken out of them live here until the next Lua body of
/// that PID starts and puts them back in front. If the new code is not Lua they stay here
/// (a few elements per such upgrade): a known limit, see docs/lua.md.
final class LuaLeftovers: Sendable {
    /// The one store of the program.
    static let shared = LuaLeftovers()

    private let state = Locked([PID: [ObjectIdentifier: [ExternalItem]]]())

    /// Keeps `items` (by runtime channel identity) for the next body of `pid`.
    func store(_ items: [ObjectIdentifier: [ExternalItem]], for pid: PID) {
        guard !items.isEmpty else { return }
        state.withLock { $0[pid] = items }
    }

    /// Takes what was kept for `pid`.
    func take(for pid: PID) -> [ObjectIdentifier: [ExternalItem]] {
        state.withLock { $0.removeValue(forKey: pid) ?? [:] }
    }
}
