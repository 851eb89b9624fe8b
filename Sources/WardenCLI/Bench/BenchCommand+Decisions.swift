import WardenPolicy
import WardenValue

extension BenchCommand {
    /// Loads the policies (timed), reads the requests, measures the decisions and prints them.
    func executeDecisions(_ io: CommandIO) throws(CommandFailure) -> WardenExitCode {
        let paths = try policies.paths(io)
        let loadStart = MonotonicClock.now()
        let set = try PolicyOptions.load(paths)
        let loadMilliseconds = Double(MonotonicClock.now() &- loadStart) / 1e6
        guard let path = requests, let lines = readLines(path, io: io) else { return .invalidInput }
        let file = path == "-" ? "standard input" : path
        let prepared = try DecisionBench.prepare(lines, set: set, defaultScope: caller.scopeSpec, file: file)
        guard !prepared.isEmpty else {
            io.errors.line("error: \(UserText.quoted(file)) holds no request; hint: write one JSON request per line")
            return .invalidInput
        }
        let result = DecisionBench(set: set, requests: prepared, strict: caller.strict, passes: passes).run()
        switch format {
        case .json:
            io.output.line(decisionsJSON(set, loadMilliseconds, prepared.count, result).text)
        case .text:
            for line in decisionsText(set, loadMilliseconds, prepared.count, result) { io.output.line(line) }
        }
        return .success
    }

    /// The non-blank lines of the requests file, numbered from 1; `nil` after reporting why the
    /// file cannot be read.
    private func readLines(_ path: String, io: CommandIO) -> [(Int, [UInt8])]? {
        let input: any LineInput
        if path == "-" {
            input = io.input
        } else {
            do {
                input = try FileLineInput(path: path)
            } catch {
                io.errors.line(
                    "error: cannot read requests file \(UserText.quoted(path)): \(error.reason)\n  hint: check the path, or use `-` for standard input"
                )
                return nil
            }
        }
        var lines: [(Int, [UInt8])] = []
        var number = 0
        do {
            while let line = try input.nextLine() {
                number += 1
                if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) {
                    lines.append((number, line))
                }
            }
        } catch {
            io.errors.line("error: cannot read requests file \(UserText.quoted(path)): \(error.reason)")
            return nil
        }
        return lines
    }

    private func decisionsJSON(
        _ set: PolicySet, _ loadMilliseconds: Double, _ count: Int, _ result: DecisionBench.Measurement
    ) -> JSONObject {
        var object = JSONObject()
        object.add("policies", .int(set.count))
        object.add("revision", .string(set.revision))
        object.add("load_ms", .double((loadMilliseconds * 10).rounded() / 10))
        object.add("requests", .int(count))
        object.add("passes", .int(passes))
        var outcomes = JSONObject()
        for outcome in [Outcome.allow, .deny, .undefined] {
            outcomes.add(outcome.rawValue, .int(result.outcomes[outcome] ?? 0))
        }
        object.add("outcomes", outcomes)
        object.add("ns_per_decision", result.latency.json)
        object.add("decisions_per_second", .int(Int(result.decisionsPerSecond.rounded())))
        object.add(
            "allocations_per_decision",
            result.allocationsPerDecision.map { .double(($0 * 100).rounded() / 100) } ?? .null)
        object.add("clock_ns", .int(Int(result.clockNanoseconds.rounded())))
        return object
    }

    private func decisionsText(
        _ set: PolicySet, _ loadMilliseconds: Double, _ count: Int, _ result: DecisionBench.Measurement
    ) -> [String] {
        let latency = result.latency
        let outcomes = [Outcome.allow, .deny, .undefined].map { "\($0.rawValue) \(result.outcomes[$0] ?? 0)" }
        let allocations =
            result.allocationsPerDecision.map { BenchFormat.decimal($0, places: 2) } ?? "not counted in this build"
        return [
            "policies: \(set.count) (revision \(set.revision.prefix(12))), loaded and compiled in \(BenchFormat.decimal(loadMilliseconds, places: 1)) ms",
            "requests: \(count) (\(outcomes.joined(separator: ", "))), \(passes) passes",
            "ns per decision: p50 \(BenchFormat.whole(latency.p50)), p90 \(BenchFormat.whole(latency.p90)), p99 \(BenchFormat.whole(latency.p99)) (clock reading of \(BenchFormat.whole(result.clockNanoseconds)) ns subtracted)",
            "decisions/s: \(BenchFormat.whole(result.decisionsPerSecond))",
            "allocations per decision: \(allocations)",
        ]
    }
}
