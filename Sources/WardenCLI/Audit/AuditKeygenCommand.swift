import ArgumentParser
import WardenAuditRecord

/// `warden audit keygen NAME`: writes a checkpoint signing key pair.
struct AuditKeygenCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a key pair for signing audit checkpoints: NAME.key (private, mode 0600) and NAME.pub.",
        discussion: """
            Give NAME.key to the writer (`--signing-key`) and keep NAME.pub where the log's writer cannot change \
            it; `warden audit verify --key NAME.pub` checks the checkpoints. Existing files are never overwritten.
            """)

    @Argument(help: "Path and base name of the pair, e.g. `keys/audit` for keys/audit.key and keys/audit.pub.")
    var name: String

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        guard !name.isEmpty, !name.hasSuffix("/") else {
            throw .invalid("invalid key name `\(name)`: give a path and base name such as `audit-signing`")
        }
        do {
            let written = try AuditSigningKey.writeNewPair(name: name)
            io.output.write(
                "wrote `\(written.signing)` (private, mode 0600) and `\(written.public)`; key id \(written.keyID)\n")
            return .success
        } catch {
            throw .failed(error.message)
        }
    }
}
