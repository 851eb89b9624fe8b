/// One `audit_records` row as a store reads it back for verification: a value per
/// ``AuditRecordColumn``, in that order.
public struct AuditStoredRow: Sendable {
    /// The values, in ``AuditRecordColumn`` order.
    public var values: [AuditColumnValue]

    /// A row of `values` in ``AuditRecordColumn`` order (one per column).
    public init(values: [AuditColumnValue]) {
        precondition(values.count == AuditRecordColumn.allCases.count, "one value per audit record column")
        self.values = values
    }

    /// The value of `column`.
    public subscript(column: AuditRecordColumn) -> AuditColumnValue {
        values[AuditRecordColumn.allCases.firstIndex(of: column)!]
    }

    /// The row's `seq` (0 when the stored value is not an integer).
    public var seq: Int {
        if case .integer(let seq) = self[.seq] { return Int(seq) }
        return 0
    }

    /// The row's canonical line (empty when the stored value is not text).
    public var line: String {
        if case .text(let line) = self[.line] { return line }
        return ""
    }

    /// The name of the first column, other than the line, that disagrees with `record` (the
    /// record read from this row's line), or `nil`.
    public func mismatch(with record: AuditRecord) -> String? {
        let line = self.line
        for (column, stored) in zip(AuditRecordColumn.allCases, values)
        where column != .line && stored != column.value(of: record, line: line) {
            return column.name
        }
        return nil
    }
}
