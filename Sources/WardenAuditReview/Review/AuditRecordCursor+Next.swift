extension AuditRecordCursor {
    /// A cursor over the records `next` returns until it returns `nil`, at most `limit` of
    /// them: the seam a store backend hands its rows to readers through.
    package convenience init(limit: Int?, next: @escaping () throws(AuditReadError) -> AuditReadRecord?) {
        self.init(ClosureRecordSource(next), limit: limit)
    }
}

/// A record source that asks a closure.
private final class ClosureRecordSource: RecordSource {
    private let produce: () throws(AuditReadError) -> AuditReadRecord?

    init(_ produce: @escaping () throws(AuditReadError) -> AuditReadRecord?) {
        self.produce = produce
    }

    func next() throws(AuditReadError) -> AuditReadRecord? { try produce() }
}
