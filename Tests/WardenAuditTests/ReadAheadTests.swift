import Testing

@testable import WardenAuditReview

/// Reading ahead on a thread of its own yields what the plain cursor yields: the same records
/// in the same order, and a damaged line's error after the records before it.
@Suite(.timeLimit(.minutes(5))) struct ReadAheadTests {
    /// The lines of every record read, then the error that stopped reading (or `nil`).
    private func readAll(_ cursor: AuditRecordCursor) -> (lines: [String], error: String?) {
        var lines: [String] = []
        do {
            while let read = try cursor.next() { lines.append(read.line) }
            return (lines, nil)
        } catch {
            return (lines, error.description)
        }
    }

    @Test func readingAheadYieldsTheSameRecordsInOrder() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 700)
        let reader = AuditReader.files([dir.file("audit.jsonl")])
        let plain = readAll(try reader.records())
        let ahead = readAll(try reader.recordsReadAhead())
        #expect(plain.lines.count == 700)
        #expect(ahead.lines == plain.lines)
        #expect(ahead.error == nil)
        // A filter and a limit apply the same way.
        let filter = AuditFilter(decision: .deny)
        #expect(
            readAll(try reader.recordsReadAhead(matching: filter, limit: 40)).lines
                == readAll(try reader.records(matching: filter, limit: 40)).lines)
    }

    @Test func aDamagedLineStopsReadingAfterTheRecordsBeforeIt() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 600)
        var lines = try dir.lines("audit.jsonl")
        lines[520] = "{not json"
        try dir.write("audit.jsonl", Array(lines.map { $0 + "\n" }.joined().utf8))
        let reader = AuditReader.files([dir.file("audit.jsonl")])
        let plain = readAll(try reader.records())
        let ahead = readAll(try reader.recordsReadAhead())
        #expect(plain.lines.count == 520)
        #expect(ahead.lines == plain.lines)
        #expect(ahead.error != nil)
        #expect(ahead.error == plain.error)
    }

    @Test func aCursorLeftBeforeTheEndStopsItsReader() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 3000)
        let reader = AuditReader.files([dir.file("audit.jsonl")])
        for _ in 0..<20 {
            // Take a few records and drop the cursor: its thread must stop (the deinit waits).
            let cursor = try reader.recordsReadAhead()
            #expect(try cursor.next() != nil)
        }
    }
}
