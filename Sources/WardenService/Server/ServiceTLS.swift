import NIOSSL

/// The certificate chain and private key `warden serve` answers TLS with (`--tls-cert`,
/// `--tls-key`), read and checked before the service starts.
public struct ServiceTLS: Sendable {
    /// The server configuration built from the files: TLS 1.2 or later.
    public let configuration: TLSConfiguration

    /// Reads a PEM certificate chain (leaf first) and a PEM private key.
    /// - Throws: ``ServiceError`` `invalid-tls` naming the file and what is wrong with it.
    public init(certificateChain certificatePath: String, privateKey keyPath: String) throws(ServiceError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw ServiceError(
                code: "invalid-tls",
                message:
                    "`--tls-cert \(certificatePath)` is not a readable PEM certificate chain (\(error)); give the server certificate, then its intermediates, in PEM"
            )
        }
        guard !chain.isEmpty else {
            throw ServiceError(
                code: "invalid-tls",
                message:
                    "`--tls-cert \(certificatePath)` holds no certificate; give a PEM file with `-----BEGIN CERTIFICATE-----` blocks"
            )
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw ServiceError(
                code: "invalid-tls",
                message:
                    "`--tls-key \(keyPath)` is not a readable PEM private key (\(error)); give the unencrypted key of the certificate in PEM"
            )
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        self.configuration = configuration
    }
}
