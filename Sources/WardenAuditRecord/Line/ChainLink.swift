/// What chain checking needs of a record: its `seq`, `prev` and `hash` (the hashes as their 64
/// hex bytes, compared and copied without strings), its id and time (which must go forward),
/// and, for a checkpoint, the head it seals.
package struct ChainLink {
    /// The record's seq.
    package var seq: Int
    /// The record's `prev`.
    package var prev: HashText
    /// The record's `hash`.
    package var hash: HashText
    /// The record's id as a number.
    package var id: RecordIDOrder
    /// The record's time.
    package var time: AuditTime
    /// The seq and hash a checkpoint record seals; `nil` for a call record.
    package var sealed: (seq: Int, hash: HashText)?

    /// The link of a record.
    package init(_ record: AuditRecord) {
        seq = record.seq
        prev = HashText(record.prev)
        hash = HashText(record.hash)
        id = RecordIDOrder(record.id)
        time = record.time
        sealed = record.checkpoint.map { ($0.sealedSeq, HashText($0.sealedHash)) }
    }

    /// The link of a line checked on its own: from `layout` when the check scanned it there,
    /// from its parsed record otherwise.
    package init(_ checked: RecordLine.Checked, layout: RecordLayout, line: UnsafeBufferPointer<UInt8>) {
        switch checked {
        case .scanned: self.init(layout, line: line)
        case .parsed(let record): self.init(record)
        }
    }

    /// The link of the line `layout` scanned (a call record: checkpoints are never scanned).
    package init(_ layout: RecordLayout, line: UnsafeBufferPointer<UInt8>) {
        seq = layout.seq
        prev = HashText(UnsafeBufferPointer(rebasing: line[layout.prev.range]))
        hash = HashText(UnsafeBufferPointer(rebasing: line[layout.hash.range]))
        id = RecordIDOrder(UnsafeBufferPointer(rebasing: line[layout.id.range]))
        time = layout.time
        sealed = nil
    }

    /// A link made of a database row's indexed columns (no checkpoint seal: the line is not read).
    package init(seq: Int, prev: String, hash: String, id: String, time: AuditTime) {
        self.seq = seq
        self.prev = HashText(prev)
        self.hash = HashText(hash)
        self.id = RecordIDOrder(id)
        self.time = time
        sealed = nil
    }
}
