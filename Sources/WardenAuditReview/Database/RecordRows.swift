import WardenAuditRecord

/// Records as the database stores them, ready to insert: every text column's bytes in one
/// buffer, and rows that point into it. A batch of records becomes a few large arrays instead of
/// an object graph per record, and inserting binds straight from the buffer.
struct RecordRows: Sendable {
    /// A text column's bytes in ``bytes``.
    typealias Text = Range<Int>

    /// One `audit_records` row: a field per ``AuditRecordColumn``.
    struct Record: Sendable {
        var seq: Int
        var id: Text
        var timeMicros: Int64
        var node: Text
        var op: Text
        var callerPid: Text?
        var actor: Text?
        /// `allow` or `deny`, or `checkpoint` for a checkpoint record.
        var decision: String
        var errorKind: Text?
        var policyRevision: Text
        var prev: Text
        var hash: Text
        var line: Text
    }

    /// One `audit_checks` row.
    struct Check: Sendable {
        var seq: Int
        var idx: Int
        var action: Text
        var resource: Text
        var decision: AuditCheckDecision
    }

    /// One `audit_check_policies` row.
    struct Policy: Sendable {
        var policy: Text
        var seq: Int
        var idx: Int
    }

    /// The text of every column.
    private(set) var bytes: [UInt8] = []
    private(set) var records: [Record] = []
    private(set) var checks: [Check] = []
    private(set) var policies: [Policy] = []

    /// No rows.
    init() {}

    /// Rows for sealed records.
    init(_ batch: [SealedRecord]) {
        for sealed in batch { append(sealed.record, line: sealed.lineBytes) }
    }

    /// Whether there are no rows.
    var isEmpty: Bool { records.isEmpty }

    /// How many records.
    var count: Int { records.count }

    /// The last record's seq and hash.
    var head: AuditChainHead? {
        records.last.map { AuditChainHead(seq: $0.seq, hash: String(decoding: bytes[$0.hash], as: UTF8.self)) }
    }

    /// Adds a record and its line.
    mutating func append(_ record: AuditRecord, line: [UInt8]) {
        let lineText = append(bytes: line)
        for (idx, check) in record.checks.enumerated() {
            for policy in check.policies { policies.append(Policy(policy: append(policy), seq: record.seq, idx: idx)) }
            checks.append(
                Check(
                    seq: record.seq, idx: idx, action: append(check.action), resource: append(check.resource),
                    decision: check.decision))
        }
        records.append(
            Record(
                seq: record.seq, id: append(record.id), timeMicros: record.time.microseconds, node: append(record.node),
                op: append(record.op), callerPid: record.caller.pid.map { append($0) },
                actor: record.caller.actor.map { append($0.id) },
                decision: AuditRecordColumn.decision(of: record), errorKind: record.error.map { append($0.kind) },
                policyRevision: append(record.policyRevision),
                prev: append(record.prev), hash: append(record.hash), line: lineText))
    }

    /// Adds the record of a line that `layout` scanned: its strings are the line's own bytes,
    /// unless escaped (then decoded after it).
    mutating func append(_ layout: RecordLayout, line: UnsafeBufferPointer<UInt8>) {
        let base = bytes.count
        bytes.append(contentsOf: line)
        func text(_ span: StringSpan) -> Text {
            guard span.escaped else { return (base + span.range.lowerBound)..<(base + span.range.upperBound) }
            let start = bytes.count
            CanonicalScanner.appendDecoded(UnsafeBufferPointer(rebasing: line[span.range]), to: &bytes)
            return start..<bytes.count
        }
        for (idx, check) in layout.checks.enumerated() {
            for policy in layout.strings[check.policies] {
                policies.append(Policy(policy: text(policy), seq: layout.seq, idx: idx))
            }
            checks.append(
                Check(
                    seq: layout.seq, idx: idx, action: text(check.action), resource: text(check.resource),
                    decision: check.decision))
        }
        records.append(
            Record(
                seq: layout.seq, id: text(layout.id), timeMicros: layout.time.microseconds, node: text(layout.node),
                op: text(layout.op),
                callerPid: layout.pid.map(text), actor: layout.actor.map { text($0.id) },
                decision: layout.decision.rawValue,
                errorKind: layout.error.map { text($0.kind) }, policyRevision: text(layout.policyRevision),
                prev: text(layout.prev),
                hash: text(layout.hash), line: base..<(base + line.count)))
    }

    private mutating func append(bytes new: [UInt8]) -> Text {
        let start = bytes.count
        bytes.append(contentsOf: new)
        return start..<bytes.count
    }

    private mutating func append(_ string: String) -> Text {
        let start = bytes.count
        bytes.append(contentsOf: string.utf8)
        return start..<bytes.count
    }
}
