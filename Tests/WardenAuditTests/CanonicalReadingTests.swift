import Crypto
import Foundation
import Testing
import WardenValue

@testable import WardenAuditRecord

/// Lines in the writer's form are checked and read in one pass (``RecordLayout``,
/// ``CanonicalRecordReader``); any other line falls back to the full parser and re-encoding.
/// These tests hold the one-pass reading to the full path: whatever it accepts, the full path
/// accepts with the same record, and every line it rejects verifies (or fails) exactly as before.
@Suite("canonical reading") struct CanonicalReadingTests {
    static let prev = String(repeating: "ab", count: 32)

    /// The line of `entry` sealed at `seq` after ``prev``, built from the record's value as the
    /// format defines it (independently of the writer).
    static func line(_ entry: AuditEntry, seq: Int = 7) -> String {
        sealed(
            AuditRecord(
                entry: entry, id: "0190a3b2-0000-7000-8000-000000000001", seq: seq, node: "n", prev: prev, hash: ""))
    }

    /// `record`'s line with a hash that matches its content.
    static func sealed(_ record: AuditRecord) -> String {
        var record = record
        record.hash = hex(Value.map(record.valueWithoutHash).canonicalJSON, prev: record.prev)
        return record.value.canonicalJSON
    }

    /// A line edited as text, then given a hash that matches its (edited) content, the way an
    /// attacker re-seals a record: the line is then judged on its form and fields alone.
    static func resealed(_ line: String, _ edit: Edit) -> [UInt8] {
        var bytes = Array(line.utf8)
        let find = Array(edit.find.utf8)
        let at = try! #require(firstIndex(of: find, in: bytes), "`\(edit.find)` is in the line")
        bytes.replaceSubrange(at..<(at + find.count), with: Array(edit.replace.utf8))
        let hashKey = Array(#","hash":""#.utf8)
        let start = try! #require(firstIndex(of: hashKey, in: bytes))
        let member = start..<(start + hashKey.count + 65)
        var body = bytes
        body.removeSubrange(member)
        let hash = Array(hex(String(decoding: body, as: UTF8.self), prev: prev).utf8)
        bytes.replaceSubrange((start + hashKey.count)..<(start + hashKey.count + 64), with: hash)
        return bytes
    }

    /// Where `needle` first occurs in `bytes`, byte for byte.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func hex(_ body: String, prev: String) -> String {
        SHA256.hash(data: Array((prev + body).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The full path's reading, without the one-pass reader: the parsed value must encode back
    /// to the line and be a valid record.
    static func fullReading(_ line: [UInt8]) -> AuditRecord? {
        guard let value = try? JSONLineParser.parse(line), case .map(let map) = value,
            RecordLine.canonicalForms(map).full == line
        else { return nil }
        return try? AuditRecord(value: value)
    }

    /// The one-pass reading (no hash check), `nil` when it declines the line.
    static func canonicalReading(_ line: [UInt8], sharing: Bool = false) -> AuditRecord? {
        line.withUnsafeBufferPointer { buffer in
            var reader = CanonicalRecordReader(sharing: sharing)
            return try? reader.record(buffer)
        }
    }

    /// What verification says of a line: the record, or the fault's kind, seq and message.
    static func verdict(_ verify: () throws(RecordLine.Fault) -> AuditRecord) -> String {
        do {
            return "ok \(try verify().value.canonicalJSON)"
        } catch {
            return "\(error.kind) \(error.seq.map(String.init) ?? "-") \(error.message)"
        }
    }

    /// Verification as it is (one pass first) and as it was (the full path only).
    static func verdicts(_ line: [UInt8]) -> (now: String, before: String) {
        let now = verdict { () throws(RecordLine.Fault) in try RecordLine.verify(line) }
        let before = verdict { () throws(RecordLine.Fault) in
            let result = line.withUnsafeBufferPointer { buffer in
                Result { () throws(RecordLine.Fault) -> AuditRecord in try RecordLine.verifyFully(buffer) }
            }
            return try result.get()
        }
        return (now, before)
    }

    @Test(arguments: 0..<60)
    func readsTheRecordTheFullPathReads(n: Int) throws {
        let line = Array(Self.line(Entries.varied(n)).utf8)
        let full = try #require(Self.fullReading(line))
        #expect(Self.canonicalReading(line) == full)
        #expect(Self.canonicalReading(line, sharing: true) == full)
        let (now, before) = Self.verdicts(line)
        #expect(now == before)
        #expect(now.hasPrefix("ok "))
    }

    /// The caller's call site (`relay.lua:42`) is written after `scope` when there is one and
    /// left out otherwise; a `null` site is no record of ours, whichever path reads it.
    @Test func aCallSiteIsWrittenOnlyWhenThereIsOne() throws {
        var entry = Entries.varied(1)
        entry.caller.site = "relay.lua:42"
        let line = Self.line(entry)
        #expect(line.contains(#""scope":["ns:p1","quote \" and \\ backslash"],"site":"relay.lua:42"}"#))
        let read = try #require(Self.canonicalReading(Array(line.utf8)))
        #expect(read.caller.site == "relay.lua:42")
        #expect(Self.fullReading(Array(line.utf8)) == read)
        entry.caller.site = nil
        #expect(!Self.line(entry).contains("site"))
        let null = Self.resealed(line, Edit("null site", #""site":"relay.lua:42""#, #""site":null"#))
        #expect(Self.canonicalReading(null) == nil)
        #expect(Self.fullReading(null) == nil)
        let (now, before) = Self.verdicts(null)
        #expect(now == before)
        #expect(now.contains("caller.site"), "\(now)")
    }

    @Test func sharingRepeatedPartsKeepsEveryRecordIntact() {
        // One reader over many lines: repeated strings, lists and objects come from its tables.
        var reader = CanonicalRecordReader(sharing: true)
        for n in 0..<200 {
            let line = Array(Self.line(Entries.varied(n % 23), seq: n + 1).utf8)
            let read = line.withUnsafeBufferPointer { try? reader.record($0) }
            #expect(read == Self.fullReading(line), "line \(n)")
        }
    }

    /// Every single-byte change of a few lines: the one-pass reading either declines the line or
    /// reads what the full path reads, and verification reports exactly what it reported before.
    @Test(arguments: [1, 2, 5, 7])
    func anySingleByteChangeIsJudgedAsBefore(n: Int) {
        let original = Array(Self.line(Entries.varied(n)).utf8)
        var accepted = 0
        for position in original.indices {
            for replacement: UInt8 in [original[position] ^ 0x01, 0x20, 0x22, 0x5C, 0xC3, 0x7F]
            where replacement != original[position] {
                var line = original
                line[position] = replacement
                if let read = Self.canonicalReading(line) {
                    accepted += 1
                    #expect(read == Self.fullReading(line), "byte \(position) -> \(replacement)")
                }
                let (now, before) = Self.verdicts(line)
                #expect(now == before, "byte \(position) -> \(replacement)")
            }
        }
        // Some changes leave a readable record (another character in a string): those are read.
        #expect(accepted > 0)
    }

    /// A textual change to the line of one of ``Entries/varied(_:)``.
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var entry: Int
        var find: String
        var replace: String
        var testDescription: String { name }

        init(_ name: String, entry: Int = 1, _ find: String, _ replace: String) {
            self.name = name
            self.entry = entry
            self.find = find
            self.replace = replace
        }
    }

    /// Lines that are JSON and valid records, but not in the canonical form: each is declined by
    /// the one-pass reader and reported exactly as before.
    @Test(arguments: [
        Edit("a space after a colon", #""node":"n""#, #""node": "n""#),
        Edit("a space after a comma", #","node":"#, #", "node":"#),
        Edit("a trailing space", #""v":1}"#, #""v":1} "#),
        Edit("a carriage return at the end", #""v":1}"#, "\"v\":1}\r"),
        Edit(
            "two members out of order", #""decision":"deny","duration_ns":17"#, #""duration_ns":17,"decision":"deny""#),
        Edit("an escaped letter", #""node":"n""#, #""node":"\u006e""#),
        Edit("an escaped slash", entry: 6, #""dest":"/slash/""#, #""dest":"\/slash/""#),
        Edit("a newline escaped as \\u000a", entry: 2, #"line\nbreak"#, #"line\u000abreak"#),
        Edit("a control escaped in uppercase hex", entry: 4, #"\u001f"#, #"\u001F"#),
        Edit("a quote escaped as \\u0022", #"quote \" and"#, #"quote \u0022 and"#),
        Edit("an integer written as 17.0", #""duration_ns":17"#, #""duration_ns":17.0"#),
        Edit("an integer with an exponent", #""duration_ns":17"#, #""duration_ns":1.7e1"#),
        Edit("a float with a trailing zero", #""n":0.5"#, #""n":0.50"#),
        Edit("a float with an exponent", #""n":0.5"#, #""n":5e-1"#),
        Edit("a float with a plus sign in the exponent", #""n":0.5"#, #""n":5E+0"#),
        Edit("a whole float with a fraction", entry: 7, #""n":-7"#, #""n":-7.0"#),
        Edit("a large float with an exponent", entry: 3, #""n":300000000000000000000"#, #""n":3e20"#),
    ])
    func nonCanonicalFormsAreDeclinedAndReportedAsBefore(edit: Edit) {
        let line = Self.resealed(Self.line(Entries.varied(edit.entry)), edit)
        #expect(Self.canonicalReading(line) == nil)
        let (now, before) = Self.verdicts(line)
        #expect(now == before)
        #expect(now.hasPrefix("nonCanonical"), "\(now)")
    }

    /// Lines that are not JSON, or not valid records, with everything else in place: declined,
    /// and reported exactly as before.
    @Test(arguments: [
        Edit("a duplicate key", #""topic":"t""#, #""topic":"t","topic":"u""#),
        Edit("a raw control character", #""topic":"t""#, "\"topic\":\"t\u{01}\""),
        Edit("minus zero for an integer field", #""duration_ns":17"#, #""duration_ns":-0"#),
        Edit("a leading zero", #""duration_ns":17"#, #""duration_ns":017"#),
        Edit("an unknown field", #""v":1}"#, #""v":1,"w":2}"#),
        Edit("a later version", #""v":1}"#, #""v":2}"#),
        Edit(
            "null for the error", #""error":{"kind":"INVALID","message":"quote \" and \\ backslash"}"#, #""error":null"#
        ),
        Edit("an uppercase digit in prev", #""prev":"abab"#, #""prev":"ABab"#),
        Edit("an uppercase digit in the id", #""id":"0190a3b2"#, #""id":"0190A3b2"#),
        Edit("a time without microseconds", #".234567Z""#, #"Z""#),
        Edit("seq zero", #""seq":7"#, #""seq":0"#),
        Edit("seq as a string", #""seq":7"#, #""seq":"7""#),
        Edit("an unknown context", #""context":"complete""#, #""context":"partial""#),
        Edit(
            "a check decision out of the enumeration", #""decision":"deny","errors""#, #""decision":"maybe","errors""#),
        Edit("a number in a list of strings", #""scope":["ns:p1""#, #""scope":[1"#),
        Edit("a missing field", #","node":"n""#, ""),
        Edit("nesting past the end", #""v":1}"#, #""v":1}}"#),
    ])
    func invalidLinesAreDeclinedAndReportedAsBefore(edit: Edit) {
        let line = Self.resealed(Self.line(Entries.varied(edit.entry)), edit)
        #expect(Self.canonicalReading(line) == nil)
        let (now, before) = Self.verdicts(line)
        #expect(now == before)
        #expect(!now.hasPrefix("ok"), "\(now)")
    }

    /// Keys that differ in bytes but are equal Swift strings (canonical equivalence) are
    /// duplicates for the parser; the one-pass reader must not take them for distinct keys.
    @Test(arguments: [["e\u{301}", "\u{E9}"], ["K", "\u{212A}"]])
    func canonicallyEquivalentKeysAreDuplicates(keys: [String]) {
        let meta = #"{"\#(keys[0])":1,"\#(keys[1])":2}"#
        let line = Self.resealed(
            Self.line(Entries.varied(1)), Edit("keys", #""meta":{"k":-7,"nested":{"a":[1,"x"]}}"#, #""meta":"# + meta))
        #expect(Self.firstIndex(of: Array(meta.utf8), in: line) != nil, "the keys are written as given")
        #expect(keys[0].utf8.lexicographicallyPrecedes(keys[1].utf8), "and in byte order")
        #expect(Self.canonicalReading(line) == nil)
        let (now, before) = Self.verdicts(line)
        #expect(now == before)
        #expect(now.hasPrefix("invalidJSON"), "\(now)")
    }

    @Test(arguments: [
        ("a lone continuation byte", [0x80] as [UInt8]), ("an overlong slash", [0xC0, 0xAF]),
        ("a surrogate", [0xED, 0xA0, 0x80]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("a cut sequence", [0xE2, 0x82]),
    ])
    func invalidUTF8IsDeclinedAndReportedAsBefore(_ description: String, bytes: [UInt8]) throws {
        var line = Array(Self.line(Entries.varied(1)).utf8)
        let at = try #require(Self.firstIndex(of: Array(#""topic":"t"#.utf8), in: line)) + #""topic":"t"#.utf8.count
        line.insert(contentsOf: bytes, at: at)
        #expect(Self.canonicalReading(line) == nil, "\(description)")
        let (now, before) = Self.verdicts(line)
        #expect(now == before, "\(description)")
        #expect(now.hasPrefix("invalidJSON"), "\(description): \(now)")
    }

    /// Nesting in free-form objects is limited as the parser limits it (64 levels in all).
    @Test(arguments: [63, 64, 65])
    func nestingIsLimitedAsTheParserLimitsIt(depth: Int) {
        // The check's meta is at level 4 of the record; `depth - 4` more objects inside it.
        var nested: Value = 1
        for _ in 0..<(depth - 4) { nested = ["n": nested] }
        var entry = Entries.varied(1)
        entry.checks[0].meta = ["deep": nested]
        let line = Array(Self.line(entry).utf8)
        let full = Self.fullReading(line)
        #expect((full != nil) == (depth <= 64))
        #expect(Self.canonicalReading(line) == full)
        let (now, before) = Self.verdicts(line)
        #expect(now == before)
    }

    @Test func floatsAndExtremeIntegersReadAsTheParserReadsThem() throws {
        var entry = Entries.varied(0)
        entry.target = [
            "a": .double(-0.0), "b": .double(1e21), "c": .double(1.5e-7), "d": .int(Int.min), "e": .int(Int.max),
            "f": .double(9_223_372_036_854_775_808.0), "g": .double(0.1),
            "h": [.double(2.5), .null, .bool(false), [:], []],
        ]
        let line = Array(Self.line(entry).utf8)
        let full = try #require(Self.fullReading(line))
        #expect(Self.canonicalReading(line) == full)
        #expect(full.target["a"] == .double(-0.0))
    }

    @Test func theWordAtATimeScanFindsEverySpecialByteAtEveryOffset() {
        // A string of plain letters with one byte that needs a look, at each position of an
        // eight-byte word and past it.
        for special: [UInt8] in [[0x22], [0x5C, 0x6E], [0x01], [0x1F], [0xC3, 0xA9], [0x7F], [0x5B]] {
            for offset in 0..<20 {
                var content = [UInt8](repeating: UInt8(ascii: "a"), count: 24)
                content.replaceSubrange(offset..<(offset + 1), with: special)
                let json = [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]
                var span: StringSpan?
                var end = 0
                json.withUnsafeBufferPointer { buffer in
                    var scanner = CanonicalScanner(buffer)
                    span = try? scanner.stringSpan()
                    end = scanner.index
                }
                switch special {
                case [0x22]:
                    // The quote ends the string there.
                    #expect(span?.range == 1..<(1 + offset))
                case [0x01], [0x1F]:
                    #expect(span == nil)
                default:
                    #expect(end == json.count, "\(special) at \(offset)")
                    #expect(span?.escaped == (special == [0x5C, 0x6E]))
                    #expect((try? JSONLineParser.parse(json)) != nil)
                }
            }
        }
    }
}
