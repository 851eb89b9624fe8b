import ArgumentParser
import WardenAuditReview

/// `warden audit tail`: prints the last records and, with `-f`, follows new ones.
struct AuditTailCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the last audit records and, with -f, follow new ones as they are written.",
        discussion: """
            Give the active JSON Lines file (rotation is followed: archives written while following are read in \
            order) or --db. The same filters as `query` apply. Each record printed is verified, and records \
            followed in a JSON Lines log are chain-checked; a break goes to stderr with exit code 1, unless \
            --no-verify.
            """)

    @OptionGroup var source: AuditSourceOptions
    @OptionGroup var filters: AuditFilterOptions
    @OptionGroup var verification: AuditVerifyReadingOptions

    @Flag(name: .shortAndLong, help: "Keep printing records as they are written.")
    var follow = false

    @Option(name: .customShort("n"), help: "How many existing records to print first.")
    var lines: Int = 10

    @Option(help: "With -f, exit after printing this many records in all.")
    var count: Int?

    @Option(help: "With -f, milliseconds between looks for new records (a PostgreSQL store notifies instead).")
    var interval: Int = 200

    @Option(help: "text, jsonl or csv (default: text on a terminal, jsonl otherwise).")
    var format: AuditRecordFormat?

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let chosen = format ?? (io.outputIsTerminal ? .text : .jsonl)
        guard chosen != .table else { throw .invalid("invalid --format `table` for tail: use text, jsonl or csv") }
        guard lines >= 0, interval > 0, (count ?? 1) > 0 else {
            throw .invalid("invalid -n, --count or --interval: give positive numbers")
        }
        let filter = try filters.filter()
        let follower: any AuditRecordFollowing
        switch try source.reader().source {
        case .files(let files):
            guard files.count == 1, let path = files.first else {
                throw .invalid("tail follows one file: give the active file (archives are followed through rotation)")
            }
            follower = AuditFollower.file(
                path, filter: filter, verifying: !verification.noVerify, notify: { io.errors.line($0.description) })
        case .database(let path):
            do { follower = try AuditFollower.database(path, filter: filter, verifying: !verification.noVerify) } catch
            { throw .failed(error.description) }
        case .store(let reference):
            do { follower = try reference.store.follow(filter: filter, verifying: !verification.noVerify) } catch {
                throw .failed(error.description)
            }
        }
        let printer = AuditRecordPrinter(format: chosen, io: io)
        var printed = 0
        do {
            for record in try follower.backlog(lines) where printed < (count ?? .max) {
                printer.print(record)
                printed += 1
            }
            printer.finish()
            while follow, printed < (count ?? .max) {
                await follower.waitForNews(interval: .milliseconds(interval))
                if Task.isCancelled { break }
                for record in try follower.poll() where printed < (count ?? .max) {
                    printer.print(record)
                    printed += 1
                }
                printer.finish()
            }
        } catch {
            printer.finish()
            throw .failed(error.description)
        }
        return .success
    }
}
