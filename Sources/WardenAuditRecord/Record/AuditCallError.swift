/// Why a guarded call failed, as written in a record's `error` field.
public struct AuditCallError: Sendable, Hashable {
    /// The error kind, e.g. `PERMISSION_DENIED`, `INVALID`, `NOT_FOUND`, `INTERNAL`.
    public var kind: String
    /// The error message given to the caller.
    public var message: String

    /// Creates an error description.
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}
