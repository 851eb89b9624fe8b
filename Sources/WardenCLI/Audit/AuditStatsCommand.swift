import ArgumentParser
import WardenAudit
import WardenValue

/// `warden audit stats`: counts by decision, top actions, actors, resources, policies, denials.
struct AuditStatsCommand: AuditSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarize audit records: totals by decision, top actions, actors, resources, policies and denials.",
        discussion: """
            Actors count records; actions, resources and policies count checks. Denied resources are those of \
            checks that were not allowed (deny or undefined). --by adds a histogram of records per time bucket.
            """)

    /// Output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, json
    }

    @OptionGroup var source: AuditSourceOptions
    @OptionGroup var filters: AuditFilterOptions

    @Option(name: .customLong("by"), help: "Time bucket for a histogram: 1m, 1h, 1d or any age such as 15m.")
    var bucket: String?

    @Option(help: "Length of the top lists.")
    var top: Int = 10

    @Option(help: "text or json.")
    var format: Format = .text

    /// Creates the command with default options.
    init() {}

    func run() async throws { try await runStandard() }

    func execute(_ io: AuditIO) async throws(AuditCLIError) -> Int32 {
        guard top >= 0 else { throw .invalid("invalid --top `\(top)`: give a number, 0 or more") }
        var bucketMicros: Int64?
        if let bucket {
            guard let micros = AuditTimeArgument.age(bucket), micros > 0 else {
                throw .invalid("invalid --by `\(bucket)`: expected a bucket size such as `1m`, `1h` or `1d`")
            }
            bucketMicros = micros
        }
        let reader = try source.reader()
        let stats: AuditStats
        do {
            stats = try reader.stats(matching: try filters.filter(), options: AuditStatsOptions(top: top, bucketMicroseconds: bucketMicros))
        } catch let error as AuditReadError {
            throw .failed(error.description)
        } catch let error as AuditCLIError {
            throw error
        } catch {
            throw .failed("\(error)")
        }
        switch format {
        case .text: io.out(AuditStatsText.render(stats, bucket: bucket))
        case .json: io.out(AuditStatsText.json(stats, bucket: bucket).canonicalJSON + "\n")
        }
        io.flush()
        return 0
    }
}

/// Renders ``AuditStats`` for people (text) and programs (JSON).
enum AuditStatsText {
    static func render(_ s: AuditStats, bucket: String?) -> String {
        var out = "records  \(s.records) (allowed \(s.allowed), denied \(s.denied), failed \(s.failed))\n"
        let decisions = AuditCheckDecision.allCases.map { "\($0.rawValue) \(s.checkDecisions[$0] ?? 0)" }.joined(separator: ", ")
        out += "checks   \(s.checks) (\(decisions))\n"
        if let first = s.firstTime, let last = s.lastTime { out += "time     \(first) ... \(last)\n" }
        for (title, list) in lists(s) {
            out += "\n\(title)\n"
            if list.isEmpty { out += "  (none)\n" }
            let width = list.map { String($0.count).count }.max() ?? 0
            for entry in list {
                let count = String(entry.count)
                out += "  " + String(repeating: " ", count: width - count.count) + count + "  " + (entry.key ?? "(no actor)") + "\n"
            }
        }
        if let bucket {
            out += "\nby \(bucket)\n"
            if s.buckets.isEmpty { out += "  (none)\n" }
            for b in s.buckets { out += "  \(b.start)  allow \(b.allow)  deny \(b.deny)\n" }
        }
        return out
    }

    static func json(_ s: AuditStats, bucket: String?) -> Value {
        var map: [String: Value] = [
            "records": .int(s.records), "allowed": .int(s.allowed), "denied": .int(s.denied), "failed": .int(s.failed),
            "checks": .int(s.checks),
            "check_decisions": .map(Dictionary(uniqueKeysWithValues: AuditCheckDecision.allCases.map { ($0.rawValue, Value.int(s.checkDecisions[$0] ?? 0)) })),
            "first_time": s.firstTime.map { .string($0.rfc3339) } ?? .null,
            "last_time": s.lastTime.map { .string($0.rfc3339) } ?? .null,
        ]
        for (title, list) in lists(s) {
            map[title.replacingOccurrences(of: " ", with: "_")] = .list(
                list.map { .map(["key": $0.key.map(Value.string) ?? .null, "count": .int($0.count)]) })
        }
        if let bucket {
            map["bucket"] = .string(bucket)
            map["buckets"] = .list(
                s.buckets.map { .map(["start": .string($0.start.rfc3339), "allow": .int($0.allow), "deny": .int($0.deny)]) })
        }
        return .map(map)
    }

    private static func lists(_ s: AuditStats) -> [(String, [AuditStats.Count])] {
        [
            ("top actions", s.topActions), ("top actors", s.topActors), ("top resources", s.topResources),
            ("top policies", s.topPolicies), ("top denied actors", s.topDeniedActors),
            ("top denied resources", s.topDeniedResources),
        ]
    }
}
