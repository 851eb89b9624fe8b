import Foundation
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenAuditReview

/// Signed checkpoints: where the writer puts them, and what `verify --key` proves with them.
@Suite struct AuditCheckpointTests {
    let key = AuditSigningKey.generate()

    private func verify(_ path: String, keys: [AuditPublicKey]? = nil, heads: [String] = []) throws -> AuditVerification
    {
        try AuditVerifier.verify(
            files: [path], options: AuditVerifyOptions(keys: keys ?? [key.publicKey], expectedHeads: heads))
    }

    private func breakOf(_ paths: [String], keys: [AuditPublicKey]? = nil, heads: [String] = []) -> AuditChainBreak? {
        do {
            _ = try AuditVerifier.verify(
                files: paths, options: AuditVerifyOptions(keys: keys ?? [key.publicKey], expectedHeads: heads))
            return nil
        } catch {
            return error
        }
    }

    @Test func theWriterSealsOnOpeningEveryNRecordsAndFinallyOnClosing() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 25, everyRecords: 10)
        let lines = try dir.lines("a.jsonl")
        let positions = lines.indices.filter { Forgery.isCheckpoint(lines[$0]) }
        // Opening checkpoint (seals the empty log), after 10 and 20 calls, final after the 25th.
        #expect(positions == [0, 11, 22, 28])
        let records = try lines.map { try AuditRecord(value: Value(json: $0)) }
        #expect(records[0].checkpoint?.sealedSeq == 0)
        #expect(records[0].checkpoint?.sealedHash == AuditRecord.genesisHash)
        #expect(records[0].checkpoint?.isFinal == false)
        #expect(records[28].checkpoint?.isFinal == true)
        #expect(records[28].checkpoint?.sealedSeq == 28)
        #expect(records[11].checkpoint?.keyID == key.publicKey.id)
        let result = try verify(dir.file("a.jsonl"))
        #expect(result.records == 29)
        #expect(result.checkpoints == 4)
        #expect(result.signaturesChecked)
        #expect(result.warnings.isEmpty)
        #expect(result.description.contains("4 signed checkpoints verified"))
    }

    @Test func aReopenedLogStartsWithASignedCheckpointAndStillVerifies() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 3)
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 3)
        let lines = try dir.lines("a.jsonl")
        // open, 3 calls, final; open (sealing the first writer's final checkpoint), 3 calls, final.
        #expect(lines.indices.filter { Forgery.isCheckpoint(lines[$0]) } == [0, 4, 5, 9])
        #expect(try verify(dir.file("a.jsonl")).warnings.isEmpty)
    }

    @Test func withoutAKeyCheckpointsAreCheckedForTheirPlaceButNotTheirSignature() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 5)
        let result = try AuditVerifier.verify(files: [dir.file("a.jsonl")])
        #expect(!result.signaturesChecked)
        #expect(result.description.contains("2 checkpoints, signatures not checked (give --key)"))
    }

    @Test func aRechainedEditFromDenyToAllowIsARewrittenHistory() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 25)
        let lines = try dir.lines("a.jsonl")
        // Line 3 is seq 3, the second call: denied.
        #expect(lines[2].contains(#""decision":"deny""#))
        let forged = try Forgery.rechain(lines, editing: 2) { record in
            record["decision"] = "allow"
            record["error"] = nil
        }
        try dir.write("a.jsonl", Array((forged.joined(separator: "\n") + "\n").utf8))
        // Even without the key, the checkpoint no longer seals the record before it.
        #expect(breakOf([dir.file("a.jsonl")], keys: [])?.kind == .checkpointMismatch)
        let found = breakOf([dir.file("a.jsonl")])
        #expect(found?.kind == .checkpointMismatch)
        #expect(found?.location.line == 12)
        #expect(found?.message.contains("the history before it was rewritten") == true)
    }

    @Test func aRechainedEditThatAlsoRewritesTheSealFailsTheSignature() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 25)
        var lines = try Forgery.rechain(try dir.lines("a.jsonl"), editing: 2) {
            $0["decision"] = "allow"
            $0["error"] = nil
        }
        // Make every later checkpoint seal the new chain again, re-chaining after each.
        for index in lines.indices where Forgery.isCheckpoint(lines[index]) && index > 2 {
            lines = try Forgery.rechain(lines, editing: index) { record in
                guard case .map(var checkpoint)? = record["checkpoint"], case .string(let prev)? = record["prev"] else {
                    return
                }
                checkpoint["sealed_hash"] = .string(prev)
                record["checkpoint"] = .map(checkpoint)
            }
        }
        try dir.write("a.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        // The plain chain verifies: only the signature tells.
        #expect((try? AuditVerifier.verify(files: [dir.file("a.jsonl")])) != nil)
        let found = breakOf([dir.file("a.jsonl")])
        #expect(found?.kind == .badSignature)
        #expect(found?.location.line == 12)
    }

    @Test func aForgedRecordAppendedAfterTheFinalCheckpointIsABreak() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 5)
        var lines = try dir.lines("a.jsonl")
        lines.append(try Forgery.appended(after: lines[lines.count - 1], entry: signedEntry(99)))
        try dir.write("a.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect((try? AuditVerifier.verify(files: [dir.file("a.jsonl")])) != nil)
        let found = breakOf([dir.file("a.jsonl")])
        #expect(found?.kind == .appendedAfterClose)
        #expect(found?.seq == 8)
        #expect(found?.message.hasPrefix("records appended after the writer closed the log") == true)
    }

    @Test func recordsAfterANonFinalCheckpointAreAnUnsignedTailWarning() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 15, everyRecords: 10)
        // A writer that crashed: no final checkpoint after the last 5 records.
        var lines = try dir.lines("a.jsonl")
        #expect(Forgery.isCheckpoint(lines.removeLast()))
        try dir.write("a.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try verify(dir.file("a.jsonl"))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("unsigned tail: 5 records from seq 13") == true)
    }

    @Test func aDroppedTailFailsAgainstThePinnedHead() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 15)
        let head = try verify(dir.file("a.jsonl")).head.hash
        #expect(try verify(dir.file("a.jsonl"), heads: [head]).records == 18)
        let lines = try dir.lines("a.jsonl")
        try dir.write("a.jsonl", Array((lines.dropLast(4).joined(separator: "\n") + "\n").utf8))
        let found = breakOf([dir.file("a.jsonl")], heads: [head])
        #expect(found?.kind == .expectedHeadMissing)
        #expect(found?.message.contains("`\(head)` is not in the log (it ends at seq 14") == true)
    }

    @Test func aCheckpointByAnotherKeyIsABreak() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: AuditSigningKey.generate(), count: 3)
        let found = breakOf([dir.file("a.jsonl")])
        #expect(found?.kind == .unknownKey)
        #expect(found?.location.line == 1)
    }

    @Test func aLogWithoutAnyCheckpointFailsWithAKey() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("a.jsonl"), count: 3)
        #expect(breakOf([dir.file("a.jsonl")])?.kind == .unsignedLog)
    }

    @Test func checkpointsStayValidAcrossRotatedFiles() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 60, everyRecords: 7, rotateAtBytes: 4096)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }
            .sorted()
        #expect(files.count > 3)
        let paths = files.map(dir.file)
        let result = try AuditVerifier.verify(files: paths, options: AuditVerifyOptions(keys: [key.publicKey]))
        #expect(result.checkpoints == 10)  // open, 8 after every 7 calls, final
        #expect(result.warnings.isEmpty)
        // A rewritten record in the first archive is caught by a checkpoint in a later file.
        let first = files[0]
        let lines = try dir.lines(first)
        let index = try #require(lines.lastIndex { !Forgery.isCheckpoint($0) })
        let forged = try Forgery.rechain(lines, editing: index) { $0["op"] = "process.other" }
        try dir.write(first, Array((forged.joined(separator: "\n") + "\n").utf8))
        let found = breakOf(paths)
        #expect(found?.kind == .chainBroken || found?.kind == .checkpointMismatch)
    }
}

/// A writer with unsealed records and nothing more to write seals them after the interval.
@Suite struct AuditCheckpointIntervalTests {
    @Test func anIdleWriterSealsItsRecordsAfterTheInterval() async throws {
        let dir = try TemporaryDirectory()
        let key = AuditSigningKey.generate()
        let log = AuditLog(
            node: "test", sink: try JSONLFileSink(path: dir.file("a.jsonl"), logger: quietLogger), mode: .sync,
            failurePolicy: .failClosed, logger: quietLogger,
            checkpoints: AuditCheckpointing(key: key, everyRecords: 1000, interval: .milliseconds(20)))
        for n in 0..<3 { try await log.record(signedEntry(n)) }
        // Without any further record, a checkpoint comes to seal the third call (on a slow
        // machine others may come between the calls too: the interval may pass during a call).
        func lastCheckpointSealsTheLastCall() -> Bool {
            guard let lines = try? dir.lines("a.jsonl"), let last = lines.last, Forgery.isCheckpoint(last),
                let call = lines.last(where: { !Forgery.isCheckpoint($0) }),
                let sealed = try? AuditRecord(value: Value(json: last)),
                let sealedCall = try? AuditRecord(value: Value(json: call))
            else { return false }
            return sealed.checkpoint?.sealedSeq == sealedCall.seq && sealed.checkpoint?.isFinal == false
        }
        await eventually("the idle writer seals its records") { lastCheckpointSealsTheLastCall() }
        #expect(lastCheckpointSealsTheLastCall())
        #expect(try dir.lines("a.jsonl").filter { !Forgery.isCheckpoint($0) }.count == 3)
        await log.shutdown()
        let result = try AuditVerifier.verify(
            files: [dir.file("a.jsonl")], options: AuditVerifyOptions(keys: [key.publicKey]))
        #expect(result.checkpoints >= 3)
        #expect(result.warnings.isEmpty)
    }
}
