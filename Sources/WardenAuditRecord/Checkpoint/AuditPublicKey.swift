import Crypto
import Foundation

/// The public half of a checkpoint signing key: checks checkpoint signatures.
public struct AuditPublicKey: Sendable, Hashable {
    /// The raw 32-byte Ed25519 public key (kept as bytes: swift-crypto's key type is not
    /// `Sendable`; the bytes were checked to be a key when this value was made).
    package let raw: Data
    /// A short digest naming the key in checkpoints: the first 16 hex digits of the SHA-256 of
    /// the raw 32-byte public key.
    public let id: String

    /// The public key `key`.
    package init(key: Curve25519.Signing.PublicKey) {
        raw = key.rawRepresentation
        id = String(ChainHash.hex(SHA256.hash(data: raw)).prefix(16))
    }

    /// Reads a public key file (as `warden audit keygen` writes `NAME.pub`).
    public init(contentsOf path: String) throws(AuditKeyError) {
        let raw = try AuditKeyText.decode(try AuditKeyText.read(path), header: AuditKeyText.publicHeader, path: path)
        do {
            self.init(key: try Curve25519.Signing.PublicKey(rawRepresentation: raw))
        } catch {
            throw AuditKeyError("invalid key file `\(path)`: not an ed25519 public key")
        }
    }

    /// The text of a public key file.
    public var fileText: String { AuditKeyText.encode(raw, header: AuditKeyText.publicHeader) }

    /// Whether `signature` (base64) is this key's signature of `message`.
    package func isValidSignature(_ signature: String, of message: [UInt8]) -> Bool {
        guard let bytes = Data(base64Encoded: signature), bytes.count == 64,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return false }
        return key.isValidSignature(bytes, for: message)
    }

    /// Whether `text` has the form of a key id: 16 lowercase hex digits.
    static func isValidID(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy(ChainHash.isHexDigit)
    }

    /// Two keys are the same when their raw bytes are.
    public static func == (a: AuditPublicKey, b: AuditPublicKey) -> Bool { a.raw == b.raw }

    /// Hashes the key id.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
