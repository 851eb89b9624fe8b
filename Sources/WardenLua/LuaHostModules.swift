/// The modules a Lua process can `require` when its entry lists them in `modules`
/// (spec/lua-host.md section 4): one per module piece of the prelude (`time`, `json`, `uuid`,
/// `ctx`, `logger`, `security`, `io`), plus `os`, which names the safe subset of the global.
///
/// A registry loader warns about any other name in a `modules` list, and `require` of it fails
/// when it runs; both read this one list, so they cannot disagree.
public enum LuaHostModules {
    /// The module names.
    public static let names: Set<String> = {
        let prefix = "module."
        var names: Set<String> = ["os"]
        for piece in LuaPrelude.sources.keys where piece.hasPrefix(prefix) {
            names.insert(String(piece.dropFirst(prefix.count)))
        }
        return names
    }()
}
