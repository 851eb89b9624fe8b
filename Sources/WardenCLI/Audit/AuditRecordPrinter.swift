import WardenAuditReview

/// Prints records in one ``AuditRecordFormat``; tables are aligned when ``finish()`` is called.
final class AuditRecordPrinter {
    let format: AuditRecordFormat
    private let output: BlockBufferedOutput
    private var tableRows: [[String]] = []
    private var wroteHeader = false

    /// Prints to `io.output` in blocks (see ``finish()``).
    init(format: AuditRecordFormat, io: CommandIO) {
        self.format = format
        output = BlockBufferedOutput(io.output)
    }

    /// Prints (or, for a table, collects) one record.
    func print(_ read: AuditReadRecord) {
        switch format {
        case .jsonl: output.write(read.line + "\n")
        case .text: output.write(AuditRecordRows.textLine(read.record) + "\n")
        case .table: tableRows += AuditRecordRows.tableRows(read.record)
        case .csv:
            if !wroteHeader {
                output.write(AuditCSV.row(AuditRecordRows.csvHeader))
                wroteHeader = true
            }
            for row in AuditRecordRows.csvRows(read.record) { output.write(AuditCSV.row(row)) }
        }
    }

    /// Prints what is collected (the aligned table) and flushes.
    func finish() {
        if format == .table, !tableRows.isEmpty {
            output.write(AuditTable.render(header: AuditRecordRows.tableHeader, rows: tableRows))
            tableRows = []
        }
        if format == .csv, !wroteHeader {
            output.write(AuditCSV.row(AuditRecordRows.csvHeader))
            wroteHeader = true
        }
        output.flush()
    }
}
