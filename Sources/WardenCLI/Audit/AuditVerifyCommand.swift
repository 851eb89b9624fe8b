import ArgumentParser
import WardenAudit

/// `warden audit verify`: recomputes the hash chain and reports the first break.
struct AuditVerifyCommand: AuditSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of audit files or a database and report the first break.",
        discussion: """
            Exit code 0 when the whole chain verifies, 1 at the first break (sequence gap, altered, removed or \
            reordered record, reordered files, truncated last line, bad JSON, future version, not an audit log), \
            with its position as `file:line seq N: ...`. Give rotated files in chain order, e.g. `audit*.jsonl`.
            """)

    @OptionGroup var source: AuditSourceOptions

    @Flag(help: "Accept a log whose first record is not seq 1 (its beginning is kept elsewhere).")
    var continued = false

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runStandard() }

    func execute(_ io: AuditIO) async throws(AuditCLIError) -> Int32 {
        do {
            let result: AuditVerification
            switch try source.reader().source {
            case .files(let files): result = try AuditVerifier.verify(files: files, continued: continued)
            case .database(let path): result = try AuditVerifier.verify(database: path, continued: continued)
            }
            io.out(result.description + "\n")
            return 0
        } catch let error as AuditChainBreak {
            io.err("verification failed: \(error) [\(error.code)]")
            return AuditCLIError.failure
        } catch let error as AuditCLIError {
            throw error
        } catch {
            throw .failed("\(error)")
        }
    }
}
