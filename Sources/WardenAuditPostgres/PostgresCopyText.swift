import NIOCore

/// The rows of a batch in `COPY ... FROM STDIN` text format: tab-separated fields, one row per
/// line, `\N` for NULL, and backslash, tab, newline and carriage return escaped.
enum PostgresCopyText {
    static let recordColumns = [
        "node", "seq", "id", "time_us", "op", "caller_pid", "actor", "decision", "error_kind", "policy_revision",
        "prev", "hash", "line",
    ]
    static let checkColumns = ["node", "seq", "idx", "action", "resource", "decision"]
    static let policyColumns = ["node", "seq", "idx", "policy"]

    /// The `audit_records` rows.
    static func records(_ c: PostgresRecordColumns) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(c.line.reduce(0) { $0 + $1.utf8.count + 400 })
        for i in 0..<c.count {
            field(c.node[i], &buffer)
            number(c.seq[i], &buffer)
            field(c.id[i], &buffer)
            number(c.timeMicros[i], &buffer)
            field(c.op[i], &buffer)
            c.hasCallerPid[i] ? field(c.callerPid[i], &buffer) : null(&buffer)
            c.hasActor[i] ? field(c.actor[i], &buffer) : null(&buffer)
            field(c.decision[i], &buffer)
            c.hasErrorKind[i] ? field(c.errorKind[i], &buffer) : null(&buffer)
            field(c.policyRevision[i], &buffer)
            field(c.prev[i], &buffer)
            field(c.hash[i], &buffer)
            field(c.line[i], &buffer, last: true)
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
