/// An entry on its way to the writer, encoded by the caller or left for the writer to encode.
///
/// Encoding (``EntryFields``) is most of a record's cost. `sync` and `durable` callers encode
/// their own entries, in parallel, while they would wait anyway. An `async` caller hands its
/// entry over unencoded while the writer keeps up, so the call does not pay for it (the writer
/// thread encodes on another core), and encodes it itself once a backlog shows the writer is
/// the bottleneck, so producers share the work again.
package final class PreparedEntry: Sendable {
    /// The entry.
    package let entry: AuditEntry
    private let encoded: EntryFields?

    /// Encodes `entry` now, for a log named `node`.
    package init(entry: AuditEntry, node: String) {
        self.entry = entry
        encoded = EntryFields(entry: entry, node: node)
    }

    /// Leaves the encoding of `entry` to the writer.
    package init(deferring entry: AuditEntry) {
        self.entry = entry
        encoded = nil
    }

    /// Whether the caller already encoded the entry.
    var isEncoded: Bool { encoded != nil }

    /// The entry's fragments for a log named `node`, encoding them now if the caller did not.
    func fields(node: String) -> EntryFields {
        encoded ?? EntryFields(entry: entry, node: node)
    }
}
