import WardenRegistry

/// What `-x [HOST/]ENTRY` names: an entry to run and the host to run it on.
struct ExecTarget: Equatable {
    /// The `process.lua` or `function.lua` entry id.
    let entry: String
    /// The host id.
    let host: String

    /// Parses `text` against `tree`: without HOST, the tree's only `terminal.host` (or, when it
    /// has none, its only `process.host`).
    init(parsing text: String, in tree: RegistryTree) throws {
        var entry = text
        var host: String?
        if let slash = text.lastIndex(of: "/") {
            host = String(text[..<slash])
            entry = String(text[text.index(after: slash)...])
        }
        guard let found = tree.luaEntry(entry), found.kind != .library else {
            throw CommandFailure.invalid(
                "unknown entry `\(entry)` in -x; hint: give the id of a `process.lua` or `function.lua` entry (`namespace:name`)"
            )
        }
        if let host {
            guard tree.host(host) != nil else {
                throw CommandFailure.invalid(
                    "unknown host `\(host)` in -x; hint: give the id of a `process.host` or `terminal.host` entry")
            }
            self.host = host
        } else {
            let terminals = tree.hosts.filter(\.isTerminal)
            let candidates = terminals.isEmpty ? tree.hosts : terminals
            guard candidates.count == 1, let only = candidates.first else {
                throw CommandFailure.invalid(
                    "-x `\(text)` names no host and the tree has \(candidates.count) candidate hosts; hint: write `-x HOST/\(entry)`"
                )
            }
            self.host = only.id
        }
        self.entry = entry
    }
}
