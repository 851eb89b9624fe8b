/// A failure of an audit command: the message for standard error and the exit code.
struct AuditCLIError: Error {
    /// Exit code 1: the command ran and failed (a broken chain, an unreadable log).
    static let failure: Int32 = 1
    /// Exit code 3: invalid input (bad arguments, a value that does not parse).
    static let invalidInput: Int32 = 3

    /// The message, lowercase, with a hint.
    var message: String
    /// The exit code.
    var code: Int32

    /// An invalid-input error (exit code 3).
    static func invalid(_ message: String) -> AuditCLIError {
        AuditCLIError(message: message, code: invalidInput)
    }

    /// A failure (exit code 1).
    static func failed(_ message: String) -> AuditCLIError {
        AuditCLIError(message: message, code: failure)
    }
}
