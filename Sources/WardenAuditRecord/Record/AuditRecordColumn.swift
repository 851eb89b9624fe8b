/// The columns an audit store keeps for each record beside its canonical line, in the one order
/// every store uses: the SQLite schema, the inserts and bulk loads of both stores, and the
/// verifier's comparison of a row's columns with its line all follow this list. Adding a column
/// here is a compile error in every `switch` that must say how to fill or read it.
///
/// A store may add keys of its own around these (PostgreSQL keys rows by `node` and `seq`).
public enum AuditRecordColumn: String, CaseIterable, Sendable {
    case seq
    case id
    case timeMicros = "time_us"
    case node
    case op
    case callerPid = "caller_pid"
    case actor
    case decision
    case errorKind = "error_kind"
    case policyRevision = "policy_revision"
    case prev
    case hash
    case line

    /// The column's SQL name.
    public var name: String { rawValue }

    /// Whether the column holds an integer (the others hold text).
    public var isInteger: Bool { self == .seq || self == .timeMicros }

    /// Whether the column may be NULL: a record without a caller pid, an actor or an error.
    public var isNullable: Bool { self == .callerPid || self == .actor || self == .errorKind }

    /// Every column's name, comma-separated, in order (for `INSERT INTO t(...)` and `SELECT`).
    public static let nameList = allCases.map(\.name).joined(separator: ", ")

    /// The `decision` column of checkpoint rows (so SQL over calls leaves checkpoints out with
    /// `decision != 'checkpoint'`).
    public static let checkpointDecision = "checkpoint"

    /// The `decision` column of a record: its decision, or `checkpoint` for a checkpoint record.
    public static func decision(of record: AuditRecord) -> String {
        record.isCheckpoint ? checkpointDecision : record.decision.rawValue
    }

    /// This column's value for `record`, whose canonical line is `line`.
    public func value(of record: AuditRecord, line: String) -> AuditColumnValue {
        switch self {
        case .seq: .integer(Int64(record.seq))
        case .id: .text(record.id)
        case .timeMicros: .integer(record.time.microseconds)
        case .node: .text(record.node)
        case .op: .text(record.op)
        case .callerPid: AuditColumnValue(record.caller.pid)
        case .actor: AuditColumnValue(record.caller.actor?.id)
        case .decision: .text(Self.decision(of: record))
        case .errorKind: AuditColumnValue(record.error?.kind)
        case .policyRevision: .text(record.policyRevision)
        case .prev: .text(record.prev)
        case .hash: .text(record.hash)
        case .line: .text(line)
        }
    }
}

/// One column value of an audit row, as a store reads or writes it.
public enum AuditColumnValue: Hashable, Sendable {
    /// An integer column.
    case integer(Int64)
    /// A text column.
    case text(String)
    /// NULL (a nullable column without a value).
    case null

    /// `.text(text)`, or `.null` when `text` is `nil`.
    public init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }
}
