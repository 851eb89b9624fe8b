import WardenPolicy
import WardenRuntime
import WardenValue

extension BenchCommand {
    /// The policy the gateway enforces when no `--policies` are given.
    static let allowAllPolicy = """
        namespace: bench
        entries:
          - name: allow_all
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}
            groups: [all]
        """

    /// Runs the mix bare and behind the gateway and prints both.
    func executeGateway(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let set: PolicySet
        if policies.given.isEmpty {
            switch PolicyLoader().load(yaml: Self.allowAllPolicy, file: "bench-allow-all.yaml").result {
            case .success(let loaded): set = loaded
            case .failure(let error):
                io.errors.line("error: the built-in allow-all policy did not load: \(error)")
                return .failure
            }
        } else {
            set = try policies.load(io)
        }
        let spec = caller.scopeSpec
        _ = try caller.resolveScope(in: set)
        let scope = SecurityScope(policies: spec?.policies ?? set.policyIDs, groups: spec?.groups ?? [])
        let bench = GatewayBench(
            policies: set,
            security: SecurityContext(
                actor: Actor(id: caller.actor ?? "bench:driver", meta: caller.actorMeta ?? [:]), scope: scope),
            sink: GatewayBench.Sink(rawValue: sink) ?? .jsonl, auditPath: audit, mode: mode, rounds: rounds,
            passes: passes)
        let result = try await bench.run()
        switch format {
        case .json: io.output.line(gatewayJSON(set, result).text)
        case .text: for line in gatewayText(set, result) { io.output.line(line) }
        }
        return .success
    }

    private func ratio(_ gateway: LatencySummary?, _ bare: LatencySummary?) -> Double? {
        guard let gateway, let bare, bare.p50 > 0 else { return nil }
        return gateway.p50 / bare.p50
    }

    private func gatewayJSON(_ set: PolicySet, _ result: GatewayBench.Measurement) -> JSONObject {
        var object = JSONObject()
        object.add("policies", .int(set.count))
        object.add("revision", .string(set.revision))
        var auditObject = JSONObject()
        auditObject.add("sink", .string(sink))
        auditObject.add("mode", .string(mode.rawValue))
        auditObject.add("records", .int(result.records))
        object.add("audit", auditObject)
        object.add("rounds", .int(rounds))
        object.add("passes", .int(passes))
        var kinds: [JSONObject] = []
        for kind in GatewayBenchMix.Kind.allCases {
            var row = JSONObject()
            row.add("call", .string(kind.rawValue))
            row.add("samples", .int(result.gateway[kind]?.count ?? 0))
            row.add("bare_ns", result.bare[kind]?.json ?? JSONObject())
            row.add("gateway_ns", result.gateway[kind]?.json ?? JSONObject())
            row.add(
                "ratio_p50",
                ratio(result.gateway[kind], result.bare[kind]).map { .double(($0 * 100).rounded() / 100) } ?? .null)
            kinds.append(row)
        }
        object.add("calls", kinds)
        return object
    }

    private func gatewayText(_ set: PolicySet, _ result: GatewayBench.Measurement) -> [String] {
        var lines = [
            "policies: \(set.count) (revision \(set.revision.prefix(12))); audit: \(sink), \(mode.rawValue), \(result.records) records",
            "\(rounds) rounds x \(passes) runs per variant, alternating bare and gateway; ns per call",
            "call        bare p50 / p90 / p99         gateway p50 / p90 / p99      ratio p50",
        ]
        for kind in GatewayBenchMix.Kind.allCases {
            func cell(_ summary: LatencySummary?) -> String {
                guard let summary else { return "-" }
                return [summary.p50, summary.p90, summary.p99].map(BenchFormat.whole).joined(separator: " / ")
            }
            let factor =
                ratio(result.gateway[kind], result.bare[kind]).map { BenchFormat.decimal($0, places: 2) + "x" } ?? "-"
            lines.append(
                kind.rawValue.benchPadded(12) + cell(result.bare[kind]).benchPadded(29)
                    + cell(result.gateway[kind]).benchPadded(29) + factor)
        }
        return lines
    }
}

extension String {
    /// This text padded with spaces to `width` characters (unchanged when longer).
    fileprivate func benchPadded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
