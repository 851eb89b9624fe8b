import WardenValue

/// The per-process options of `get_options` / `set_options`.
public struct ProcessOptions: Sendable, Hashable {
    /// Whether an abnormal exit of a linked process arrives as a `LINK_DOWN` event (`true`)
    /// instead of making this process exit too (`false`, the default).
    public var trapLinks: Bool

    /// Creates options.
    public init(trapLinks: Bool = false) {
        self.trapLinks = trapLinks
    }

    /// The spec's table form: `{trap_links = ...}`.
    public var tableValue: Value { .map(["trap_links": .bool(trapLinks)]) }
}
