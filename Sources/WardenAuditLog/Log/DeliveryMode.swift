/// When ``AuditLog/record(_:)`` returns relative to the record reaching storage.
public enum DeliveryMode: String, Sendable, Hashable, CaseIterable {
    /// Returns once the record is queued; a writer thread writes batches. A full queue makes
    /// callers wait; records are never dropped. A crash loses at most the queued records.
    case async
    /// Returns once the record was handed to the operating system (`write(2)`).
    case sync
    /// Returns once the record is on stable storage (`fsync`); concurrent callers share one
    /// fsync (group commit).
    case durable
}

/// What happens to a call whose audit record cannot be written.
public enum FailurePolicy: String, Sendable, Hashable, CaseIterable {
    /// The call fails: ``AuditLog/record(_:)`` throws. The default, and the safe choice.
    case failClosed = "fail-closed"
    /// The call proceeds; the failure is counted in ``AuditLog/failureCount`` and logged.
    case failOpen = "fail-open"
}
