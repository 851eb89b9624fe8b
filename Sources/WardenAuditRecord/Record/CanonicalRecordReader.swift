import WardenValue

/// Reads record lines in the writer's canonical form into ``AuditRecord``s, for review: each
/// line is checked by ``RecordLayout`` and its record built from the layout, the same record
/// `AuditRecord(value:)` makes of the parsed line.
///
/// With `sharing`, strings, string lists and objects that repeat from record to record are
/// built once and shared (``InternTable``): most of a log's records differ only in their ids,
/// times and hashes, so a long read allocates far less. One reader serves one sequence of lines.
package struct CanonicalRecordReader {
    private var layout = RecordLayout()
    private var strings: InternTable<String>?
    private var lists: InternTable<[String]>?
    private var maps: InternTable<[String: Value]>?

    /// A reader; `sharing` keeps repeated parts of records to share them.
    package init(sharing: Bool) {
        if sharing {
            strings = InternTable(size: 4096)
            lists = InternTable(size: 256)
            maps = InternTable(size: 1024)
        }
    }

    /// The record of a line in canonical form; throws ``NotCanonical`` for any other line (which
    /// the full parser may still read).
    package mutating func record(_ line: UnsafeBufferPointer<UInt8>) throws(NotCanonical) -> AuditRecord {
        try layout.scan(line)
        return try record(of: layout, line: line)
    }

    /// The record of `line`, which `layout` scanned. (The free-form objects are parsed again to
    /// build their values; they were checked, so this does not fail unless the layout is not
    /// `line`'s.)
    package mutating func record(of layout: RecordLayout, line: UnsafeBufferPointer<UInt8>) throws(NotCanonical)
        -> AuditRecord
    {
        var actor: Actor?
        if let scanned = layout.actor {
            actor = Actor(id: string(scanned.id, line), meta: try map(scanned.meta, line, depth: 4))
        }
        let caller = AuditCaller(
            pid: layout.pid.map { string($0, line) }, frame: layout.frame.map { string($0, line) }, actor: actor,
            scope: strings(layout.scope, of: layout, line), groups: strings(layout.groups, of: layout, line),
            context: layout.context, site: layout.site.map { string($0, line) })
        var checks: [AuditCheck] = []
        checks.reserveCapacity(layout.checks.count)
        for check in layout.checks {
            checks.append(
                AuditCheck(
                    action: string(check.action, line), resource: string(check.resource, line),
                    decision: check.decision,
                    policies: strings(check.policies, of: layout, line),
                    errors: strings(check.errors, of: layout, line),
                    meta: try map(check.meta, line, depth: 4)))
        }
        var error: AuditCallError?
        if let scanned = layout.error {
            error = AuditCallError(kind: string(scanned.kind, line), message: string(scanned.message, line))
        }
        let entry = AuditEntry(
            time: layout.time, op: string(layout.op, line), caller: caller,
            target: try map(layout.target, line, depth: 2),
            checks: checks, decision: layout.decision, error: error,
            policyRevision: string(layout.policyRevision, line),
            durationNanoseconds: layout.duration)
        // Ids and hashes never repeat: not worth a cache slot.
        let s = CanonicalScanner(line)
        return AuditRecord(
            entry: entry, id: s.string(layout.id), seq: layout.seq, node: string(layout.node, line),
            prev: s.string(layout.prev),
            hash: s.string(layout.hash))
    }

    private mutating func string(_ span: StringSpan, _ line: UnsafeBufferPointer<UInt8>) -> String {
        let text = UnsafeBufferPointer(rebasing: line[span.range])
        if let known = strings?.value(for: text) { return known }
        let string = CanonicalScanner(line).string(span)
        strings?.store(string, for: text)
        return string
    }

    /// The strings of a list whose spans are `range` in the layout's ``RecordLayout/strings``.
    private mutating func strings(_ range: Range<Int>, of layout: RecordLayout, _ line: UnsafeBufferPointer<UInt8>)
        -> [String]
    {
        guard let first = range.first, let last = range.last else { return [] }
        // The list's text: from the first string's opening quote to the last one's closing quote.
        let text = UnsafeBufferPointer(
            rebasing: line[(layout.strings[first].range.lowerBound - 1)..<(layout.strings[last].range.upperBound + 1)])
        if let known = lists?.value(for: text) { return known }
        var list: [String] = []
        list.reserveCapacity(range.count)
        for span in layout.strings[range] { list.append(string(span, line)) }
        lists?.store(list, for: text)
        return list
    }

    private mutating func map(_ range: Range<Int>, _ line: UnsafeBufferPointer<UInt8>, depth: Int) throws(NotCanonical)
        -> [String: Value]
    {
        guard range.count > 2 else { return [:] }
        let text = UnsafeBufferPointer(rebasing: line[range])
        if let known = maps?.value(for: text) { return known }
        var scanner = CanonicalScanner(line, at: range.lowerBound)
        let map = try scanner.map(depth: depth)
        maps?.store(map, for: text)
        return map
    }
}
