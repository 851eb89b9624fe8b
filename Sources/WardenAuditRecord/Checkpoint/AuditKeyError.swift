/// Why a signing or public key could not be made, read or written.
public struct AuditKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A lowercase message naming the file, with a hint.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
