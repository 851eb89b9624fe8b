/// Anything a call can be aimed at: a ``Destination``, a ``PID``, or a string that parses as one
/// (`{...}` is a PID, anything else a registered name).
public protocol DestinationConvertible: Sendable {
    /// The destination this value stands for; `INVALID` when it does not parse.
    func destination() throws(ProcessError) -> Destination
}

extension Destination: DestinationConvertible {
    /// Itself.
    public func destination() throws(ProcessError) -> Destination { self }
}

extension PID: DestinationConvertible {
    /// `.pid(self)`.
    public func destination() throws(ProcessError) -> Destination { .pid(self) }
}

extension String: DestinationConvertible {
    /// ``Destination/parse(_:)`` of this string.
    public func destination() throws(ProcessError) -> Destination { try Destination.parse(self) }
}
