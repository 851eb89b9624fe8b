import WardenRegistry
import WardenRuntime

/// `warden run --test`: each test function as its own process, with a time limit; failures
/// listed with their error and location, then `N passed, N failed`.
struct TestRun {
    let app: RunApplication
    let host: String
    let limit: Duration
    let io: CommandIO

    /// Runs `tests` one after another; returns 0 when none failed, 1 otherwise.
    func run(_ tests: [LuaEntry]) async -> Int32 {
        var passed = 0
        var failed = 0
        for test in tests {
            let outcome = ExecOutcome(await app.exec(test.id, host: host, limit: limit))
            if outcome.passed {
                passed += 1
            } else {
                failed += 1
                let reason = outcome.message ?? "exit status \(outcome.status)"
                io.output.line("FAIL \(test.id) (\(test.mark)): \(reason)")
            }
        }
        io.output.line("\(passed) passed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }
}
