import ArgumentParser
import Foundation
import WardenAuditRecord
import WardenAuditReview

/// `warden audit verify`: recomputes the hash chain, checks checkpoints and pinned heads, and
/// reports the first break.
struct AuditVerifyCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain of audit files or a database and report the first break.",
        discussion: """
            Exit code 0 when the whole chain verifies, 1 at the first break (sequence gap, altered, removed, swapped \
            or reordered record, duplicate or decreasing id, time going backwards, reordered files, truncated last \
            line, bad JSON, future version, not an audit log), with its position as `file:line seq N: ...`. Give \
            rotated files in chain order, e.g. `audit*.jsonl`.

            With --key, every checkpoint's signature is checked: a bad signature, a checkpoint by another key, a \
            checkpoint that no longer matches the chain (rewritten history), records appended after a final \
            checkpoint, or a log with no checkpoint at all is a break; records after the last checkpoint are an \
            unsigned tail, reported on stderr as a warning (exit 0). --expect-head fails unless the log holds \
            that record's hash unchanged (records cut from the end).
            """)

    @OptionGroup var source: AuditSourceOptions

    @Flag(help: "Accept a log whose first record is not seq 1 (its beginning is kept elsewhere).")
    var continued = false

    @Option(
        name: .customLong("key"),
        help: ArgumentHelp(
            "A public key (NAME.pub from `warden audit keygen`) to check checkpoint signatures; repeat for more.",
            valueName: "public-key"))
    var keys: [String] = []

    @Option(
        name: .customLong("expect-head"),
        help: ArgumentHelp(
            "A record hash kept elsewhere that the log must contain unchanged; repeat for more.", valueName: "hash"))
    var expectedHeads: [String] = []

    @Option(
        name: .customLong("expect-head-file"),
        help: ArgumentHelp(
            "A file holding such a hash (alone, or an earlier `verify` output's `head <hash>`).", valueName: "file"))
    var expectedHeadFiles: [String] = []

    @Option(help: "How far a record's time may lie before the previous record's: `10s` (default), `500ms`, `0`.")
    var timeTolerance = "10s"

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let options = try verifyOptions()
        do {
            let chains: [AuditStoreChain]
            switch try source.reader().source {
            case .files(let files):
                chains = [
                    AuditStoreChain(node: nil, verification: try AuditVerifier.verify(files: files, options: options))
                ]
            case .database(let path):
                chains = [
                    AuditStoreChain(node: nil, verification: try AuditVerifier.verify(database: path, options: options))
                ]
            case .store(let reference): chains = try reference.store.verify(options: options)
            }
            if chains.isEmpty { io.output.write("ok: the store holds no records\n") }
            for chain in chains { io.output.write(chain.description + "\n") }
            for chain in chains {
                for warning in chain.verification.warnings {
                    io.errors.line("warning: \(chain.node.map { "node \($0): " } ?? "")\(warning)")
                }
            }
            return .success
        } catch let error as AuditChainBreak {
            io.errors.line("verification failed: \(error) [\(error.code)]")
            return .failure
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .failed("\(error)")
        }
    }

    /// The options the flags describe, reading the key and head files.
    func verifyOptions() throws(CommandFailure) -> AuditVerifyOptions {
        var publicKeys: [AuditPublicKey] = []
        for path in keys {
            do { publicKeys.append(try AuditPublicKey(contentsOf: path)) } catch { throw .invalid(error.message) }
        }
        var heads: [String] = []
        for head in expectedHeads {
            guard Self.isHash(head) else {
                throw .invalid("invalid --expect-head `\(head)`: expected a record hash, 64 lowercase hex digits")
            }
            heads.append(head)
        }
        for path in expectedHeadFiles { heads.append(try Self.head(inFile: path)) }
        guard let tolerance = Self.tolerance(timeTolerance) else {
            throw .invalid(
                "invalid --time-tolerance `\(timeTolerance)`: expected a duration such as `1s`, `500ms` or `0`")
        }
        return AuditVerifyOptions(
            continued: continued, keys: publicKeys, expectedHeads: heads, timeTolerance: tolerance)
    }

    /// The hash a head file holds: the file is the hash alone, or text with `head <hash>` in it.
    static func head(inFile path: String) throws(CommandFailure) -> String {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .invalid(
                "cannot read --expect-head-file `\(path)`: \((error as NSError).localizedDescription.lowercased())")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if isHash(trimmed) { return trimmed }
        if let range = trimmed.range(of: "head ") {
            let candidate = String(trimmed[range.upperBound...].prefix(64))
            if isHash(candidate) { return candidate }
        }
        throw .invalid(
            "invalid --expect-head-file `\(path)`: it holds no record hash (expected 64 lowercase hex digits, alone or after `head `)"
        )
    }

    /// Whether `text` is 64 lowercase hex digits.
    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The duration of `0`, `500ms` or an age such as `1s`, `2m`.
    static func tolerance(_ text: String) -> Duration? {
        if text == "0" { return .zero }
        if text.hasSuffix("ms"), let ms = Int64(text.dropLast(2)), ms >= 0 { return .milliseconds(ms) }
        return AuditTimeArgument.age(text).map { .microseconds($0) }
    }
}
