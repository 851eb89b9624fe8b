import NIOCore
import WardenAuditRecord

/// The rows of a batch in `COPY ... FROM STDIN` text format: tab-separated fields, one row per
/// line, `\N` for NULL, and backslash, tab, newline and carriage return escaped.
enum PostgresCopyText {
    /// The `audit_records` columns, in ``AuditRecordColumn`` order.
    static let recordColumns = AuditRecordColumn.allCases.map(\.name)
    static let checkColumns = ["node", "seq", "idx", "action", "resource", "decision"]
    static let policyColumns = ["node", "seq", "idx", "policy"]

    /// The `audit_records` rows.
    static func records(_ c: PostgresRecordColumns) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(c.line.reduce(0) { $0 + $1.utf8.count + 400 })
        for i in 0..<c.count {
            for column in AuditRecordColumn.allCases {
                switch column {
                case .seq: number(c.seq[i], &buffer)
                case .id: field(c.id[i], &buffer)
                case .timeMicros: number(c.timeMicros[i], &buffer)
                case .node: field(c.node[i], &buffer)
                case .op: field(c.op[i], &buffer)
                case .callerPid: c.hasCallerPid[i] ? field(c.callerPid[i], &buffer) : null(&buffer)
                case .actor: c.hasActor[i] ? field(c.actor[i], &buffer) : null(&buffer)
                case .decision: field(c.decision[i], &buffer)
                case .errorKind: c.hasErrorKind[i] ? field(c.errorKind[i], &buffer) : null(&buffer)
                case .policyRevision: field(c.policyRevision[i], &buffer)
                case .prev: field(c.prev[i], &buffer)
                case .hash: field(c.hash[i], &buffer)
                case .line: field(c.line[i], &buffer)
                }
            }
            endRow(&buffer)
        }
        return buffer
    }

    /// The `audit_checks` rows.
    static func checks(_ c: PostgresRecordColumns) -> ByteBuffer {
        var buffer = ByteBuffer()
        for i in c.checkSeq.indices {
            field(c.checkNode[i], &buffer)
            number(c.checkSeq[i], &buffer)
            number(c.checkIdx[i], &buffer)
            field(c.checkAction[i], &buffer)
            field(c.checkResource[i], &buffer)
            field(c.checkDecision[i], &buffer, last: true)
        }
        return buffer
    }

    /// The `audit_check_policies` rows.
    static func policies(_ c: PostgresRecordColumns) -> ByteBuffer {
        var buffer = ByteBuffer()
        for i in c.policySeq.indices {
            field(c.policyNode[i], &buffer)
            number(c.policySeq[i], &buffer)
            number(c.policyIdx[i], &buffer)
            field(c.policy[i], &buffer, last: true)
        }
        return buffer
    }

    private static func number(_ value: Int, _ buffer: inout ByteBuffer) {
        buffer.writeString(String(value))
        buffer.writeInteger(UInt8(ascii: "\t"))
    }

    /// Ends a row whose fields were each written with a tab after them: the last tab becomes
    /// the newline.
    private static func endRow(_ buffer: inout ByteBuffer) {
        buffer.moveWriterIndex(to: buffer.writerIndex - 1)
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    private static func null(_ buffer: inout ByteBuffer) {
        buffer.writeStaticString("\\N\t")
    }

    /// Writes `text` escaped, then a tab (or a newline after the row's last field).
    static func field(_ text: String, _ buffer: inout ByteBuffer, last: Bool = false) {
        var plain = true
        for byte in text.utf8 where byte == 0x5C || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            plain = false
            break
        }
        if plain {
            buffer.writeString(text)
        } else {
            for byte in text.utf8 {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(last ? UInt8(ascii: "\n") : UInt8(ascii: "\t"))
    }
}
