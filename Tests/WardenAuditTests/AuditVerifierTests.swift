import Crypto
import Foundation
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenAuditReview

@Suite struct AuditVerifierTests {
    /// Writes a log of `count` records and returns its lines.
    private func makeLog(_ dir: TemporaryDirectory, _ name: String = "audit.jsonl", count: Int) async throws -> [String]
    {
        try await writeLog(dir.file(name), count: count)
        return try dir.lines(name)
    }

    private func writeLines(_ dir: TemporaryDirectory, _ name: String, _ lines: [String]) throws {
        try dir.write(name, Array(lines.map { $0 + "\n" }.joined().utf8))
    }

    private func verifyBreak(_ paths: [String], continued: Bool = false) -> AuditChainBreak? {
        do {
            _ = try AuditVerifier.verify(files: paths, continued: continued)
            return nil
        } catch {
            return error
        }
    }

    /// Re-seals a record value with a correct own hash (what an attacker who edits a record does).
    private func resealed(_ line: String, _ edit: (inout [String: Value]) -> Void) throws -> String {
        guard case .map(var map) = try Value(json: line) else { throw CancellationError() }
        edit(&map)
        map["hash"] = nil
        guard case .string(let prev) = map["prev"] else { throw CancellationError() }
        let body = Value.map(map).canonicalJSON
        let hash = SHA256.hash(data: Array((prev + body).utf8)).map { String(format: "%02x", $0) }.joined()
        map["hash"] = .string(hash)
        return Value.map(map).canonicalJSON
    }

    @Test func anIntactLogVerifies() async throws {
        let dir = try TemporaryDirectory()
        _ = try await makeLog(dir, count: 25)
        let result = try AuditVerifier.verify(files: [dir.file("audit.jsonl")])
        #expect(result.records == 25)
        #expect(result.description.hasPrefix("ok: 25 records, seq 1...25, head "))
    }

    @Test func alteringAnySingleByteFailsVerification() async throws {
        let dir = try TemporaryDirectory()
        _ = try await makeLog(dir, count: 3)
        let original = try dir.bytes("audit.jsonl")
        let path = dir.file("tampered.jsonl")
        var undetected: [Int] = []
        for position in original.indices {
            for replacement in [
                original[position] ^ 0x01,
                original[position] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a"),
            ] {
                var bytes = original
                bytes[position] = replacement
                try TemporaryDirectory.write(path: path, bytes)
                if verifyBreak([path]) == nil { undetected.append(position) }
            }
        }
        #expect(undetected.isEmpty, "changes at byte offsets \(undetected) were not detected")
    }

    @Test func aRemovedRecordIsASequenceGap() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 6)
        lines.remove(at: 2)
        try writeLines(dir, "cut.jsonl", lines)
        let found = verifyBreak([dir.file("cut.jsonl")])
        #expect(found?.kind == .sequenceGap)
        #expect(
            found?.description.hasPrefix("\(dir.file("cut.jsonl")):3 seq 4: sequence gap: expected seq 3, found seq 4")
                == true)
    }

    @Test func removedFirstRecordsAreReported() async throws {
        let dir = try TemporaryDirectory()
        let lines = try await makeLog(dir, count: 4)
        try writeLines(dir, "tail.jsonl", Array(lines.dropFirst(2)))
        #expect(verifyBreak([dir.file("tail.jsonl")])?.kind == .missingStart)
        #expect(verifyBreak([dir.file("tail.jsonl")], continued: true) == nil)
    }

    @Test func swappedRecordsAreReportedAsASwap() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 5)
        lines.swapAt(1, 2)
        try writeLines(dir, "swapped.jsonl", lines)
        let found = verifyBreak([dir.file("swapped.jsonl")])
        #expect(found?.kind == .swappedRecords)
        #expect(found?.location.line == 2)
        #expect(found?.message.hasPrefix("records 2 and 3 are swapped") == true)
    }

    @Test func aDuplicatedRecordIsOutOfOrder() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 3)
        lines.insert(lines[1], at: 2)
        try writeLines(dir, "dup.jsonl", lines)
        let found = verifyBreak([dir.file("dup.jsonl")])
        #expect(found?.kind == .outOfOrder)
        #expect(found?.seq == 2)
        #expect(found?.location.line == 3)
    }

    @Test func aReplacedRecordWithItsOwnValidHashBreaksTheChainAtTheNextRecord() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 4)
        lines[1] = try resealed(lines[1]) {
            $0["decision"] = "allow"
            $0["op"] = "process.terminate"
        }
        try writeLines(dir, "forged.jsonl", lines)
        let found = verifyBreak([dir.file("forged.jsonl")])
        #expect(found?.kind == .chainBroken)
        #expect(found?.seq == 3)
        #expect(found?.description.contains(":3 seq 3: chain broken") == true)
    }

    @Test func anAlteredFieldIsAnAlteredRecord() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 3)
        lines[2] = lines[2].replacingOccurrences(of: #""decision":"deny""#, with: #""decision":"allow""#)
        lines[2] = lines[2].replacingOccurrences(
            of: #""decision":"allow","duration"#, with: #""decision":"deny","duration"#)
        try writeLines(dir, "altered.jsonl", lines)
        let found = verifyBreak([dir.file("altered.jsonl")])
        #expect(found?.kind == .alteredRecord)
        #expect(found?.seq == 3)
    }

    @Test func filesGivenOutOfOrderAreReported() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 30, rotateAtBytes: 5000)
        let files = try AuditFileSet(activePath: dir.file("audit.jsonl")).files()
        #expect(files.count >= 3)
        var reordered = files
        reordered.swapAt(0, 1)
        let found = verifyBreak(reordered)
        #expect(found?.kind == .filesOutOfOrder)
        #expect(found?.location.path == files[0])
        var missing = files
        missing.remove(at: 1)
        #expect(verifyBreak(missing)?.kind == .missingFile)
        #expect(verifyBreak(files) == nil)
    }

    @Test func aTruncatedLastLineIsReportedDistinctly() async throws {
        let dir = try TemporaryDirectory()
        _ = try await makeLog(dir, count: 3)
        let bytes = try dir.bytes("audit.jsonl")
        try dir.write("cut.jsonl", Array(bytes.dropLast(40)))
        let found = verifyBreak([dir.file("cut.jsonl")])
        #expect(found?.kind == .truncatedRecord)
        #expect(found?.message.hasPrefix("truncated record at \(dir.file("cut.jsonl")):3") == true)
        // A complete last record whose newline is missing is still an incomplete write.
        try dir.write("nonl.jsonl", Array(bytes.dropLast()))
        #expect(verifyBreak([dir.file("nonl.jsonl")])?.kind == .truncatedRecord)
    }

    @Test func badJSONInTheMiddleIsReported() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 3)
        lines[1] = "{\"caller\": oops"
        try writeLines(dir, "bad.jsonl", lines)
        let found = verifyBreak([dir.file("bad.jsonl")])
        #expect(found?.kind == .invalidJSON)
        #expect(found?.location.line == 2)
    }

    @Test func aRecordFromAFutureVersionIsReported() async throws {
        let dir = try TemporaryDirectory()
        var lines = try await makeLog(dir, count: 2)
        lines.append(
            try resealed(lines[1]) {
                $0["v"] = 2
                $0["seq"] = 3
            })
        try writeLines(dir, "future.jsonl", lines)
        let found = verifyBreak([dir.file("future.jsonl")])
        #expect(found?.kind == .futureVersion)
        #expect(found?.message.contains("version `2` is newer") == true)
    }

    @Test(arguments: [
        "hello world\nsecond line\n",
        "{\"name\": \"config\", \"v\": 3}\n",
        "[1, 2, 3]\n",
        "\u{7F}ELF\u{02}\u{01}\u{01}\u{00}binary\u{00}\u{00}\n",
    ])
    func aFileThatIsNotAnAuditLogIsReported(content: String) throws {
        let dir = try TemporaryDirectory()
        try dir.write("other.txt", Array(content.utf8))
        let found = verifyBreak([dir.file("other.txt")])
        #expect(found?.kind == .notAnAuditLog)
        #expect(found?.message.hasPrefix("`\(dir.file("other.txt"))` is not an audit log") == true)
    }

    @Test func anEmptyFileHoldsNoRecords() throws {
        let dir = try TemporaryDirectory()
        try dir.write("empty.jsonl", [])
        #expect(try AuditVerifier.verify(files: [dir.file("empty.jsonl")]).records == 0)
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(verifyBreak(["/nonexistent/audit.jsonl"])?.kind == .unreadable)
    }
}
