/// A host processes run on, and how many of its processes may run at once.
public struct HostConfiguration: Sendable, Hashable {
    /// The host id, e.g. `app:processes`; must be non-empty without `|`, `{` or `}`.
    public var id: String
    /// The most processes of this host alive at once; a spawn beyond it is `INVALID` (`host-full`).
    public var maxProcesses: Int

    /// Creates a host configuration.
    public init(id: String, maxProcesses: Int) {
        self.id = id
        self.maxProcesses = maxProcesses
    }
}
