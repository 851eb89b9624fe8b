import ArgumentParser

/// The exit codes every `warden` command uses (docs/cli.md, "Exit codes"): 0 success or
/// allowed, 1 the command ran and found a failure, 2 a negative answer (denied or undefined, a
/// replay that changes decisions), 3 invalid input. `warden run -x` alone passes on the exit
/// status of the entry it ran (``program(_:)``).
public struct WardenExitCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The numeric exit status.
    public let rawValue: Int32

    /// Wraps a numeric exit status.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Success; for `eval` and `check`, the request is allowed.
    public static let success = WardenExitCode(rawValue: 0)
    /// The command did its work and found a failure: a failed test, a lint warning, an audit
    /// chain that does not verify, a refused call in `bench --gateway`.
    public static let failure = WardenExitCode(rawValue: 1)
    /// A negative answer: `eval`/`check` denied or undefined (an implicit deny), `audit replay`
    /// found decisions that change, the `demo` supervisor was stopped.
    public static let denied = WardenExitCode(rawValue: 2)
    /// Invalid input: a policy or test file that does not load, no policies given, bad
    /// arguments, a bad request.
    public static let invalidInput = WardenExitCode(rawValue: 3)

    /// The four codes of the command line, in order.
    public static let allCases: [WardenExitCode] = [.success, .failure, .denied, .invalidInput]

    /// The exit status of a program `warden run -x` ran, passed on as it is.
    public static func program(_ status: Int32) -> WardenExitCode {
        WardenExitCode(rawValue: status)
    }

    /// The code as ArgumentParser's exit code.
    public var exitCode: ExitCode { ExitCode(rawValue) }

    /// The worse of two of the four codes: invalid input over denied over failure over success.
    public func worst(_ other: WardenExitCode) -> WardenExitCode {
        rawValue >= other.rawValue ? self : other
    }

    /// `0 success`, `2 denied`, ...; `exit status N` for a program's own status.
    public var description: String {
        switch rawValue {
        case 0: "0 success"
        case 1: "1 failure"
        case 2: "2 denied"
        case 3: "3 invalid input"
        default: "exit status \(rawValue)"
        }
    }
}
