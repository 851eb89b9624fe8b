import WardenValue

/// How a process ended: the value its body returned (normal exit) or an error (abnormal exit).
public enum ExitResult: Sendable, Hashable {
    /// Normal exit with the body's return value.
    case value(Value)
    /// Abnormal exit: the body threw, was terminated, missed its cancel deadline or died from a link.
    case error(ProcessError)

    /// Whether this is an abnormal exit.
    public var isAbnormal: Bool {
        if case .error = self { return true }
        return false
    }

    /// The spec's table form: `{value = ...}` or `{error = "..."}`.
    public var tableValue: Value {
        switch self {
        case .value(let v): .map(["value": v])
        case .error(let e): .map(["error": .string(e.message)])
        }
    }
}
