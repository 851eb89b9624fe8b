import WardenRuntime
import WardenValue

/// How the result of a process run with `warden run -x` (or a test function) becomes an exit
/// status: an integer is the status; `false` or an error exits 1 with it printed; anything else 0.
struct ExecOutcome: Equatable {
    /// The exit status.
    let status: Int32
    /// What to print on the error stream, when anything.
    let message: String?

    /// The outcome of `result`.
    init(_ result: ExitResult) {
        switch result {
        case .value(.int(let n)):
            status = Int32(clamping: n)
            message = nil
        case .value(.bool(false)):
            status = 1
            message = "the process returned false"
        case .value:
            status = 0
            message = nil
        case .error(let error):
            status = 1
            message = error.message
        }
    }

    /// Whether it counts as a passing test.
    var passed: Bool { status == 0 }
}
