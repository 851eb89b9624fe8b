import WardenPolicy

/// Prints `warden test` results: failures as a small expected/actual diff, and coverage.
enum TestReportRendering {
    /// `FAIL file:line:col: name`, then `- expected` / `+ actual` lines, evaluation errors,
    /// load errors and the case's note.
    static func failure(_ result: PolicyTestResult) -> [String] {
        var lines = ["FAIL \(result.mark): \(result.name)"]
        var expected = "  - expected: \(result.expected)"
        if let policies = result.expectedPolicies {
            expected += " " + list(policies.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        lines.append(expected)
        switch result.actual {
        case .decision(let decision):
            lines.append("  + actual:   \(decision.outcome) \(list(decision.policies))")
            for error in decision.errors { lines.append("    evaluation error: \(error)") }
        case .loadError(let diagnostics):
            lines.append("  + actual:   load_error")
            for diagnostic in diagnostics {
                lines.append("    " + DiagnosticRendering.text(diagnostic).replacingLineBreaks(indent: "    "))
            }
        }
        if let note = result.note { lines.append("    note: \(note)") }
        return lines
    }

    /// The policies of the file that never determined a decision, with where they are defined.
    static func coverage(_ report: PolicyTestReport, file: String) -> [String] {
        let uncovered = report.uncovered
        guard !uncovered.isEmpty else {
            return ["coverage: \(file): every policy (\(report.coverage.count)) determined a decision"]
        }
        var lines = [
            "coverage: \(file): \(DiagnosticRendering.count(uncovered.count, "policy", "policies")) of \(report.coverage.count) never determined a decision"
        ]
        for entry in uncovered { lines.append("  \(entry.mark): \(entry.id)") }
        return lines
    }

    /// `[a, b]`.
    static func list(_ ids: [String]) -> String {
        "[" + ids.joined(separator: ", ") + "]"
    }
}
