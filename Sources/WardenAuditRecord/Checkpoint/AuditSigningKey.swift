import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The private key a writer signs checkpoints with (Ed25519).
public struct AuditSigningKey: Sendable {
    /// The raw 32-byte private key (kept as bytes: swift-crypto's key type is not `Sendable`;
    /// the bytes were checked to be a key when this value was made).
    private let raw: Data
    /// The public half, whose ``AuditPublicKey/id`` names this key in checkpoints.
    public let publicKey: AuditPublicKey

    private init(key: Curve25519.Signing.PrivateKey) {
        raw = key.rawRepresentation
        publicKey = AuditPublicKey(key: key.publicKey)
    }

    /// A new random key.
    public static func generate() -> AuditSigningKey { AuditSigningKey(key: Curve25519.Signing.PrivateKey()) }

    /// Reads a signing key file (as `warden audit keygen` writes `NAME.key`).
    public init(contentsOf path: String) throws(AuditKeyError) {
        let raw = try AuditKeyText.decode(try AuditKeyText.read(path), header: AuditKeyText.signingHeader, path: path)
        do {
            self.init(key: try Curve25519.Signing.PrivateKey(rawRepresentation: raw))
        } catch {
            throw AuditKeyError("invalid key file `\(path)`: not an ed25519 private key")
        }
    }

    /// The text of a signing key file.
    public var fileText: String { AuditKeyText.encode(raw, header: AuditKeyText.signingHeader) }

    /// The signature of `message`, base64.
    func sign(_ message: [UInt8]) -> String {
        // The bytes are a valid key and signing with one does not fail; an empty signature would
        // fail verification rather than pass.
        let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        return ((try? key?.signature(for: message)) ?? Data()).base64EncodedString()
    }

    /// Writes a new key pair as `NAME.key` (mode 0600) and `NAME.pub` (mode 0644); refuses to
    /// overwrite either file.
    /// - Returns: the paths written and the key id.
    @discardableResult
    public static func writeNewPair(name: String) throws(AuditKeyError) -> (
        signing: String, public: String, keyID: String
    ) {
        let signingPath = name + ".key"
        let publicPath = name + ".pub"
        for path in [signingPath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw AuditKeyError(
                "`\(path)` already exists: keygen never overwrites a key; choose another name or remove it first")
        }
        let key = generate()
        try write(key.fileText, to: signingPath, mode: 0o600)
        do {
            try write(key.publicKey.fileText, to: publicPath, mode: 0o644)
        } catch {
            unlink(signingPath)
            throw error
        }
        return (signingPath, publicPath, key.publicKey.id)
    }

    /// Creates `path` (exclusively) with `mode` and writes `text`.
    private static func write(_ text: String, to path: String, mode: mode_t) throws(AuditKeyError) {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.openFile(path, O_WRONLY | O_CREAT | O_EXCL, mode: mode) } catch {
            throw AuditKeyError("cannot create `\(path)`: \(error)")
        }
        var failure: SystemError?
        // The umask may have narrowed the mode; a signing key must be exactly 0600.
        if fchmod(fd.raw, mode) != 0 { failure = .last("fchmod") }
        if failure == nil {
            let bytes = Array(text.utf8)
            failure = bytes.withUnsafeBytes { raw -> SystemError? in
                do throws(SystemError) { try fd.writeAll(raw) } catch { return error }
                return nil
            }
        }
        if failure == nil {
            do { try fd.syncData() } catch { failure = error }
        }
        try? fd.closeFile()
        if let failure {
            unlink(path)
            throw AuditKeyError("cannot write `\(path)`: \(failure)")
        }
    }
}
