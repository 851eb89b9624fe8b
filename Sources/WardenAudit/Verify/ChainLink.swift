/// What chain checking needs of a record: its `seq`, `prev` and `hash`, the hashes as their 64
/// hex bytes (compared and copied without strings).
struct ChainLink {
    /// The record's seq.
    var seq: Int
    /// The record's `prev`.
    var prev: HashText
    /// The record's `hash`.
    var hash: HashText

    /// The link of a record.
    init(_ record: AuditRecord) {
        seq = record.seq
        prev = HashText(record.prev)
        hash = HashText(record.hash)
    }

    /// The link of a line checked on its own: from `layout` when the check scanned it there,
    /// from its parsed record otherwise.
    init(_ checked: RecordLine.Checked, layout: RecordLayout, line: UnsafeBufferPointer<UInt8>) {
        switch checked {
        case .scanned: self.init(layout, line: line)
        case .parsed(let record): self.init(record)
        }
    }

    /// The link of the line `layout` scanned.
    init(_ layout: RecordLayout, line: UnsafeBufferPointer<UInt8>) {
        seq = layout.seq
        prev = HashText(UnsafeBufferPointer(rebasing: line[layout.prev.range]))
        hash = HashText(UnsafeBufferPointer(rebasing: line[layout.hash.range]))
    }
}
