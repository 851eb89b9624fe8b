import WardenLua
import WardenPolicy
import WardenRuntime
import WardenYAML

/// Everything one registry tree holds: its policies and the Lua entries, hosts and services
/// `warden run` uses, with every problem found while reading it.
public struct RegistryTree: Sendable {
    /// The policy entries, read by the policy loader.
    public var policies = PolicyReading()
    /// `process.lua`, `function.lua` and `library.lua` entries, in load order.
    public var luaEntries: [LuaEntry] = []
    /// `process.host` and `terminal.host` entries, in load order.
    public var hosts: [HostEntry] = []
    /// `process.service` entries, in load order.
    public var services: [ServiceEntry] = []
    /// How many entries of each kind Warden does not run were seen.
    public var ignoredKinds: [String: Int] = [:]
    /// Problems of the registry entries (policy problems are in ``policies``).
    public var diagnostics: [PolicyDiagnostic] = []

    /// Every problem of the tree, ordered by position.
    public var allDiagnostics: [PolicyDiagnostic] { (policies.diagnostics + diagnostics).sortedByMark() }

    /// Whether the tree has an error.
    public var hasErrors: Bool { allDiagnostics.containsErrors }

    /// `ignored: 3 entries of kind http.endpoint`, one line per kind, sorted by kind.
    public var ignoredLines: [String] {
        ignoredKinds.sorted { $0.key < $1.key }.map { kind, count in
            "ignored: \(count) \(count == 1 ? "entry" : "entries") of kind \(kind)"
        }
    }

    /// The Lua entry with `id`.
    public func luaEntry(_ id: String) -> LuaEntry? { luaEntries.first { $0.id == id } }

    /// The host with `id`.
    public func host(_ id: String) -> HostEntry? { hosts.first { $0.id == id } }

    /// The process definition of a `process.lua` or `function.lua` entry, with its imported
    /// libraries (and theirs) loaded; library modules are added to the entry's own. `services`
    /// are the logger and terminal of its `logger` and `io` modules.
    public func definition(of entry: LuaEntry, services: LuaHostServices = LuaHostServices()) throws(LuaLoadError)
        -> LuaProcessDefinition
    {
        var libraries: [String: LuaLibrary] = [:]
        var modules = entry.modules
        var pending = Array(entry.imports)
        var seen: Set<String> = []
        while let (key, id) = pending.popLast() {
            guard libraries[key] == nil, let library = luaEntry(id), library.kind == .library else { continue }
            libraries[key] = try LuaLibrary(id: id, source: library.source, chunkName: library.sourcePath)
            modules += library.modules.filter { !modules.contains($0) }
            if seen.insert(id).inserted { pending += library.imports }
        }
        return try LuaProcessDefinition(
            id: entry.id, source: entry.source, chunkName: entry.sourcePath, method: entry.method,
            modules: modules, security: entry.security, libraries: libraries, services: services)
    }
}
