import WardenAuditReview

/// Prints records in one ``AuditRecordFormat``; tables are aligned when ``finish()`` is called.
final class AuditRecordPrinter {
    let format: AuditRecordFormat
    let io: AuditIO
    private var tableRows: [[String]] = []
    private var wroteHeader = false

    init(format: AuditRecordFormat, io: AuditIO) {
        self.format = format
        self.io = io
    }

    /// Prints (or, for a table, collects) one record.
    func print(_ read: AuditReadRecord) {
        switch format {
        case .jsonl: io.out(read.line + "\n")
        case .text: io.out(AuditRecordRows.textLine(read.record) + "\n")
        case .table: tableRows += AuditRecordRows.tableRows(read.record)
        case .csv:
            if !wroteHeader {
                io.out(AuditCSV.row(AuditRecordRows.csvHeader))
                wroteHeader = true
            }
            for row in AuditRecordRows.csvRows(read.record) { io.out(AuditCSV.row(row)) }
        }
    }

    /// Prints what is collected (the aligned table) and flushes.
    func finish() {
        if format == .table, !tableRows.isEmpty {
            io.out(AuditTable.render(header: AuditRecordRows.tableHeader, rows: tableRows))
            tableRows = []
        }
        if format == .csv, !wroteHeader {
            io.out(AuditCSV.row(AuditRecordRows.csvHeader))
            wroteHeader = true
        }
        io.flush()
    }
}
