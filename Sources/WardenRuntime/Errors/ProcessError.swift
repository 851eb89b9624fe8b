/// An error from a `process` call: a kind callers switch on, a message and a stable code.
public struct ProcessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of error kinds of the `process` API.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Bad or missing arguments, a reserved topic, a bad duration, a full host, a dead caller.
        case invalid = "INVALID"
        /// An unknown definition, host, name or process.
        case notFound = "NOT_FOUND"
        /// A policy denied the call.
        case permissionDenied = "PERMISSION_DENIED"
        /// A name is already held by another process.
        case alreadyExists = "ALREADY_EXISTS"
        /// The runtime or the gateway failed; also the kind of runtime-made exit errors.
        case `internal` = "INTERNAL"

        /// The upper-case name of the spec (`PERMISSION_DENIED`).
        public var name: String { rawValue }

        /// The kebab-case code used when an error has no more specific one (`permission-denied`).
        public var defaultCode: String {
            switch self {
            case .invalid: "invalid"
            case .notFound: "not-found"
            case .permissionDenied: "permission-denied"
            case .alreadyExists: "already-exists"
            case .internal: "internal"
            }
        }
    }

    /// What went wrong, for callers that branch on it.
    public var kind: Kind
    /// A lowercase message with the user input in backticks and a hint.
    public var message: String
    /// A stable kebab-case code for this diagnostic (e.g. `unknown-host`, `terminated`).
    public var code: String

    /// Creates an error; without a code, the kind's kebab-case name is used.
    public init(_ kind: Kind, _ message: String, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code ?? kind.defaultCode
    }

    /// `KIND: message`, e.g. `PERMISSION_DENIED: not allowed to spawn on host: app:processes`.
    public var description: String { kind.rawValue + ": " + message }
}

extension ProcessError {
    /// The exit error of a terminated process (`terminated`).
    public static let terminated = ProcessError(.internal, "terminated", code: "terminated")
    /// The exit error of a process that died because a linked process failed.
    public static let linkedProcessFailed = ProcessError(
        .internal, "linked process failed", code: "linked-process-failed")
    /// The exit error of a process still alive when its cancel deadline passed.
    public static let cancelDeadlineExceeded = ProcessError(
        .internal, "cancel deadline exceeded", code: "cancel-deadline-exceeded")
    /// The exit error of processes stopped by a runtime shutdown.
    public static let runtimeShutDown = ProcessError(.internal, "runtime shut down", code: "runtime-shut-down")
}
