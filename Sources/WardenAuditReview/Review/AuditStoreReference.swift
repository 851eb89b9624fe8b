/// An ``AuditStore`` inside ``AuditReader/Source``: equal when the stores name the same location.
public struct AuditStoreReference: Sendable, Hashable {
    /// The store.
    public let store: any AuditStore

    /// Wraps a store.
    public init(_ store: any AuditStore) {
        self.store = store
    }

    /// Equal locations.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.store.location == rhs.store.location }

    /// Hashes the location.
    public func hash(into hasher: inout Hasher) { hasher.combine(store.location) }
}

/// A record source reading a store's cursor.
final class CursorRecordSource: RecordSource {
    private let cursor: AuditRecordCursor

    init(_ cursor: AuditRecordCursor) {
        self.cursor = cursor
    }

    func next() throws(AuditReadError) -> AuditReadRecord? { try cursor.next() }
}
