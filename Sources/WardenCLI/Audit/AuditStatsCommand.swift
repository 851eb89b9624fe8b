import ArgumentParser
import WardenAuditReview

/// `warden audit stats`: counts by decision, top actions, actors, resources, policies, denials.
struct AuditStatsCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarize audit records: totals by decision, top actions, actors, resources, policies and denials.",
        discussion: """
            Actors count records; actions, resources and policies count checks. Denied resources are those of \
            checks that were not allowed (deny or undefined). --by adds a histogram of records per time bucket. \
            The log is verified first (as it is read): on a break nothing is printed, the break goes to stderr \
            and the exit code is 1, unless --no-verify.
            """)

    /// Output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @OptionGroup var source: AuditSourceOptions
    @OptionGroup var filters: AuditFilterOptions
    @OptionGroup var verification: AuditVerifyReadingOptions

    @Option(name: .customLong("by"), help: "Time bucket for a histogram: 1m, 1h, 1d or any age such as 15m.")
    var bucket: String?

    @Option(help: "Length of the top lists.")
    var top: Int = 10

    @Option(help: "text or json.")
    var format: Format = .text

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        guard top >= 0 else { throw .invalid("invalid --top `\(top)`: give a number, 0 or more") }
        var bucketMicros: Int64?
        if let bucket {
            guard let micros = AuditTimeArgument.age(bucket), micros > 0 else {
                throw .invalid("invalid --by `\(bucket)`: expected a bucket size such as `1m`, `1h` or `1d`")
            }
            bucketMicros = micros
        }
        let reader = verification.apply(to: try source.reader())
        let stats: AuditStats
        do {
            stats = try reader.stats(
                matching: try filters.filter(), options: AuditStatsOptions(top: top, bucketMicroseconds: bucketMicros))
        } catch let error as AuditReadError {
            throw .failed(error.description)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .failed("\(error)")
        }
        switch format {
        case .text: io.output.write(AuditStatsText.render(stats, bucket: bucket))
        case .json: io.output.write(AuditStatsText.json(stats, bucket: bucket).text + "\n")
        }
        return .success
    }
}
