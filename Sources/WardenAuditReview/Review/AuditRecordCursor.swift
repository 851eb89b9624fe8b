/// Iterates the records of an ``AuditReader`` one by one.
public final class AuditRecordCursor {
    private let source: any RecordSource
    private var remaining: Int?

    init(_ source: any RecordSource, limit: Int?) {
        self.source = source
        self.remaining = limit
    }

    /// The next matching record, or `nil` when there is none.
    public func next() throws(AuditReadError) -> AuditReadRecord? {
        if let remaining, remaining <= 0 { return nil }
        let record = try source.next()
        if record != nil, let left = remaining { remaining = left - 1 }
        return record
    }
}

/// A stream of filtered records behind an ``AuditRecordCursor``.
protocol RecordSource: AnyObject {
    /// The next matching record, or `nil` at the end.
    func next() throws(AuditReadError) -> AuditReadRecord?
}
