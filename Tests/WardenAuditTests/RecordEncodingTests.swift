import Crypto
import Testing
import WardenValue

@testable import WardenAuditRecord

@Suite struct RecordEncodingTests {
    private func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    @Test func writesTheDocumentedLineForAKnownEntry() {
        let entry = AuditEntry(
            time: AuditTime(microseconds: 1_735_732_800_000_123),  // 2025-01-01T12:00:00.000123Z
            op: "process.send",
            caller: AuditCaller(
                pid: "{app:processes|0x00000001}", frame: "f1", actor: Actor(id: "user:alice", meta: ["role": "dev"]),
                scope: ["app:send"], groups: ["app:default"], context: .complete),
            target: ["dest": "{app:processes|0x00000002}", "topic": "job", "payload_count": 1, "payload_bytes": 12],
            checks: [
                AuditCheck(
                    action: "process.send", resource: "{app:processes|0x00000002}", decision: .allow,
                    policies: ["app:send"], meta: ["pid": "{app:processes|0x00000001}", "op": "send", "topic": "job"])
            ],
            decision: .allow, policyRevision: "r1", durationNanoseconds: 2500)
        var sealer = ChainSealer(head: .genesis, node: "gw-1")
        let sealed = sealer.seal(PreparedEntry(entry: entry, node: "gw-1"))
        let id = sealed.record.id
        let zeros = String(repeating: "0", count: 64)
        // Keys sorted, no white space; the hash covers everything but itself.
        let withoutHash =
            #"{"caller":{"actor":{"id":"user:alice","meta":{"role":"dev"}},"context":"complete","frame":"f1","groups":["app:default"],"pid":"{app:processes|0x00000001}","scope":["app:send"]},"#
            + #""checks":[{"action":"process.send","decision":"allow","errors":[],"meta":{"op":"send","pid":"{app:processes|0x00000001}","topic":"job"},"policies":["app:send"],"resource":"{app:processes|0x00000002}"}],"#
            + #""decision":"allow","duration_ns":2500,"id":""# + id
            + #"","node":"gw-1","op":"process.send","policy_revision":"r1","prev":""# + zeros
            + #"","seq":1,"target":{"dest":"{app:processes|0x00000002}","payload_bytes":12,"payload_count":1,"topic":"job"},"time":"2025-01-01T12:00:00.000123Z","v":1}"#
        let hash = sha256Hex(zeros + withoutHash)
        let expected = withoutHash.replacingOccurrences(
            of: #","id":"#, with: #","hash":""# + hash + #"","id":"#)
        #expect(sealed.line == expected)
        #expect(sealed.record.hash == hash)
        #expect(sealed.record.prev == zeros)
    }

    @Test(arguments: 0..<60)
    func lineIsTheCanonicalJSONOfTheRecordValue(n: Int) throws {
        var sealer = ChainSealer(
            head: AuditChainHead(seq: 41, hash: String(repeating: "ab", count: 32)), node: "node \"x\"")
        let sealed = sealer.seal(PreparedEntry(entry: Entries.varied(n), node: "node \"x\""))
        #expect(sealed.line == sealed.record.value.canonicalJSON)
        let expectedHash = sha256Hex(sealed.record.prev + Value.map(sealed.record.valueWithoutHash).canonicalJSON)
        #expect(sealed.record.hash == expectedHash)
        #expect(sealed.record.seq == 42)
        // Reading the line back verifies and yields a record with the same line.
        let read = try RecordLine.verify(Array(sealed.line.utf8))
        #expect(read.value.canonicalJSON == sealed.line)
        #expect(read.id == sealed.record.id)
    }

    @Test(arguments: 0..<20)
    func anEntryEncodedByTheWriterSealsToTheSameLineAsOneEncodedByItsCaller(n: Int) {
        let head = AuditChainHead(seq: 7, hash: String(repeating: "cd", count: 32))
        var byCaller = ChainSealer(head: head, node: "gw-2")
        var byWriter = ChainSealer(head: head, node: "gw-2")
        let entry = Entries.varied(n)
        let encoded = PreparedEntry(entry: entry, node: "gw-2")
        let deferred = PreparedEntry(deferring: entry)
        #expect(encoded.isEncoded && !deferred.isEncoded)
        let a = byCaller.seal(encoded)
        let b = byWriter.seal(deferred)
        // Record ids are random in part (so hashes differ too); every other field must match.
        #expect(b.line == b.record.value.canonicalJSON)
        #expect(a.record.value.canonicalJSON == a.line)
        var aFields = a.record.valueWithoutHash
        var bFields = b.record.valueWithoutHash
        aFields["id"] = nil
        bFields["id"] = nil
        #expect(aFields == bFields)
    }

    @Test func chainLinksEachRecordToThePreviousHash() {
        var sealer = ChainSealer(head: .genesis, node: "n")
        let records = (0..<5).map { sealer.seal(PreparedEntry(entry: Entries.varied($0), node: "n")).record }
        #expect(records.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(records[0].prev == AuditRecord.genesisHash)
        for i in 1..<records.count { #expect(records[i].prev == records[i - 1].hash) }
    }

    @Test func idsAreTimeOrderedVersion7UUIDs() {
        var ids = AuditRecordID()
        let time = AuditTime(microseconds: 1_700_000_000_000_000)
        // 5000 ids within one millisecond overflow the 12-bit counter and still increase.
        let generated = (0..<5000).map { _ in ids.next(at: time) }
        for (a, b) in zip(generated, generated.dropFirst()) { #expect(a < b) }
        for id in generated.prefix(3) {
            #expect(AuditRecordID.isValid(id))
            let chars = Array(id)
            #expect(chars[14] == "7")
            #expect("89ab".contains(chars[19]))
        }
        // The first 48 bits are the Unix time in milliseconds: 1_700_000_000_000 = 0x018bcfe56800.
        #expect(generated[0].hasPrefix("018bcfe5-6800-7"))
        #expect(Set(generated).count == generated.count)
    }

    @Test func recordsMissingFieldsOrWithWrongTypesAreRejected() throws {
        var sealer = ChainSealer(head: .genesis, node: "n")
        let value = sealer.seal(PreparedEntry(entry: Entries.spawn(), node: "n")).record.value
        guard case .map(let map) = value else { return }
        for key in map.keys {
            var broken = map
            broken[key] = nil
            #expect(throws: AuditRecordError.self) { try AuditRecord(value: .map(broken)) }
            broken[key] = .bool(true)
            #expect(throws: AuditRecordError.self) { try AuditRecord(value: .map(broken)) }
        }
        var extra = map
        extra["surprise"] = 1
        #expect(throws: AuditRecordError(.invalidField, "unknown field `surprise` in a version 1 record")) {
            try AuditRecord(value: .map(extra))
        }
        var future = map
        future["v"] = 2
        #expect { try AuditRecord(value: .map(future)) } throws: { ($0 as? AuditRecordError)?.kind == .futureVersion }
    }
}
