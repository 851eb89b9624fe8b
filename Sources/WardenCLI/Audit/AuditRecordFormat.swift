import ArgumentParser

/// How `query` and `tail` print records.
enum AuditRecordFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns, one row per check (the default on a terminal for `query`).
    case table
    /// The stored canonical JSON lines, one per record (the default when not on a terminal).
    case jsonl
    /// RFC 4180 CSV with a header, one row per check.
    case csv
    /// One line per record, for following (the default on a terminal for `tail`).
    case text
}
