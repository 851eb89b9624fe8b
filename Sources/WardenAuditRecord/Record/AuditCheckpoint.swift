import WardenValue

/// The body of a checkpoint record: a signature over the chain head it seals.
///
/// A checkpoint is a record of its own kind in the chain (same `v`, `id`, `seq`, `time`, `node`,
/// `prev`, `hash` envelope), written by a writer that holds a signing key. It seals the record
/// just before it: `sealed_seq` is its own `seq - 1` and `sealed_hash` its own `prev`. The
/// signature covers ``signedMessage(node:time:)``, so nobody without the private key can
/// rewrite the history before a checkpoint, nor turn a final checkpoint into a non-final one.
public struct AuditCheckpoint: Sendable, Hashable {
    /// The `seq` of the record sealed (0 when the log was empty).
    public var sealedSeq: Int
    /// The `hash` of the record sealed (64 zeros when the log was empty).
    public var sealedHash: String
    /// The id of the signing key: ``AuditPublicKey/id`` of its public half.
    public var keyID: String
    /// Whether the writer wrote it when it closed the log: no record may follow it except a
    /// checkpoint of a writer that opened the log again.
    public var isFinal: Bool
    /// The Ed25519 signature of ``signedMessage(node:time:)``, base64.
    public var signature: String

    /// Creates a checkpoint body.
    public init(sealedSeq: Int, sealedHash: String, keyID: String, isFinal: Bool, signature: String) {
        self.sealedSeq = sealedSeq
        self.sealedHash = sealedHash
        self.keyID = keyID
        self.isFinal = isFinal
        self.signature = signature
    }

    /// The bytes signed: a fixed prefix naming the purpose, then the canonical JSON of
    /// `{final, hash, key, node, seq, time}` (the sealed head, the checkpoint's node and time,
    /// the key id and whether it is final).
    public func signedMessage(node: String, time: AuditTime) -> [UInt8] {
        Self.signedMessage(
            node: node, sealedSeq: sealedSeq, sealedHash: sealedHash, time: time, keyID: keyID, isFinal: isFinal)
    }

    /// The bytes a checkpoint with these fields signs (see ``signedMessage(node:time:)``).
    package static func signedMessage(
        node: String, sealedSeq: Int, sealedHash: String, time: AuditTime, keyID: String, isFinal: Bool
    ) -> [UInt8] {
        var bytes = Array(signaturePrefix.utf8)
        Value.map([
            "final": .bool(isFinal), "hash": .string(sealedHash), "key": .string(keyID), "node": .string(node),
            "seq": .int(sealedSeq), "time": .string(time.rfc3339),
        ]).writeCanonicalJSON(into: &bytes)
        return bytes
    }

    /// Domain separation: a signature made for a checkpoint means nothing anywhere else.
    static let signaturePrefix = "warden-audit-checkpoint-v1\n"

    /// The checkpoint body as a JSON value.
    public var value: Value {
        .map([
            "final": .bool(isFinal), "key": .string(keyID), "sealed_hash": .string(sealedHash),
            "sealed_seq": .int(sealedSeq),
            "signature": .string(signature),
        ])
    }

    package init(fields: RecordFields) throws(AuditRecordError) {
        try fields.rejectUnknown(allowed: ["final", "key", "sealed_hash", "sealed_seq", "signature"])
        isFinal = try fields.bool("final")
        keyID = try fields.string(
            "key", validate: AuditPublicKey.isValidID, expected: "a key id (16 lowercase hex digits)")
        sealedHash = try fields.string(
            "sealed_hash", validate: ChainHash.isValidHex, expected: "64 lowercase hex digits")
        sealedSeq = try fields.int("sealed_seq", minimum: 0)
        signature = try fields.string("signature")
    }
}
