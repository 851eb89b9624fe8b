import Foundation
import WardenRegistry

/// The test functions `--test [PATTERN]` runs: `function.lua` entries with `meta.type: test`
/// whose id matches the glob (`*`, `?`, `[...]`), in load order.
enum TestSelection {
    /// The matching entries.
    static func tests(in tree: RegistryTree, matching pattern: String?) -> [LuaEntry] {
        tree.luaEntries.filter { entry in
            entry.isTest && (pattern.map { fnmatch($0, entry.id, 0) == 0 } ?? true)
        }
    }
}
