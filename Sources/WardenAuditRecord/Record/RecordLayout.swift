/// Where the fields of one record line are, after ``RecordLayout/scan(_:)`` checked that the
/// line is a valid version-1 record in canonical form: spans of its strings, its numbers and
/// enumerations, and the byte ranges of its free-form objects (`target`, actor and check
/// `meta`), without building any string or value.
///
/// One layout is reused from line to line (its lists keep their storage), so checking a line
/// allocates nothing. ``CanonicalRecordReader`` builds the record when one is needed.
package struct RecordLayout {
    /// One check of the record.
    package struct Check {
        package var action = StringSpan(range: 0..<0, escaped: false)
        package var decision = AuditCheckDecision.allow
        /// Range in ``RecordLayout/strings``.
        var errors = 0..<0
        /// The `meta` object's text.
        var meta = 0..<0
        /// Range in ``RecordLayout/strings``.
        package var policies = 0..<0
        package var resource = StringSpan(range: 0..<0, escaped: false)
    }

    /// The caller's actor: its id and the `meta` object's text.
    package var actor: (id: StringSpan, meta: Range<Int>)?
    var context = AuditContext.complete
    var frame: StringSpan?
    /// Range in ``strings``.
    var groups = 0..<0
    package var pid: StringSpan?
    /// Range in ``strings``.
    var scope = 0..<0
    /// The caller's call site, when the record has one.
    var site: StringSpan?
    package var checks: [Check] = []
    package var decision = AuditDecision.allow
    package var duration = 0
    package var error: (kind: StringSpan, message: StringSpan)?
    package var hash = StringSpan(range: 0..<0, escaped: false)
    /// The bytes of `,"hash":"..."`: the line without them is the canonical JSON that was hashed.
    var hashMember = 0..<0
    package var id = StringSpan(range: 0..<0, escaped: false)
    package var node = StringSpan(range: 0..<0, escaped: false)
    package var op = StringSpan(range: 0..<0, escaped: false)
    package var policyRevision = StringSpan(range: 0..<0, escaped: false)
    package var prev = StringSpan(range: 0..<0, escaped: false)
    package var seq = 0
    /// The `target` object's text.
    var target = 0..<0
    package var time = AuditTime(microseconds: 0)
    /// The strings of every list of the record (scope, groups, policies, errors).
    package var strings: [StringSpan] = []

    /// An empty layout, filled by ``scan(_:)``.
    package init() {}

    /// Reads a whole line as a version-1 record in canonical form, with every field of the
    /// right type and valid, exactly as the writer produces it.
    ///
    /// It accepts only lines that the full path (``JSONLineParser``, re-encoding, then
    /// `AuditRecord(value:)`) accepts too, and with the same content; anything else, including
    /// a valid record in a form it does not handle, throws ``NotCanonical``, and the caller
    /// takes the full path, whose errors say what is wrong.
    package mutating func scan(_ line: UnsafeBufferPointer<UInt8>) throws(NotCanonical) {
        checks.removeAll(keepingCapacity: true)
        strings.removeAll(keepingCapacity: true)
        var s = CanonicalScanner(line)
        try s.expect(#"{"caller":{"actor":"#)
        if s.skip("null") {
            actor = nil
        } else {
            try s.expect(#"{"id":"#)
            let actorID = try s.stringSpan()
            try s.expect(#","meta":"#)
            actor = (actorID, try s.skipMap(depth: 4))
            try s.expect(UInt8(ascii: "}"))
        }
        try s.expect(#","context":"#)
        context = try Self.enumeration(&s)
        try s.expect(#","frame":"#)
        frame = try s.nullableStringSpan()
        try s.expect(#","groups":"#)
        groups = try s.stringSpans(into: &strings)
        try s.expect(#","pid":"#)
        pid = try s.nullableStringSpan()
        try s.expect(#","scope":"#)
        scope = try s.stringSpans(into: &strings)
        site = s.skip(#","site":"#) ? try s.stringSpan() : nil
        try s.expect(#"},"checks":["#)
        if !s.skip(UInt8(ascii: "]")) {
            repeat {
                try scanCheck(&s)
            } while s.skip(UInt8(ascii: ","))
            try s.expect(UInt8(ascii: "]"))
        }
        try s.expect(#","decision":"#)
        decision = try Self.enumeration(&s)
        try s.expect(#","duration_ns":"#)
        duration = try s.int()
        guard duration >= 0 else { throw NotCanonical() }
        if s.skip(#","error":{"kind":"#) {
            let kind = try s.stringSpan()
            try s.expect(#","message":"#)
            error = (kind, try s.stringSpan())
            try s.expect(UInt8(ascii: "}"))
        } else {
            error = nil
        }
        let hashStart = s.index
        try s.expect(#","hash":"#)
        hash = try Self.hexHash(&s)
        hashMember = hashStart..<s.index
        try s.expect(#","id":"#)
        id = try Self.uuid(&s)
        try s.expect(#","node":"#)
        node = try s.stringSpan()
        try s.expect(#","op":"#)
        op = try s.stringSpan()
        try s.expect(#","policy_revision":"#)
        policyRevision = try s.stringSpan()
        try s.expect(#","prev":"#)
        prev = try Self.hexHash(&s)
        try s.expect(#","seq":"#)
        seq = try s.int()
        guard seq >= 1 else { throw NotCanonical() }
        try s.expect(#","target":"#)
        target = try s.skipMap(depth: 2)
        try s.expect(#","time":"#)
        time = try Self.time(&s)
        try s.expect(#","v":1}"#)
        guard s.atEnd else { throw NotCanonical() }
    }

    private mutating func scanCheck(_ s: inout CanonicalScanner) throws(NotCanonical) {
        var check = Check()
        try s.expect(#"{"action":"#)
        check.action = try s.stringSpan()
        try s.expect(#","decision":"#)
        check.decision = try Self.enumeration(&s)
        try s.expect(#","errors":"#)
        check.errors = try s.stringSpans(into: &strings)
        try s.expect(#","meta":"#)
        check.meta = try s.skipMap(depth: 4)
        try s.expect(#","policies":"#)
        check.policies = try s.stringSpans(into: &strings)
        try s.expect(#","resource":"#)
        check.resource = try s.stringSpan()
        try s.expect(UInt8(ascii: "}"))
        checks.append(check)
    }

    /// A string naming a case of `E`.
    private static func enumeration<E: RawRepresentable>(_ s: inout CanonicalScanner) throws(NotCanonical) -> E
    where E.RawValue == String {
        let span = try s.stringSpan()
        guard !span.escaped,
            let value = E(rawValue: String(decoding: UnsafeBufferPointer(rebasing: s.bytes[span.range]), as: UTF8.self))
        else { throw NotCanonical() }
        return value
    }

    /// 64 lowercase hex digits (`prev`, `hash`).
    private static func hexHash(_ s: inout CanonicalScanner) throws(NotCanonical) -> StringSpan {
        let span = try s.stringSpan()
        guard span.range.count == 64 else { throw NotCanonical() }
        for i in span.range where !ChainHash.isHexDigit(s.bytes[i]) { throw NotCanonical() }
        return span
    }

    /// A lowercase UUID with dashes (`id`).
    private static func uuid(_ s: inout CanonicalScanner) throws(NotCanonical) -> StringSpan {
        let span = try s.stringSpan()
        guard span.range.count == 36 else { throw NotCanonical() }
        for (i, c) in s.bytes[span.range].enumerated() {
            let valid = i == 8 || i == 13 || i == 18 || i == 23 ? c == UInt8(ascii: "-") : ChainHash.isHexDigit(c)
            guard valid else { throw NotCanonical() }
        }
        return span
    }

    /// `time` in the record form: 27 bytes of digits and `-:.TZ`, so the bytes are the string.
    private static func time(_ s: inout CanonicalScanner) throws(NotCanonical) -> AuditTime {
        let span = try s.stringSpan()
        guard !span.escaped, let time = AuditTime(recordForm: UnsafeBufferPointer(rebasing: s.bytes[span.range])) else {
            throw NotCanonical()
        }
        return time
    }
}
