import ArgumentParser

/// The exit codes every `warden` command uses.
public enum WardenExitCode: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// Success; for `eval`, the request is allowed.
    case success = 0
    /// The command did its work and found a failure: a failed test, a lint warning.
    case failure = 1
    /// `eval`: the request is denied or undefined (an implicit deny).
    case denied = 2
    /// Invalid input: a policy or test file that does not load, bad arguments, a bad request.
    case invalidInput = 3

    /// The code as ArgumentParser's exit code.
    public var exitCode: ExitCode { ExitCode(rawValue) }

    /// The worse of two codes: invalid input over denied over failure over success.
    public func worst(_ other: WardenExitCode) -> WardenExitCode {
        rawValue >= other.rawValue ? self : other
    }

    /// `0 success`, `2 denied`, ...
    public var description: String {
        switch self {
        case .success: "0 success"
        case .failure: "1 failure"
        case .denied: "2 denied"
        case .invalidInput: "3 invalid input"
        }
    }
}
