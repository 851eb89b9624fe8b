/// Where a call is aimed: a process id or a registered name.
public enum Destination: Sendable, Hashable, CustomStringConvertible {
    /// A process id.
    case pid(PID)
    /// A name in the registry, resolved when the call runs.
    case name(String)

    /// Parses a destination string: text starting with `{` must be a PID (`INVALID` when it is
    /// malformed), anything else is a registered name. An empty string is `INVALID`.
    public static func parse(_ text: String) throws(ProcessError) -> Destination {
        if text.isEmpty {
            throw ProcessError(
                .invalid, "missing destination; hint: pass a pid or a registered name", code: "missing-argument")
        }
        if text.hasPrefix("{") { return .pid(try PID.parse(text)) }
        return .name(text)
    }

    /// The PID string or the name, as the call was given.
    public var description: String {
        switch self {
        case .pid(let pid): pid.description
        case .name(let name): name
        }
    }
}
